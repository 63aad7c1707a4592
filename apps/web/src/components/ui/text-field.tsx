import { useId, type ComponentProps, type ReactNode } from 'react';
import { classNames } from '../../lib/class-names';
import { fieldDescription, FieldMessages } from './field-messages';

export interface TextFieldProps extends Omit<ComponentProps<'input'>, 'id'> {
  label: string;
  name: string;
  hint?: string;
  error?: string;
  /** A control drawn at the input's end, such as a password's Show button. */
  trailing?: ReactNode;
}

/** A labelled input with an optional hint and an error tied to it for assistive technology. */
export function TextField({ label, hint, error, trailing, className, ...inputProps }: TextFieldProps) {
  const controlId = useId();
  const input = (
    <input
      id={controlId}
      className={classNames('field__control', trailing !== undefined && 'field__control--with-trailing')}
      aria-invalid={error ? true : undefined}
      aria-describedby={fieldDescription({ controlId, hint, error })}
      {...inputProps}
    />
  );
  return (
    <div className={classNames('field', className)}>
      <label htmlFor={controlId} className="field__label">
        {label}
      </label>
      {trailing === undefined ? (
        input
      ) : (
        <span className="field__input-group">
          {input}
          {trailing}
        </span>
      )}
      <FieldMessages controlId={controlId} hint={hint} error={error} />
    </div>
  );
}
