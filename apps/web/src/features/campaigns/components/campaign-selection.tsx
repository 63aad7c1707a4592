import type { CampaignLevel } from '@whathead/contracts';
import type { ReactNode } from 'react';
import { CloseIcon } from '../../../components/ui/icons';
import { levelNouns } from './campaign-words';
import { countOf } from './count-words';
import type { ChangeView } from './use-campaign-view';

interface CampaignSelectionProps {
  level: CampaignLevel;
  /** Campaigns selected on the Campaigns tab (from the URL). */
  campaigns: readonly string[];
  /** Rows ticked on an Ad groups or Ads tab. */
  selectedHere: number;
  onClearHere: () => void;
  changeView: ChangeView;
  /** Why fewer campaigns were selected than asked for. */
  note: string | null;
  /** What can be done to the selected rows (Turn on, Turn off, Delete). */
  actions?: ReactNode;
}

/**
 * What the selection does: on Campaigns, how many are ticked and the way to their ad groups and
 * ads; on the other tabs, the chip that says they show only those campaigns' rows.
 */
export function CampaignSelection(props: CampaignSelectionProps) {
  const { level, campaigns, selectedHere, onClearHere, changeView, note, actions } = props;
  const nouns = levelNouns[level];
  if (level === 'campaign') {
    if (campaigns.length === 0) return null;
    return (
      <div className="campaign-selection" role="group" aria-label="Selected campaigns">
        <span className="campaign-selection__count">{countOf(campaigns.length, nouns)} selected</span>
        {actions}
        <button type="button" className="link-button" onClick={() => changeView({ level: 'adgroup' })}>
          Show their ad groups
        </button>
        <button type="button" className="link-button" onClick={() => changeView({ level: 'ad' })}>
          Show their ads
        </button>
        <button
          type="button"
          className="link-button"
          onClick={() => changeView({ campaigns: [] }, { replace: true })}
        >
          Clear selection
        </button>
        {note && <p className="campaign-selection__note">{note}</p>}
      </div>
    );
  }
  if (campaigns.length === 0 && selectedHere === 0) return null;
  return (
    <div className="campaign-selection">
      {campaigns.length > 0 && (
        <span className="chip">
          Showing {nouns.many} of{' '}
          {countOf(campaigns.length, { one: 'selected campaign', many: 'selected campaigns' })}
          <span aria-hidden="true"> · </span>
          <button
            type="button"
            className="chip__button"
            aria-label={`Clear: show the ${nouns.many} of every campaign`}
            onClick={() => changeView({ campaigns: [] })}
          >
            Clear
            <CloseIcon size={14} />
          </button>
        </span>
      )}
      {selectedHere > 0 && (
        <>
          <span className="campaign-selection__count">{countOf(selectedHere, nouns)} selected</span>
          {actions}
          <button type="button" className="link-button" onClick={onClearHere}>
            Clear selection
          </button>
        </>
      )}
    </div>
  );
}
