import type { ReactNode } from 'react';
import { SkipLink } from './skip-link';

interface ShellLayoutProps {
  topBar: ReactNode;
  navigation: ReactNode;
  children: ReactNode;
}

/** The frame of the logged-in app: a top bar, a sidebar and the page. */
export function ShellLayout({ topBar, navigation, children }: ShellLayoutProps) {
  return (
    <div className="shell">
      <SkipLink />
      <header className="top-bar">{topBar}</header>
      <div className="shell__body">
        <aside className="sidebar">{navigation}</aside>
        <main id="main" className="shell__main" tabIndex={-1}>
          <div className="shell__page">{children}</div>
        </main>
      </div>
    </div>
  );
}
