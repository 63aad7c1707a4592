import type { KeyboardEvent } from 'react';

interface LevelTabsProps<Level extends string> {
  /** The levels in the order the tabs show them. */
  levels: readonly Level[];
  level: Level;
  onChange: (level: Level) => void;
  /** A tab's words: "Campaigns", "Ad groups", "Ads". */
  titleOf: (level: Level) => string;
  /** The id of the panel the tabs control. */
  panelId: string;
  tabId: (level: Level) => string;
}

/**
 * Campaigns, Ad groups, Ads, as ARIA tabs: one tab stop, arrow keys (and Home, End) move between
 * them and show the tab at once, as the WAI-ARIA tabs pattern with automatic activation does.
 */
export function LevelTabs<Level extends string>({
  levels,
  level,
  onChange,
  titleOf,
  panelId,
  tabId,
}: LevelTabsProps<Level>) {
  const moveWithKeys = (event: KeyboardEvent) => {
    const current = levels.indexOf(level);
    const last = levels.length - 1;
    const next = {
      ArrowRight: current === last ? 0 : current + 1,
      ArrowLeft: current === 0 ? last : current - 1,
      Home: 0,
      End: last,
    }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const nextLevel = levels[next]!;
    onChange(nextLevel);
    document.getElementById(tabId(nextLevel))?.focus();
  };
  return (
    <div role="tablist" aria-label="Level" className="level-tabs" onKeyDown={moveWithKeys}>
      {levels.map((tabLevel) => (
        <button
          key={tabLevel}
          id={tabId(tabLevel)}
          type="button"
          role="tab"
          className="level-tabs__tab"
          aria-selected={tabLevel === level}
          aria-controls={panelId}
          tabIndex={tabLevel === level ? 0 : -1}
          onClick={() => onChange(tabLevel)}
        >
          {titleOf(tabLevel)}
        </button>
      ))}
    </div>
  );
}
