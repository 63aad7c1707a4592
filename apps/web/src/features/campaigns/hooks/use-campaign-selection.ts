import type { RowSelectionState, Updater } from '@tanstack/react-table';
import type { CampaignRow } from '@whathead/contracts';
import { useCallback, useEffect, useRef, useState } from 'react';
import { selectedIdsAfter } from '../components/campaign-table';
import {
  maximumSelectedCampaigns,
  type CampaignView,
  type ChangeView,
} from '../components/use-campaign-view';

/**
 * The rows ticked on one tab. Ad groups and ads ticked stay here; campaigns ticked live in the
 * URL, as they narrow the other tabs. A tick shows at once, and the URL, which the router updates
 * a moment later, then takes over; the URL of an older tick arriving after a newer tick was made
 * doesn't undo it, so quick ticks are all kept.
 */
export function useCampaignSelection(view: CampaignView, changeView: ChangeView) {
  const [selectedHere, setSelectedHere] = useState<string[]>([]);
  const [note, setNote] = useState<string | null>(null);
  const [ticked, setTicked] = useState<readonly string[] | null>(null);
  // The selections sent to the URL and not seen there yet, oldest first.
  const [waitingFor, setWaitingFor] = useState<readonly string[]>([]);
  const [campaignsInUrl, setCampaignsInUrl] = useState(view.campaigns);
  if (campaignsInUrl !== view.campaigns) {
    setCampaignsInUrl(view.campaigns);
    const arrived = waitingFor.indexOf(view.campaigns.join(','));
    if (arrived >= 0 && arrived < waitingFor.length - 1) setWaitingFor(waitingFor.slice(arrived + 1));
    else {
      // The URL caught up, or moved on its own (Back, a link, Clear): it leads again.
      setTicked(null);
      setWaitingFor([]);
    }
  }
  const selectedCampaigns = ticked ?? view.campaigns;

  const tickCampaigns = useCallback(
    (kept: string[]) => {
      setTicked(kept);
      setWaitingFor((current) => [...current, kept.join(',')]);
      changeView({ campaigns: kept }, { replace: true });
    },
    [changeView],
  );
  const selectCampaigns = (change: Updater<RowSelectionState>) => {
    const ids = selectedIdsAfter(change, selectedCampaigns);
    const kept = ids.slice(0, maximumSelectedCampaigns);
    setNote(
      ids.length > kept.length
        ? `Selected: the first ${maximumSelectedCampaigns} of ${ids.length} campaigns, the most that can be selected at once (they also narrow the Ad groups and Ads tabs). Turn on, Turn off and Delete act on these ${maximumSelectedCampaigns}.`
        : null,
    );
    tickCampaigns(kept);
  };
  const selectHere = (change: Updater<RowSelectionState>) =>
    setSelectedHere((current) => selectedIdsAfter(change, current));

  // Rows deleted, or out of the view after an action, leave the selection as it stands when
  // TikTok answers; two calls before the next render build on each other.
  const latestCampaigns = useRef(selectedCampaigns);
  useEffect(() => {
    latestCampaigns.current = selectedCampaigns;
  });
  const isCampaigns = view.level === 'campaign';
  const deselect = useCallback(
    (rows: readonly CampaignRow[]) => {
      const ids = new Set(rows.map((row) => row.id));
      if (isCampaigns) {
        const kept = latestCampaigns.current.filter((id) => !ids.has(id));
        if (kept.length === latestCampaigns.current.length) return;
        latestCampaigns.current = kept;
        tickCampaigns(kept);
      } else if (ids.size > 0) setSelectedHere((current) => current.filter((id) => !ids.has(id)));
    },
    [isCampaigns, tickCampaigns],
  );

  return {
    /** Campaigns selected on the Campaigns tab, which narrow the other tabs. */
    campaigns: selectedCampaigns,
    /** Rows ticked on an Ad groups or Ads tab. */
    here: selectedHere,
    /** The ids ticked on this tab. */
    ids: isCampaigns ? selectedCampaigns : selectedHere,
    select: isCampaigns ? selectCampaigns : selectHere,
    clearHere: () => setSelectedHere([]),
    deselect,
    /** Why fewer campaigns were selected than asked for. */
    note,
  };
}
