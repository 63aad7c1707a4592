import type { TikTokPause, TikTokUsageResponse } from '@whathead/contracts';
import { Button } from '../../../components/ui/button';
import { FormAlert } from '../../../components/ui/form-alert';
import { Spinner } from '../../../components/ui/spinner';
import { messageForError } from '../../../lib/error-messages';
import { formatResumeTime } from '../../../lib/format-resume-time';
import { useNow } from '../../../lib/use-now';
import { useTikTokUsage } from '../api/get-tiktok-usage';
import { laneLabels, pauseSentence } from './tiktok-pause-sentences';

const numberFormat = new Intl.NumberFormat();
const shareFormat = new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 1 });
const dayMilliseconds = 86_400_000;

/**
 * Settings' TikTok usage panel, for owners and admins: this workspace's TikTok calls today by
 * lane, how much of TikTok's daily allowance Whathead as a whole has used (every workspace spends
 * one allowance; other workspaces' counts are never shown), and whether TikTok is pausing
 * Whathead. It refreshes every 30 seconds while open.
 */
export function TikTokUsage({ workspaceId }: { workspaceId: string }) {
  const usage = useTikTokUsage(workspaceId);
  if (usage.isPending) {
    return (
      <p className="loading-line" role="status">
        <Spinner /> Loading TikTok usage…
      </p>
    );
  }
  if (usage.isError) {
    return (
      <div className="stack">
        <FormAlert>{messageForError(usage.error)}</FormAlert>
        <div>
          <Button variant="secondary" onClick={() => void usage.refetch()}>
            Try again
          </Button>
        </div>
      </div>
    );
  }
  return <UsageReport usage={usage.data} />;
}

/**
 * The pauses and the figures, read against one clock: while TikTok has ended the app's day, the
 * share of the day's allowance is not shown as if the allowance were open.
 */
function UsageReport({ usage }: { usage: TikTokUsageResponse }) {
  // A pause that ends between two refreshes disappears when it ends, not up to 30 s later.
  const now = useNow(5_000);
  const running = usage.pauses
    .filter((pause) => Date.parse(pause.until) > now)
    .sort((left, right) => Number(right.scope === 'app') - Number(left.scope === 'app'));
  const dayEnded = running.some((pause) => pause.scope === 'app' && pause.budget === 'day');
  return (
    <div className="stack">
      <PauseStatus running={running} now={now} />
      <UsageTable usage={usage} />
      <p className="tiktok-usage__note">
        Calls are requests Whathead sent to TikTok for this workspace today (UTC day).
        {!dayEnded && <> {appShareSentence(usage.appDayShare, now)}</>}
      </p>
    </div>
  );
}

/** A live region, there whether or not TikTok is pausing, so a pause that begins while the page is open is announced. */
function PauseStatus({ running, now }: { running: TikTokPause[]; now: number }) {
  return (
    <div
      role="status"
      aria-live="polite"
      className={running.length > 0 ? 'notice notice--warning' : 'notice'}
    >
      {running.length === 0 ? (
        <p>TikTok isn’t limiting Whathead right now.</p>
      ) : (
        running.map((pause) => (
          <p key={`${pause.scope}|${pause.endpoint}|${pause.advertiserId}`}>{pauseSentence(pause, now)}</p>
        ))
      )}
    </div>
  );
}

/** Every workspace's calls together, only as a share: "under 0.1 %" rather than a 0 % that is not quite true. */
function appShareSentence(share: number, now: number): string {
  const whole = 'Whathead as a whole, all workspaces together,';
  if (share >= 1) {
    const nextUtcDay = Math.floor(now / dayMilliseconds) * dayMilliseconds + dayMilliseconds;
    return `${whole} has used all of TikTok’s daily allowance: calls wait until ${formatResumeTime(nextUtcDay, now)}; nothing is lost.`;
  }
  const used = share < 0.001 ? `under ${shareFormat.format(0.001)}` : shareFormat.format(share);
  return `${whole} has used ${used} of TikTok’s daily allowance.`;
}

function UsageTable({ usage }: { usage: TikTokUsageResponse }) {
  const total = usage.lanes.reduce((sum, lane) => sum + lane.workspaceCalls, 0);
  return (
    <table className="table tiktok-usage">
      <caption className="visually-hidden">This workspace’s TikTok calls today (UTC day {usage.day})</caption>
      <thead>
        <tr>
          <th scope="col">What for</th>
          <th scope="col">Calls today</th>
        </tr>
      </thead>
      <tbody>
        {usage.lanes.map((lane) => (
          <tr key={lane.lane}>
            <th scope="row">{laneLabels[lane.lane]}</th>
            <td>{numberFormat.format(lane.workspaceCalls)}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">Total</th>
          <td>{numberFormat.format(total)}</td>
        </tr>
      </tfoot>
    </table>
  );
}
