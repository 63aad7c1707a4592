import { FullPageMessage } from '../../components/layout/full-page-status';
import { ButtonLink } from '../../components/ui/button-link';
import { CompassIcon } from '../../components/ui/icons';
import { PageHeader } from '../../components/ui/page-header';
import { homePath } from '../../lib/redirect-target';
import { useSession } from '../../lib/session';
import { AppShell } from './app-shell';

const explanation = 'The address may be mistyped, or the page may have moved.';

/** Unknown addresses: inside the app for a logged-in user, on its own page otherwise. */
export function NotFoundRoute() {
  const { user } = useSession();
  if (!user) {
    return (
      <FullPageMessage
        title="Page not found"
        icon={<CompassIcon size={28} />}
        actions={<ButtonLink to="/login">Log in to Whathead</ButtonLink>}
      >
        <p>{explanation}</p>
      </FullPageMessage>
    );
  }
  return (
    <AppShell>
      <PageHeader title="Page not found" description={explanation} />
      <ButtonLink to={homePath}>Go to Campaigns</ButtonLink>
    </AppShell>
  );
}
