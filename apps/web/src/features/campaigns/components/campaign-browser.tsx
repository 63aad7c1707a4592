import {
  campaignLevels,
  type CampaignLevel,
  type CampaignSyncResponse,
  type ReportStatusResponse,
  type TikTokConnectionsResponse,
} from '@whathead/contracts';
import { useCallback, useId, useMemo } from 'react';
import { LevelTabs } from '../../../components/ui/level-tabs';
import { isSyncRunning } from '../api/get-campaign-sync';
import { accountOptions, resolveAccounts } from './campaign-accounts';
import { CampaignLevelPanel } from './campaign-level-panel';
import { levelNouns } from './campaign-words';
import { presetDayOf } from './metric-range';
import { useCampaignView } from './use-campaign-view';

interface CampaignBrowserProps {
  workspaceId: string;
  connections: TikTokConnectionsResponse;
  sync: CampaignSyncResponse | undefined;
  /** Each ad account's today for the range presets: undefined while it loads, null if unreadable. */
  reportStatus: ReportStatusResponse | null | undefined;
}

/** The tabs and the view they show, all of it read from and written to the URL. */
export function CampaignBrowser({ workspaceId, connections, sync, reportStatus }: CampaignBrowserProps) {
  const { view, changeView } = useCampaignView();
  const options = useMemo(() => accountOptions(connections, sync), [connections, sync]);
  const accounts = useMemo(
    () => resolveAccounts(view.accounts, connections.defaultAdvertiserId, options),
    [view.accounts, connections.defaultAdvertiserId, options],
  );
  const presetDay = useMemo(() => presetDayOf(reportStatus, accounts), [reportStatus, accounts]);
  const panelId = useId();
  const tabBaseId = useId();
  const tabId = useCallback((level: CampaignLevel) => `${tabBaseId}-${level}`, [tabBaseId]);
  return (
    <div className="campaign-browser">
      <LevelTabs
        levels={campaignLevels}
        level={view.level}
        onChange={(level) => changeView({ level })}
        titleOf={(level) => levelNouns[level].title}
        panelId={panelId}
        tabId={tabId}
      />
      <CampaignLevelPanel
        key={view.level}
        workspaceId={workspaceId}
        view={view}
        changeView={changeView}
        accountOptions={options}
        accounts={accounts}
        presetDay={presetDay}
        isImporting={isSyncRunning(sync) && (sync?.imported ?? 0) < (sync?.importing ?? 0)}
        panelId={panelId}
        tabId={tabId(view.level)}
      />
    </div>
  );
}
