import type { ReactNode } from 'react';
import { Link, type LinkProps } from 'react-router';
import { buttonClassName, type ButtonSize, type ButtonVariant } from './button-class-name';

interface ButtonLinkProps extends LinkProps {
  variant?: ButtonVariant;
  size?: ButtonSize;
  icon?: ReactNode;
}

/** A navigation that looks like a button; it stays a link so it opens in a new tab and reads as a link. */
export function ButtonLink({ variant, size, icon, className, children, ...linkProps }: ButtonLinkProps) {
  return (
    <Link className={buttonClassName({ variant, size, className })} {...linkProps}>
      {icon}
      {children}
    </Link>
  );
}
