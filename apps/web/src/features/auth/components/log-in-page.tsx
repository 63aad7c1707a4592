import { Link, useLocation, useSearchParams } from 'react-router';
import { AuthLayout } from '../../../components/layout/auth-layout';
import { DocumentTitle } from '../../../components/ui/document-title';
import { redirectTarget } from '../../../lib/redirect-target';
import type { PasswordChangedState } from '../api/complete-password-reset';
import { LogInForm } from './log-in-form';

export function LogInPage() {
  const [searchParams] = useSearchParams();
  const next = searchParams.get('next');
  const signUpPath = next ? `/signup?next=${encodeURIComponent(next)}` : '/signup';
  const passwordChangedFor = (useLocation().state as Partial<PasswordChangedState> | null)
    ?.passwordChangedFor;

  return (
    <AuthLayout>
      <DocumentTitle title="Log in" />
      <header className="auth-card__header">
        <h1 className="auth-card__title">Log in to Whathead</h1>
        <p className="auth-card__lead">Welcome back. Pick up where your team left off.</p>
      </header>
      {passwordChangedFor && (
        <p className="notice notice--success" role="status">
          Your password has been changed and every session of your account has ended. Log in with your new
          password.
        </p>
      )}
      <LogInForm destination={redirectTarget(next)} email={passwordChangedFor} />
      <p className="auth-card__footer">
        New to Whathead? <Link to={signUpPath}>Sign up</Link>
      </p>
    </AuthLayout>
  );
}
