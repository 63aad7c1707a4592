import type { ReactNode, RefObject } from 'react';

interface AuthCardHeaderProps {
  title: ReactNode;
  /** The sentence under the title. */
  lead?: ReactNode;
  /** A word above the title that says what kind of page this is. */
  eyebrow?: string;
  /** Given when focus moves to the heading as the page changes (it is then focusable). */
  headingRef?: RefObject<HTMLHeadingElement | null>;
  /** Further lines of the header, below the lead. */
  children?: ReactNode;
}

/** The heading block of every page in the auth layout: log in, sign up, reset, invitations. */
export function AuthCardHeader({ title, lead, eyebrow, headingRef, children }: AuthCardHeaderProps) {
  return (
    <header className="auth-card__header">
      {eyebrow && <p className="eyebrow">{eyebrow}</p>}
      <h1 ref={headingRef} className="auth-card__title" tabIndex={headingRef ? -1 : undefined}>
        {title}
      </h1>
      {lead && <p className="auth-card__lead">{lead}</p>}
      {children}
    </header>
  );
}
