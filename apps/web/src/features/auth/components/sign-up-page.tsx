import { Link, useSearchParams } from 'react-router';
import { AuthLayout } from '../../../components/layout/auth-layout';
import { DocumentTitle } from '../../../components/ui/document-title';
import { logInPath, redirectTarget } from '../../../lib/redirect-target';
import { SignUpForm } from './sign-up-form';

export function SignUpPage() {
  const [searchParams] = useSearchParams();
  const next = searchParams.get('next');
  const destination = redirectTarget(next);

  return (
    <AuthLayout>
      <DocumentTitle title="Sign up" />
      <header className="auth-card__header">
        <h1 className="auth-card__title">Create your Whathead account</h1>
        <p className="auth-card__lead">
          Start with a workspace for your team. You can connect TikTok and invite teammates next.
        </p>
      </header>
      <SignUpForm destination={destination} autoFocus />
      <p className="auth-card__footer">
        Already have an account? <Link to={logInPath(next ? destination : undefined)}>Log in</Link>
      </p>
    </AuthLayout>
  );
}
