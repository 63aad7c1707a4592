import type { ReactNode } from 'react';
import { Link, type LinkProps } from 'react-router';
import { classNames } from '../../lib/class-names';
import type { ButtonVariant } from './button';

interface ButtonLinkProps extends LinkProps {
  variant?: ButtonVariant;
  icon?: ReactNode;
}

/** A navigation that looks like a button; it stays a link so it opens in a new tab and reads as a link. */
export function ButtonLink({
  variant = 'primary',
  icon,
  className,
  children,
  ...linkProps
}: ButtonLinkProps) {
  return (
    <Link className={classNames('button', `button--${variant}`, className)} {...linkProps}>
      {icon}
      {children}
    </Link>
  );
}
