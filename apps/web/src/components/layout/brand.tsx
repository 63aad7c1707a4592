import { classNames } from '../../lib/class-names';

/** The Whathead logo mark and word mark. */
export function Brand({ className }: { className?: string }) {
  return (
    <span className={classNames('brand', className)}>
      <span className="brand__mark" aria-hidden="true">
        <svg viewBox="0 0 24 24" width="18" height="18" fill="none" focusable="false">
          <path
            d="M5.5 8l2.75 8L12 9.5 15.75 16 18.5 8"
            stroke="currentColor"
            strokeWidth="2.4"
            strokeLinecap="round"
            strokeLinejoin="round"
          />
        </svg>
      </span>
      <span className="brand__name">Whathead</span>
    </span>
  );
}
