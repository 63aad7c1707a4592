import { useState } from 'react';
import { TextField, type TextFieldProps } from './text-field';

type PasswordFieldProps = Omit<TextFieldProps, 'type' | 'trailing'>;

/**
 * A password input with a Show button, so a long password can be checked before it is sent. The
 * button is a toggle (`aria-pressed`) whose name stays the same, as toggles' names should; its
 * name ends with the field's label, so two password fields on one form have distinct buttons.
 */
export function PasswordField({ label, ...props }: PasswordFieldProps) {
  const [isShown, setIsShown] = useState(false);
  const toggle = (
    <button
      type="button"
      className="field__trailing-button"
      aria-pressed={isShown}
      onClick={() => setIsShown((shown) => !shown)}
    >
      Show <span className="visually-hidden">{label.toLowerCase()}</span>
    </button>
  );
  return (
    <TextField
      label={label}
      type={isShown ? 'text' : 'password'}
      autoCapitalize="none"
      autoCorrect="off"
      spellCheck={false}
      trailing={toggle}
      {...props}
    />
  );
}
