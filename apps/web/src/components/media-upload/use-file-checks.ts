import type { MediaFileCheck } from '@whathead/contracts';
import { useCallback, useEffect, useRef, useState } from 'react';
import { messageForError } from '../../lib/error-messages';
import { checkMediaFile, refusalBeforeSending } from '../../lib/media-file-check';
import { createTaskQueue } from './task-queue';

/** Two or three files at once keep the line busy without starving each other. */
const simultaneousChecks = 3;

export type FileCheckState =
  /** Refused here, by its size, without sending it. */
  | { step: 'refused'; problem: string }
  | { step: 'waiting' }
  | { step: 'sending'; fraction: number }
  | { step: 'checked'; check: MediaFileCheck }
  /** The check itself failed (network, server): the file may be fine, so it can be tried again. */
  | { step: 'failed'; message: string };

export interface FileEntry {
  id: string;
  file: File;
  state: FileCheckState;
}

/**
 * The files a person chose and where each one's check stands. Checks run a few at a time; removing
 * a file, or closing the flow, cancels its check.
 */
export function useFileChecks(workspaceId: string) {
  const [entries, setEntries] = useState<readonly FileEntry[]>([]);
  const [queue] = useState(() => createTaskQueue(simultaneousChecks));
  const nextId = useRef(0);
  useEffect(() => () => queue.cancelAll(), [queue]);

  const setState = useCallback((id: string, state: FileCheckState) => {
    setEntries((current) => current.map((entry) => (entry.id === id ? { ...entry, state } : entry)));
  }, []);

  const check = useCallback(
    (id: string, file: File) =>
      queue.add(id, async (signal) => {
        setState(id, { step: 'sending', fraction: 0 });
        try {
          const onProgress = (fraction: number) => setState(id, { step: 'sending', fraction });
          setState(id, {
            step: 'checked',
            check: await checkMediaFile(workspaceId, file, { signal, onProgress }),
          });
        } catch (error) {
          if (!signal.aborted) setState(id, { step: 'failed', message: messageForError(error) });
        }
      }),
    [queue, setState, workspaceId],
  );

  const add = useCallback(
    (files: readonly File[]) => {
      const added = files.map((file): FileEntry => {
        nextId.current += 1;
        const problem = refusalBeforeSending(file);
        return {
          id: `file-${nextId.current}`,
          file,
          state: problem === null ? { step: 'waiting' } : { step: 'refused', problem },
        };
      });
      setEntries((current) => [...current, ...added]);
      for (const entry of added) if (entry.state.step === 'waiting') check(entry.id, entry.file);
    },
    [check],
  );

  const remove = useCallback(
    (id: string) => {
      queue.cancel(id);
      setEntries((current) => current.filter((entry) => entry.id !== id));
    },
    [queue],
  );

  const retry = useCallback(
    (entry: FileEntry) => {
      setState(entry.id, { step: 'waiting' });
      check(entry.id, entry.file);
    },
    [check, setState],
  );

  return { entries, add, remove, retry };
}
