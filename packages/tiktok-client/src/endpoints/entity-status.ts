import type { OpenEnum } from '../transport/wire-schemas.js';

/** Reference §4.3: what a status update may set (deleted objects cannot change again). */
export type OperationStatus = 'ENABLE' | 'DISABLE' | 'DELETE';

/** Reference §4.3: read side, which also shows FROZEN. */
export type ReadOperationStatus = OpenEnum<OperationStatus | 'FROZEN'>;

/** Reference §4.1: `primary_status` of the get filters (deleted hidden unless STATUS_ALL). */
export type PrimaryStatus =
  | 'STATUS_ALL'
  | 'STATUS_NOT_DELETE'
  | 'STATUS_DELETE'
  | 'STATUS_DELIVERY_OK'
  | 'STATUS_NOT_DELIVERY'
  | 'STATUS_DISABLE'
  | 'STATUS_FROZEN'
  | 'STATUS_TIME_DONE'
  | 'STATUS_RF_CLOSED'
  | 'STATUS_CLOSED';

export interface StatusUpdateResult {
  /** The ids TikTok reports as changed. */
  ids: string[];
  status: OpenEnum<OperationStatus> | undefined;
}

/** Merges per-batch results of a status update split into batches of 20 (reference §4.1). */
export const mergeStatusUpdates = (
  results: StatusUpdateResult[],
  status: OperationStatus,
): StatusUpdateResult => ({
  ids: results.flatMap((result) => result.ids),
  status: results.at(-1)?.status ?? status,
});
