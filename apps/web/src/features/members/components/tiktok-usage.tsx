import type { TikTokPause, TikTokUsageResponse } from '@whathead/contracts';
import { Button } from '../../../components/ui/button';
import { FormAlert } from '../../../components/ui/form-alert';
import { Spinner } from '../../../components/ui/spinner';
import { messageForError } from '../../../lib/error-messages';
import { useNow } from '../../../lib/use-now';
import { useTikTokUsage } from '../api/get-tiktok-usage';
import { laneLabels, pauseSentence } from './tiktok-pause-sentences';

const numberFormat = new Intl.NumberFormat();
const shareFormat = new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 1 });

/**
 * Settings' TikTok usage panel, for owners and admins: today's TikTok calls by lane, this
 * workspace's and the whole app's (every workspace spends one budget), and whether TikTok is
 * pausing us. It refreshes every 30 seconds while open.
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
  return (
    <div className="stack">
      <PauseStatus pauses={usage.data.pauses} />
      <UsageTable usage={usage.data} />
    </div>
  );
}

/** A live region, there whether or not we are paused, so a pause that begins while the page is open is announced. */
function PauseStatus({ pauses }: { pauses: TikTokPause[] }) {
  // A pause that ends between two refreshes disappears when it ends, not up to 30 s later.
  const now = useNow(5_000);
  const running = pauses
    .filter((pause) => Date.parse(pause.until) > now)
    .sort((left, right) => Number(right.scope === 'app') - Number(left.scope === 'app'));
  return (
    <div
      role="status"
      aria-live="polite"
      className={running.length > 0 ? 'notice notice--warning' : 'notice'}
    >
      {running.length === 0 ? (
        <p>TikTok isn’t holding Whathead back: calls go out as they come.</p>
      ) : (
        running.map((pause) => (
          <p key={`${pause.scope}|${pause.endpoint}|${pause.advertiserId}`}>{pauseSentence(pause, now)}</p>
        ))
      )}
    </div>
  );
}

function UsageTable({ usage }: { usage: TikTokUsageResponse }) {
  const appTotal = usage.lanes.reduce((sum, lane) => sum + lane.appCalls, 0);
  const workspaceTotal = usage.lanes.reduce((sum, lane) => sum + lane.workspaceCalls, 0);
  return (
    <>
      <table className="table tiktok-usage">
        <caption className="visually-hidden">TikTok calls today (UTC day {usage.day})</caption>
        <thead>
          <tr>
            <th scope="col">Calls today</th>
            <th scope="col">This workspace</th>
            <th scope="col">All workspaces</th>
          </tr>
        </thead>
        <tbody>
          {usage.lanes.map((lane) => (
            <tr key={lane.lane}>
              <th scope="row">{laneLabels[lane.lane]}</th>
              <td>{numberFormat.format(lane.workspaceCalls)}</td>
              <td>{numberFormat.format(lane.appCalls)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Total</th>
            <td>{numberFormat.format(workspaceTotal)}</td>
            <td>{numberFormat.format(appTotal)}</td>
          </tr>
        </tfoot>
      </table>
      <p className="tiktok-usage__note">
        Whathead’s TikTok app may make {numberFormat.format(usage.appDayBudget)} calls a day, shared by every
        workspace; {shareFormat.format(appTotal / usage.appDayBudget)} of today’s are used. The day starts at
        00:00 UTC.
      </p>
    </>
  );
}
