import { Link, useLocation, useSearchParams } from 'react-router';
import { AuthLayout } from '../../../components/layout/auth-layout';
import { DocumentTitle } from '../../../components/ui/document-title';
import { StatusMessage } from '../../../components/ui/status-message';
import { readAuthPageState, type AuthPageState } from '../../../lib/auth-page-state';
import { redirectTarget } from '../../../lib/redirect-target';
import { LogInForm } from './log-in-form';
import { AuthCardHeader } from '../../../components/layout/auth-card-header';

const notices: Record<NonNullable<AuthPageState['reason']>, string> = {
  'password-reset':
    'Your password has been changed and every session of your account has ended. Log in with your new password.',
  'session-ended': 'Your session has ended. Log in again.',
};

export function LogInPage() {
  const [searchParams] = useSearchParams();
  const next = searchParams.get('next');
  const signUpPath = next ? `/signup?next=${encodeURIComponent(next)}` : '/signup';
  const { email, reason } = readAuthPageState(useLocation().state);

  return (
    <AuthLayout>
      <DocumentTitle title="Log in" />
      <AuthCardHeader title="Log in to Whathead" lead="Welcome back. Pick up where your team left off." />
      <StatusMessage tone={reason === 'session-ended' ? 'neutral' : 'success'}>
        {reason && notices[reason]}
      </StatusMessage>
      <LogInForm destination={redirectTarget(next)} email={email} />
      <p className="auth-card__footer">
        New to Whathead? <Link to={signUpPath}>Sign up</Link>
      </p>
    </AuthLayout>
  );
}
