import type { CreateMediaBatchInput } from '@whathead/contracts';
import { countOf } from '../../lib/media-words';
import type { FileEntry } from './use-file-checks';

export interface UploadPlan {
  /** The accepted files, each of its bytes once: what the batch names. */
  files: CreateMediaBatchInput['files'];
  /** Files refused, here or by the server's check, or whose check failed. */
  refused: number;
  /** Files whose bytes another chosen file has already: they would be the same upload. */
  repeated: ReadonlyMap<string, string>;
  /** Files still waiting for, or in, their check. */
  checking: number;
}

/** What a confirm would upload, worked out from where each file's check stands. */
export function uploadPlan(entries: readonly FileEntry[]): UploadPlan {
  const files: UploadPlan['files'] = [];
  const firstNames = new Map<string, string>();
  const repeated = new Map<string, string>();
  let refused = 0;
  let checking = 0;
  for (const { id, file, state } of entries) {
    if (state.step === 'waiting' || state.step === 'sending') checking += 1;
    else if (state.step !== 'checked' || !state.check.accepted) refused += 1;
    else {
      const { sha256, fileName } = state.check;
      const first = firstNames.get(sha256);
      if (first !== undefined) repeated.set(id, first);
      else {
        firstNames.set(sha256, file.name);
        files.push({ sha256, fileName });
      }
    }
  }
  return { files, refused, repeated, checking };
}

/** "4 files × 2 ad accounts = 8 uploads; 2 files refused and left out". */
export function matrixWords(plan: UploadPlan, accounts: number): string {
  const uploads = plan.files.length * accounts;
  const matrix = `${countOf(plan.files.length, 'file')} × ${countOf(accounts, 'ad account')} = ${countOf(uploads, 'upload')}`;
  return plan.refused > 0 ? `${matrix}; ${countOf(plan.refused, 'file')} refused and left out` : matrix;
}
