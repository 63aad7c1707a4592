import { useController } from 'react-hook-form';
import type { Option } from './setting-controls';
import { SettingGroup } from './setting-field';

/** Settings chosen with checkboxes and radios, each bound to one setting of the form by name. */

export function CheckboxSetting({ name, label, hint }: { name: string; label: string; hint?: string }) {
  const { field } = useController({ name });
  return (
    <SettingGroup name={name} legend={label} hint={hint} className="builder-form__group--single">
      {(control) => (
        <label className="choice">
          <input
            type="checkbox"
            name={field.name}
            ref={field.ref}
            aria-invalid={control['aria-invalid']}
            aria-describedby={control['aria-describedby']}
            disabled={control.disabled}
            checked={field.value === true}
            onChange={(event) => field.onChange(event.target.checked)}
            onBlur={field.onBlur}
          />
          <span className="choice__text">{label}</span>
        </label>
      )}
    </SettingGroup>
  );
}

interface ChoicesSettingProps<Value extends string> {
  name: string;
  legend: string;
  hint?: string;
  options: readonly Option<Value>[];
}

/** Several values of a list, as checkboxes; the setting holds them in the options' order. */
export function ChecksSetting<Value extends string>({
  name,
  legend,
  hint,
  options,
}: ChoicesSettingProps<Value>) {
  const { field } = useController({ name });
  const chosen: readonly string[] = Array.isArray(field.value) ? field.value : [];
  // Values the options do not list (a language loaded from TikTok) are kept, and shown.
  const shownOptions = [
    ...options,
    ...chosen
      .filter((value) => !options.some((option) => option.value === value))
      .map((value) => ({ value, label: value, disabled: false })),
  ];
  const toggle = (value: string, on: boolean) =>
    field.onChange(
      toggledInOrder(
        chosen,
        value,
        on,
        shownOptions.map((option) => option.value),
      ),
    );
  return (
    <SettingGroup name={name} legend={legend} hint={hint}>
      {(control) => (
        <div className="builder-form__choices">
          {shownOptions.map((option) => (
            <label key={option.value} className="choice">
              <input
                type="checkbox"
                name={field.name}
                value={option.value}
                aria-invalid={control['aria-invalid']}
                checked={chosen.includes(option.value)}
                disabled={control.disabled || option.disabled}
                onChange={(event) => toggle(option.value, event.target.checked)}
                onBlur={field.onBlur}
              />
              <span>{option.label}</span>
            </label>
          ))}
        </div>
      )}
    </SettingGroup>
  );
}

/** One value of a short list, as radios. */
export function RadiosSetting<Value extends string>({
  name,
  legend,
  hint,
  options,
}: ChoicesSettingProps<Value>) {
  const { field } = useController({ name });
  return (
    <SettingGroup name={name} legend={legend} hint={hint}>
      {(control) => (
        <div className="builder-form__choices">
          {options.map((option) => (
            <label key={option.value} className="choice">
              <input
                type="radio"
                name={field.name}
                value={option.value}
                aria-invalid={control['aria-invalid']}
                checked={field.value === option.value}
                disabled={control.disabled || option.disabled}
                onChange={() => field.onChange(option.value)}
                onBlur={field.onBlur}
              />
              <span>{option.label}</span>
            </label>
          ))}
        </div>
      )}
    </SettingGroup>
  );
}

/**
 * The values chosen after `value` is ticked (`on`) or unticked, in the order the list shows them,
 * so that the setting does not change with the order they were clicked in.
 */
export function toggledInOrder(
  chosen: readonly string[],
  value: string,
  on: boolean,
  order: readonly string[],
): string[] {
  const next = on ? [...chosen, value] : chosen.filter((each) => each !== value);
  return order.filter((each) => next.includes(each));
}
