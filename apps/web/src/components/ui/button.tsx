import type { ComponentProps, ReactNode } from 'react';
import { classNames } from '../../lib/class-names';
import { Spinner } from './spinner';

export type ButtonVariant = 'primary' | 'secondary' | 'ghost' | 'danger';

export interface ButtonProps extends ComponentProps<'button'> {
  variant?: ButtonVariant;
  size?: 'medium' | 'small';
  /** Shows a spinner and blocks further clicks while an action runs; the label stays the same. */
  isLoading?: boolean;
  icon?: ReactNode;
  fullWidth?: boolean;
}

export function Button({
  variant = 'primary',
  size = 'medium',
  isLoading = false,
  icon,
  fullWidth = false,
  type = 'button',
  disabled,
  className,
  children,
  ...buttonProps
}: ButtonProps) {
  return (
    <button
      type={type}
      className={classNames(
        'button',
        `button--${variant}`,
        size === 'small' && 'button--small',
        fullWidth && 'button--full-width',
        className,
      )}
      disabled={disabled || isLoading}
      aria-busy={isLoading || undefined}
      {...buttonProps}
    >
      {isLoading ? <Spinner /> : icon}
      {children}
    </button>
  );
}
