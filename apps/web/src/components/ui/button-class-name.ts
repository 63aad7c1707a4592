import { classNames } from '../../lib/class-names';

export type ButtonVariant = 'primary' | 'secondary' | 'ghost' | 'danger';

/** The app's one button scale: `medium` for a page's and a form's actions, `small` for rows and bars. */
export type ButtonSize = 'medium' | 'small';

export interface ButtonLook {
  variant?: ButtonVariant;
  size?: ButtonSize;
  fullWidth?: boolean;
  className?: string;
}

/** The classes of a button, shared by Button and ButtonLink so a link can look like any button. */
export function buttonClassName({
  variant = 'primary',
  size = 'medium',
  fullWidth = false,
  className,
}: ButtonLook): string {
  return classNames(
    'button',
    `button--${variant}`,
    size === 'small' && 'button--small',
    fullWidth && 'button--full-width',
    className,
  );
}
