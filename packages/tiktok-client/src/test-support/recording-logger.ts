import type { TikTokCallEvent, TikTokClientLogger } from '../observability/tiktok-call-event.js';

/** A logger that keeps every event, as the JSON lines a real logger would write. */
export function createRecordingLogger(): TikTokClientLogger & {
  events: TikTokCallEvent[];
  lines(): string[];
} {
  const events: TikTokCallEvent[] = [];
  return {
    events,
    info: (event) => events.push(event),
    warn: (event) => events.push(event),
    lines: () => events.map((event) => JSON.stringify(event)),
  };
}

/** Everything an error would show in a log: message, name, own fields, cause chain. */
export function describeErrorForLogs(error: unknown): string {
  const parts: string[] = [];
  for (let current: unknown = error, depth = 0; current && depth < 5; depth += 1) {
    if (current instanceof Error) {
      parts.push(current.name, current.message, current.stack ?? '', JSON.stringify({ ...current }));
      current = current.cause;
    } else {
      parts.push(String(current));
      break;
    }
  }
  return parts.join('\n');
}
