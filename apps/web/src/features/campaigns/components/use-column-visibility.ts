import type { ColumnVisibilityState } from '@tanstack/react-table';
import type { CampaignLevel } from '@whathead/contracts';
import { useState } from 'react';
import { columnInfo, hideableColumnsFor, type CampaignColumnId } from './campaign-columns';

const storageKey = (level: CampaignLevel) => `whathead.campaigns.columns.${level}`;

/** Every level starts with its details shown and the performance columns, empty until Reports, hidden. */
export function defaultColumnVisibility(level: CampaignLevel): ColumnVisibilityState {
  return Object.fromEntries(hideableColumnsFor(level).map((id) => [id, !isPerformance(id)]));
}

/**
 * Which columns a level shows, remembered in this browser per level: a marketer who hides
 * Objective on Ads keeps it on Campaigns. Storage that is full or blocked only costs the memory.
 */
export function useColumnVisibility(
  level: CampaignLevel,
): [ColumnVisibilityState, (visibility: ColumnVisibilityState) => void] {
  const [visibility, setVisibility] = useState(() => ({
    ...defaultColumnVisibility(level),
    ...storedVisibility(level),
  }));
  const change = (next: ColumnVisibilityState) => {
    setVisibility(next);
    try {
      window.localStorage.setItem(storageKey(level), JSON.stringify(next));
    } catch {
      // Private browsing or a full storage: the choice lasts until the page is left.
    }
  };
  return [visibility, change];
}

function storedVisibility(level: CampaignLevel): ColumnVisibilityState {
  try {
    const stored: unknown = JSON.parse(window.localStorage.getItem(storageKey(level)) ?? '{}');
    if (typeof stored !== 'object' || stored === null) return {};
    const known = new Set<string>(hideableColumnsFor(level));
    return Object.fromEntries(
      Object.entries(stored).filter(([id, shown]) => known.has(id) && typeof shown === 'boolean'),
    );
  } catch {
    return {};
  }
}

function isPerformance(id: CampaignColumnId): boolean {
  return 'performance' in columnInfo[id];
}
