import { classNames } from '../../lib/class-names';

/** A small decorative spinner; pair it with text that says what is loading. */
export function Spinner({ className }: { className?: string }) {
  return <span className={classNames('spinner', className)} aria-hidden="true" />;
}
