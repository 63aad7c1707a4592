import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { Brand } from './brand';
import { SkipLink } from './skip-link';

/** The frame of the pages people see before they are inside a workspace: log in, sign up, invitations. */
export function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <div className="auth-layout">
      <SkipLink />
      <aside className="auth-layout__aside">
        <Link to="/" className="auth-layout__brand">
          <Brand className="brand--inverse" />
        </Link>
        <div className="auth-layout__pitch">
          <p className="auth-layout__pitch-title">Every TikTok ad account your team runs, in one place.</p>
          <ul className="auth-layout__points">
            <li>Plan and launch campaigns across clients and Business Centers</li>
            <li>Keep creatives organised alongside the ads that use them</li>
            <li>See spend, reach and conversions without switching accounts</li>
          </ul>
        </div>
        <p className="auth-layout__footnote">Built for marketers and agencies.</p>
      </aside>
      <div className="auth-layout__content">
        <Link to="/" className="auth-layout__compact-brand">
          <Brand />
        </Link>
        <main id="main" className="auth-layout__main" tabIndex={-1}>
          <div className="auth-card">{children}</div>
        </main>
      </div>
    </div>
  );
}
