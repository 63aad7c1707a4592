import { Link, useSearchParams } from 'react-router';
import { AuthLayout } from '../../../components/layout/auth-layout';
import { DocumentTitle } from '../../../components/ui/document-title';
import { logInPath, redirectTarget } from '../../../lib/redirect-target';
import { SignUpForm } from './sign-up-form';
import { AuthCardHeader } from '../../../components/layout/auth-card-header';

export function SignUpPage() {
  const [searchParams] = useSearchParams();
  const next = searchParams.get('next');
  const destination = redirectTarget(next);

  return (
    <AuthLayout>
      <DocumentTitle title="Sign up" />
      <AuthCardHeader
        title="Create your Whathead account"
        lead="Start with a workspace for your team. You can connect TikTok and invite teammates next."
      />
      <SignUpForm destination={destination} autoFocus />
      <p className="auth-card__footer">
        Already have an account? <Link to={logInPath(next ? destination : undefined)}>Log in</Link>
      </p>
    </AuthLayout>
  );
}
