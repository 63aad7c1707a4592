/** One API call as the emulator saw it: for tests and benchmarks that count calls and outcomes. */
export interface CallRecord {
  sequence: number;
  time: number;
  method: string;
  path: string;
  query: Record<string, unknown>;
  appId: string | undefined;
  advertiserId: string | undefined;
  httpStatus: number;
  /** The envelope code, or undefined when no envelope was sent (HTTP fault, dropped connection). */
  code: number | undefined;
  requestId: string | undefined;
  fault: string | undefined;
  durationMilliseconds: number;
}

export interface CallLog {
  record(call: Omit<CallRecord, 'sequence'>): void;
  list(): CallRecord[];
  clear(): void;
}

/** Keeps the most recent calls only, so a long benchmark cannot grow memory without bound. */
export function createCallLog(capacity = 20_000): CallLog {
  let calls: CallRecord[] = [];
  let sequence = 0;
  return {
    record(call) {
      sequence += 1;
      calls.push({ ...call, sequence });
      if (calls.length > capacity) calls = calls.slice(calls.length - capacity);
    },
    list: () => [...calls],
    clear() {
      calls = [];
    },
  };
}
