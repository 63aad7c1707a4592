import { TextField, type TextFieldProps } from './text-field';

type EmailFieldProps = Omit<TextFieldProps, 'label' | 'name' | 'type'> & { label?: string };

/**
 * The email input every form uses: named `email` (the API's field), typed and autocompleted as
 * an email, never spell-checked, required.
 */
export function EmailField({ label = 'Email', ...props }: EmailFieldProps) {
  return (
    <TextField
      label={label}
      name="email"
      type="email"
      autoComplete="email"
      spellCheck={false}
      required
      {...props}
    />
  );
}
