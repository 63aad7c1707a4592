import { createContext } from 'react';

interface CampaignTableContextValue {
  /** The clock the dates are read against, ticking once a minute for the whole table. */
  now: number;
  /** Says something in the table's one live region (a copied ID), instead of one region per row. */
  announce: (message: string) => void;
}

export const CampaignTableContext = createContext<CampaignTableContextValue>({
  now: 0,
  announce: () => undefined,
});
