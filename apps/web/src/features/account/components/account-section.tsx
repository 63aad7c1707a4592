import { SettingsSection } from '../../../components/layout/settings-section';
import { useSession } from '../../../lib/session';
import { ChangePasswordForm } from './change-password-form';

/** The Settings page's section about the user's own account. */
export function AccountSection() {
  const { user } = useSession();
  if (!user) return null;
  return (
    <SettingsSection
      title="Your account"
      description={`You log in as ${user.email}. Changing your password logs you out everywhere else.`}
    >
      <ChangePasswordForm email={user.email} />
    </SettingsSection>
  );
}
