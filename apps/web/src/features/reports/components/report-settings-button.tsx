import type { ReportSettings } from '@whathead/contracts';
import { useEffect, useState } from 'react';
import { Button } from '../../../components/ui/button';
import { Dialog } from '../../../components/ui/dialog';
import { SettingsIcon } from '../../../components/ui/icons';
import { StatusMessage } from '../../../components/ui/status-message';
import { hourlyRetentionExplanation, restatementExplanation } from '../lib/report-settings-words';
import { ReportSettingsForm } from './report-settings-form';

interface ReportSettingsButtonProps {
  workspaceId: string;
  settings: ReportSettings;
  /** Owners and admins change the settings; members only read them. */
  canChange: boolean;
}

/** How long "Report settings saved." stays beside the button, as "Link copied" does. */
const savedMessageMilliseconds = 5000;

/** "Report settings" and its dialog: the form for owners and admins, the values for members. */
export function ReportSettingsButton({ workspaceId, settings, canChange }: ReportSettingsButtonProps) {
  const [isOpen, setIsOpen] = useState(false);
  const [isSaved, setIsSaved] = useState(false);
  const close = () => setIsOpen(false);

  useEffect(() => {
    if (!isSaved) return;
    const timeout = window.setTimeout(() => setIsSaved(false), savedMessageMilliseconds);
    return () => window.clearTimeout(timeout);
  }, [isSaved]);

  return (
    <>
      {/* Before the button: the buttons keep their places (the header's actions sit at its end). */}
      <StatusMessage className="report-settings__saved">{isSaved && 'Report settings saved.'}</StatusMessage>
      <Button
        variant="secondary"
        size="small"
        icon={<SettingsIcon size={16} />}
        aria-haspopup="dialog"
        onClick={() => {
          // Gone with the next action here, so saving again is announced again.
          setIsSaved(false);
          setIsOpen(true);
        }}
      >
        Report settings
      </Button>
      {isOpen && (
        <Dialog
          title="Report settings"
          description="How this workspace’s report figures are read from TikTok and kept."
          onClose={close}
        >
          {canChange ? (
            <ReportSettingsForm
              workspaceId={workspaceId}
              settings={settings}
              onSaved={() => {
                setIsSaved(true);
                close();
              }}
              onCancel={close}
            />
          ) : (
            <ReportSettingsSummary settings={settings} />
          )}
        </Dialog>
      )}
    </>
  );
}

/** The settings as they are, for members. */
function ReportSettingsSummary({ settings }: { settings: ReportSettings }) {
  return (
    <div className="stack">
      <dl className="details">
        <div className="details__item">
          <dt>Days re-read on every sync</dt>
          <dd>
            {daysWords(settings.restatementDays)}
            <span className="details__note">{restatementExplanation}</span>
          </dd>
        </div>
        <div className="details__item">
          <dt>Hourly figures kept</dt>
          <dd>
            {daysWords(settings.hourlyRetentionDays)}
            <span className="details__note">{hourlyRetentionExplanation}</span>
          </dd>
        </div>
      </dl>
      <p className="notice">Only owners and admins can change report settings.</p>
    </div>
  );
}

function daysWords(days: number): string {
  return days === 1 ? '1 day' : `${days} days`;
}
