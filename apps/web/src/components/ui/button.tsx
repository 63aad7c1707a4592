import type { ComponentProps, MouseEvent, ReactNode } from 'react';
import { buttonClassName, type ButtonSize, type ButtonVariant } from './button-class-name';
import { Spinner } from './spinner';

export interface ButtonProps extends ComponentProps<'button'> {
  variant?: ButtonVariant;
  size?: ButtonSize;
  /** Shows a spinner and ignores further clicks while an action runs; the label stays the same. */
  isLoading?: boolean;
  icon?: ReactNode;
  fullWidth?: boolean;
}

/**
 * A button. While busy, and when marked `aria-disabled`, it stays focusable but does nothing:
 * the `disabled` attribute would drop keyboard and screen reader focus to the page's start just
 * when the result of the action arrives. `disabled` is for buttons that never had focus.
 */
export function Button({
  variant = 'primary',
  size = 'medium',
  isLoading = false,
  icon,
  fullWidth = false,
  type = 'button',
  className,
  children,
  onClick,
  ...buttonProps
}: ButtonProps) {
  const isInert =
    isLoading || buttonProps['aria-disabled'] === true || buttonProps['aria-disabled'] === 'true';
  const handleClick = (event: MouseEvent<HTMLButtonElement>) => {
    // Also stops a submit button's form from being sent again, by click or by Enter in a field.
    if (isInert) event.preventDefault();
    else onClick?.(event);
  };
  return (
    <button
      type={type}
      className={buttonClassName({ variant, size, fullWidth, className })}
      aria-busy={isLoading || undefined}
      {...buttonProps}
      aria-disabled={isInert || undefined}
      onClick={handleClick}
    >
      {isLoading ? <Spinner /> : icon}
      {children}
    </button>
  );
}
