import { useId, type ReactNode } from 'react';

interface EmptyStateProps {
  icon: ReactNode;
  /** Rendered as an h2 under the page's h1. */
  title: string;
  children: ReactNode;
  action?: ReactNode;
  /** A faded sketch of what the section will show once it has data. */
  preview?: ReactNode;
}

/** What a section shows before it has anything: what will appear, and how to get there. */
export function EmptyState({ icon, title, children, action, preview }: EmptyStateProps) {
  const titleId = useId();
  return (
    <section className="empty-state" aria-labelledby={titleId}>
      {preview && (
        <div className="empty-state__preview" aria-hidden="true">
          {preview}
        </div>
      )}
      <div className="empty-state__body">
        <span className="empty-state__icon" aria-hidden="true">
          {icon}
        </span>
        <h2 id={titleId} className="empty-state__title">
          {title}
        </h2>
        <div className="empty-state__description">{children}</div>
        {action && <div className="empty-state__action">{action}</div>}
      </div>
    </section>
  );
}
