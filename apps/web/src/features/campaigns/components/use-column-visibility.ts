import type { ColumnVisibilityState } from '@tanstack/react-table';
import type { CampaignLevel } from '@whathead/contracts';
import { useState } from 'react';
import { columnInfo, hideableColumnsFor, type CampaignColumnId } from './campaign-columns';

const storageKey = (level: CampaignLevel) => `whathead.campaigns.columns.v2.${level}`;
/**
 * Choices saved before the performance columns had figures, when they were hidden by default: only
 * their details carry over, so the performance columns show for everyone once.
 */
const firstStorageKey = (level: CampaignLevel) => `whathead.campaigns.columns.${level}`;

/** Every level starts with every column shown, its details and its performance over the range. */
export function defaultColumnVisibility(level: CampaignLevel): ColumnVisibilityState {
  return Object.fromEntries(hideableColumnsFor(level).map((id) => [id, true]));
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
      window.localStorage.removeItem(firstStorageKey(level));
    } catch {
      // Private browsing or a full storage: the choice lasts until the page is left.
    }
  };
  return [visibility, change];
}

function storedVisibility(level: CampaignLevel): ColumnVisibilityState {
  const known = hideableColumnsFor(level);
  const stored = storedChoice(storageKey(level), known);
  if (stored) return stored;
  const details = known.filter((id) => !isPerformance(id));
  return storedChoice(firstStorageKey(level), details) ?? {};
}

/** The choice saved under `key`, of these columns only; undefined when none is saved. */
function storedChoice(key: string, columns: readonly CampaignColumnId[]): ColumnVisibilityState | undefined {
  try {
    const text = window.localStorage.getItem(key);
    if (text === null) return undefined;
    const stored: unknown = JSON.parse(text);
    if (typeof stored !== 'object' || stored === null) return {};
    const known = new Set<string>(columns);
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
