import { useEffect, useState, type ReactNode } from 'react';
import { classNames } from '../../lib/class-names';

/** Long enough for screen readers to have registered the empty region before its text arrives. */
const announceDelayMilliseconds = 150;

interface StatusMessageProps {
  /** The message; nothing while there is none. The region itself is always there. */
  children?: ReactNode;
  tone?: 'success' | 'neutral';
  className?: string;
}

/**
 * A polite live region for news that is not an error ("Check your email", "Password changed").
 * Screen readers announce changes inside a live region they already know, not a region that
 * arrives with its text inside, so this one is rendered empty first: render it where the message
 * will appear before there is a message. A message present when the region mounts (a page that
 * opens with a notice) is put in a moment later, for the same reason.
 */
export function StatusMessage({ children, tone = 'success', className }: StatusMessageProps) {
  const [isRegistered, setIsRegistered] = useState(false);
  useEffect(() => {
    const timeout = window.setTimeout(() => setIsRegistered(true), announceDelayMilliseconds);
    return () => window.clearTimeout(timeout);
  }, []);
  const message = isRegistered ? children : null;
  const hasMessage = message !== null && message !== undefined && message !== false && message !== '';
  return (
    <div
      role="status"
      aria-live="polite"
      aria-atomic="true"
      className={classNames(
        'status-message',
        hasMessage && 'notice',
        hasMessage && tone === 'success' && 'notice--success',
        className,
      )}
    >
      {message}
    </div>
  );
}
