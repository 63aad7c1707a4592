import type { ReactNode } from 'react';
import { DocumentTitle } from '../ui/document-title';
import { Spinner } from '../ui/spinner';

/** Fills the window while the app starts, with text for screen readers to announce. */
export function FullPageLoading({ label = 'Loading Whathead…' }: { label?: string }) {
  return (
    <main id="main" className="full-page-status" aria-busy="true">
      <Spinner className="spinner--large" />
      <p role="status">{label}</p>
    </main>
  );
}

interface FullPageMessageProps {
  title: string;
  icon?: ReactNode;
  children: ReactNode;
  actions?: ReactNode;
}

/** A whole-window message for when a page cannot be shown at all. */
export function FullPageMessage({ title, icon, children, actions }: FullPageMessageProps) {
  return (
    <main id="main" className="full-page-status" tabIndex={-1}>
      <DocumentTitle title={title} />
      {icon && (
        <span className="full-page-status__icon" aria-hidden="true">
          {icon}
        </span>
      )}
      <h1 className="full-page-status__title">{title}</h1>
      <div className="full-page-status__body">{children}</div>
      {actions && <div className="full-page-status__actions">{actions}</div>}
    </main>
  );
}
