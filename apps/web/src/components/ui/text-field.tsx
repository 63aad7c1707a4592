import { useId, type ComponentProps } from 'react';
import { classNames } from '../../lib/class-names';
import { fieldDescription, FieldMessages } from './field-messages';

export interface TextFieldProps extends Omit<ComponentProps<'input'>, 'id'> {
  label: string;
  name: string;
  hint?: string;
  error?: string;
}

/** A labelled input with an optional hint and an error tied to it for assistive technology. */
export function TextField({ label, hint, error, className, ...inputProps }: TextFieldProps) {
  const controlId = useId();
  return (
    <div className={classNames('field', className)}>
      <label htmlFor={controlId} className="field__label">
        {label}
      </label>
      <input
        id={controlId}
        className="field__control"
        aria-invalid={error ? true : undefined}
        aria-describedby={fieldDescription({ controlId, hint, error })}
        {...inputProps}
      />
      <FieldMessages controlId={controlId} hint={hint} error={error} />
    </div>
  );
}
