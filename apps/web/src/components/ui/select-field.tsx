import { useId, type ComponentProps } from 'react';
import { classNames } from '../../lib/class-names';
import { fieldDescription, FieldMessages } from './field-messages';

export interface SelectFieldProps extends Omit<ComponentProps<'select'>, 'id'> {
  label: string;
  hint?: string;
  error?: string;
  /** A compact variant for toolbars, with the label beside the control. */
  inline?: boolean;
}

/** A labelled native select, which keeps keyboard and screen reader behaviour for free. */
export function SelectField({
  label,
  hint,
  error,
  inline = false,
  className,
  children,
  ...selectProps
}: SelectFieldProps) {
  const controlId = useId();
  return (
    <div className={classNames('field', inline && 'field--inline', className)}>
      <label htmlFor={controlId} className="field__label">
        {label}
      </label>
      <span className="select">
        <select
          id={controlId}
          className="field__control select__control"
          aria-invalid={error ? true : undefined}
          aria-describedby={fieldDescription({ controlId, hint, error })}
          {...selectProps}
        >
          {children}
        </select>
      </span>
      <FieldMessages controlId={controlId} hint={hint} error={error} />
    </div>
  );
}
