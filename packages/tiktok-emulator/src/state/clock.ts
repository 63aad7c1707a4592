/** The time source the emulator reads; inject one to test expiry and rate limits without sleeping. */
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/**
 * The emulator's own clock: the injected clock plus an offset that the control API can advance,
 * so a standalone server (which runs on the system clock) can still be moved forward in time.
 */
export interface EmulatorClock extends Clock {
  advance(milliseconds: number): void;
  offset(): number;
}

export function createEmulatorClock(base: Clock): EmulatorClock {
  let offsetMilliseconds = 0;
  return {
    now: () => base.now() + offsetMilliseconds,
    advance: (milliseconds) => {
      offsetMilliseconds += milliseconds;
    },
    offset: () => offsetMilliseconds,
  };
}

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

/** Reference §10: entity times are "YYYY-MM-DD HH:MM:SS" in UTC. */
export function formatDateTime(milliseconds: number): string {
  const date = new Date(milliseconds);
  return (
    `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())} ` +
    `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`
  );
}

/** Parses "YYYY-MM-DD HH:MM:SS" as UTC; undefined when malformed. */
export function parseDateTime(text: string): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(text);
  if (!match) return undefined;
  const [, year, month, day, hour, minute, second] = match.map(Number) as number[];
  const value = Date.UTC(year!, month! - 1, day!, hour!, minute!, second!);
  return formatDateTime(value) === text ? value : undefined;
}

export const millisecondsPerHour = 3_600_000;
export const millisecondsPerDay = 86_400_000;
