import { useId, type ReactNode } from 'react';

interface SettingsSectionProps {
  title: string;
  description?: string;
  children: ReactNode;
}

/** A titled block of the settings page; the heading names the section's region. */
export function SettingsSection({ title, description, children }: SettingsSectionProps) {
  const headingId = useId();
  return (
    <section className="section card" aria-labelledby={headingId}>
      <header className="section__header">
        <h2 id={headingId} className="section__title">
          {title}
        </h2>
        {description && <p className="section__description">{description}</p>}
      </header>
      <div className="section__body">{children}</div>
    </section>
  );
}
