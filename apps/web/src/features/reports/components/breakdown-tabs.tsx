import { reportLevels, type ReportLevel } from '@whathead/contracts';
import type { KeyboardEvent } from 'react';
import { levelNouns } from '../lib/level-words';

interface BreakdownTabsProps {
  level: ReportLevel;
  onChange: (level: ReportLevel) => void;
  panelId: string;
  tabId: (level: ReportLevel) => string;
}

/** Campaigns, Ad groups, Ads as ARIA tabs: one tab stop; arrow keys, Home and End move and show. */
export function BreakdownTabs({ level, onChange, panelId, tabId }: BreakdownTabsProps) {
  const moveWithKeys = (event: KeyboardEvent) => {
    const current = reportLevels.indexOf(level);
    const last = reportLevels.length - 1;
    const next = {
      ArrowRight: current === last ? 0 : current + 1,
      ArrowLeft: current === 0 ? last : current - 1,
      Home: 0,
      End: last,
    }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const nextLevel = reportLevels[next]!;
    onChange(nextLevel);
    document.getElementById(tabId(nextLevel))?.focus();
  };
  return (
    <div role="tablist" aria-label="Level" className="campaign-tabs" onKeyDown={moveWithKeys}>
      {reportLevels.map((tabLevel) => (
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
