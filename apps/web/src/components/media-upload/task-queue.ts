export interface TaskQueue {
  /** Runs `task` once fewer than the queue's limit run; `signal` aborts when it is cancelled. */
  add(id: string, task: (signal: AbortSignal) => Promise<void>): void;
  cancel(id: string): void;
  cancelAll(): void;
}

/**
 * Runs at most `most` tasks at once, in the order they were added. The file checks use it: each
 * sends a whole file, and a dozen at once would share the person's upload bandwidth so that none
 * finished soon.
 */
export function createTaskQueue(most: number): TaskQueue {
  const waiting: { id: string; task: (signal: AbortSignal) => Promise<void> }[] = [];
  const running = new Map<string, AbortController>();

  function startNext() {
    while (running.size < most && waiting.length > 0) {
      const { id, task } = waiting.shift()!;
      const controller = new AbortController();
      running.set(id, controller);
      const done = () => {
        running.delete(id);
        startNext();
      };
      task(controller.signal).then(done, done);
    }
  }

  return {
    add(id, task) {
      waiting.push({ id, task });
      startNext();
    },
    cancel(id) {
      const index = waiting.findIndex((entry) => entry.id === id);
      if (index >= 0) waiting.splice(index, 1);
      running.get(id)?.abort();
    },
    cancelAll() {
      waiting.length = 0;
      for (const controller of running.values()) controller.abort();
    },
  };
}
