import type { ReactNode } from 'react';
import { AlertIcon } from './icons';

/** A form-level error, announced as soon as it appears. Renders nothing without a message. */
export function FormAlert({ children }: { children?: ReactNode }) {
  if (!children) return null;
  return (
    <div className="alert alert--error" role="alert">
      <AlertIcon />
      <div>{children}</div>
    </div>
  );
}
