import { campaignLevels, type CampaignLevel } from '@whathead/contracts';
import type { KeyboardEvent } from 'react';
import { levelNouns } from './campaign-words';

interface CampaignTabsProps {
  level: CampaignLevel;
  onChange: (level: CampaignLevel) => void;
  /** The id of the panel the tabs control. */
  panelId: string;
  tabId: (level: CampaignLevel) => string;
}

/**
 * Campaigns, Ad groups, Ads, as ARIA tabs: one tab stop, arrow keys (and Home, End) move between
 * them and show the tab at once, as the WAI-ARIA tabs pattern with automatic activation does.
 */
export function CampaignTabs({ level, onChange, panelId, tabId }: CampaignTabsProps) {
  const moveWithKeys = (event: KeyboardEvent) => {
    const current = campaignLevels.indexOf(level);
    const last = campaignLevels.length - 1;
    const next = {
      ArrowRight: current === last ? 0 : current + 1,
      ArrowLeft: current === 0 ? last : current - 1,
      Home: 0,
      End: last,
    }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const nextLevel = campaignLevels[next]!;
    onChange(nextLevel);
    document.getElementById(tabId(nextLevel))?.focus();
  };
  return (
    <div role="tablist" aria-label="Level" className="campaign-tabs" onKeyDown={moveWithKeys}>
      {campaignLevels.map((tabLevel) => (
        <button
          key={tabLevel}
          id={tabId(tabLevel)}
          type="button"
          role="tab"
          className="campaign-tabs__tab"
          aria-selected={tabLevel === level}
          aria-controls={panelId}
          tabIndex={tabLevel === level ? 0 : -1}
          onClick={() => onChange(tabLevel)}
        >
          {levelNouns[tabLevel].title}
        </button>
      ))}
    </div>
  );
}
