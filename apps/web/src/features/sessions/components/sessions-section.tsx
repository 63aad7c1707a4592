import { SettingsSection } from '../../../components/layout/settings-section';
import { OtherSessions } from './other-sessions';

/** The Settings page's section about where the user is logged in. */
export function SessionsSection() {
  return (
    <SettingsSection
      title="Your sessions"
      description="Browsers and devices where you’re logged in. Lost a laptop, or logged in on a shared computer? Log out everywhere else."
    >
      <OtherSessions />
    </SettingsSection>
  );
}
