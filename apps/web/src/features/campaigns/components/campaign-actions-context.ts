import type { CampaignRow } from '@whathead/contracts';
import { createContext } from 'react';
import type { RowField } from '../hooks/use-campaign-actions';

export type AmountField = 'budget' | 'bid';

/** What a row's cells can do and say about the table's actions; absent, the table is read-only. */
export interface CampaignActionsContextValue {
  /** Why the row's last change of this field didn't happen, in plain words. */
  problemOf: (row: CampaignRow, field: RowField) => string | null;
  isSaving: (row: CampaignRow, field: RowField) => boolean;
  /** Forgets why the row's last change of this field didn't happen: the user is at it again. */
  clearProblem: (row: CampaignRow, field: RowField) => void;
  saveAmount: (row: CampaignRow, field: AmountField, amount: number) => void;
  openRename: (row: CampaignRow) => void;
  openHistory: (row: CampaignRow) => void;
}

export const CampaignActionsContext = createContext<CampaignActionsContextValue | null>(null);
