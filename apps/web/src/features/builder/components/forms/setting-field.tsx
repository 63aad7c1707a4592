import { useId, type ReactNode } from 'react';
import { fieldDescription, FieldMessages } from '../../../../components/ui/field-messages';
import { classNames } from '../../../../lib/class-names';
import { useSettingState, type SettingState } from './setting-state';

/** What a setting's control needs to be labelled, described and marked invalid. */
export interface ControlProps {
  id: string;
  disabled: boolean;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

interface SettingShellProps {
  name: string;
  label: string;
  hint?: string;
  /** "12/100": shown beside the message, also read with the control. */
  counter?: string;
  className?: string;
  children: (control: ControlProps, state: SettingState) => ReactNode;
}

function describedBy(...ids: (string | undefined)[]): string | undefined {
  const joined = ids.filter(Boolean).join(' ');
  return joined === '' ? undefined : joined;
}

/** A labelled setting: its control, a counter, and the error or note under it. */
export function SettingShell({ name, label, hint, counter, className, children }: SettingShellProps) {
  const controlId = useId();
  const state = useSettingState(name);
  const note = state.note ?? hint;
  const counterId = counter === undefined ? undefined : `${controlId}-counter`;
  const control: ControlProps = {
    id: controlId,
    disabled: state.disabled,
    'aria-invalid': state.error ? true : undefined,
    'aria-describedby': describedBy(
      fieldDescription({ controlId, hint: note, error: state.error }),
      counterId,
    ),
  };
  return (
    <div className={classNames('field', className)}>
      <label htmlFor={controlId} className="field__label">
        {label}
      </label>
      {children(control, state)}
      <SettingFooter
        controlId={controlId}
        counterId={counterId}
        counter={counter}
        state={state}
        note={note}
      />
    </div>
  );
}

interface SettingGroupProps {
  name: string;
  legend: string;
  hint?: string;
  className?: string;
  children: (control: ControlProps, state: SettingState) => ReactNode;
}

/** A setting of several controls (checkboxes, radios) under one legend, with one message. */
export function SettingGroup({ name, legend, hint, className, children }: SettingGroupProps) {
  const controlId = useId();
  const state = useSettingState(name);
  const note = state.note ?? hint;
  const description = fieldDescription({ controlId, hint: note, error: state.error });
  const control: ControlProps = {
    id: controlId,
    disabled: state.disabled,
    'aria-invalid': state.error ? true : undefined,
    'aria-describedby': description,
  };
  return (
    <fieldset
      className={classNames('builder-form__group', className)}
      aria-describedby={description}
      disabled={state.disabled}
    >
      <legend className="field__label">{legend}</legend>
      {children(control, state)}
      <SettingFooter controlId={controlId} state={state} note={note} />
    </fieldset>
  );
}

interface SettingFooterProps {
  controlId: string;
  counterId?: string;
  counter?: string;
  state: SettingState;
  note: string | undefined;
}

function SettingFooter({ controlId, counterId, counter, state, note }: SettingFooterProps) {
  return (
    <>
      {counter !== undefined && (
        <p id={counterId} className="builder-form__counter">
          {counter}
        </p>
      )}
      <FieldMessages controlId={controlId} hint={note} error={state.error} />
      {state.restore && (
        <button type="button" className="link-button builder-form__restore" onClick={state.restore}>
          Put back what TikTok has
        </button>
      )}
    </>
  );
}
