import type { DestinationStream } from 'pino';

/**
 * Log lines for a person at a terminal: `14:03:07 INFO  message  key=value …`, with an error's
 * stack below its line. Log collectors get pino's JSON instead (main.ts chooses); this reads that
 * same JSON, after redaction, so a readable line never holds more than the JSON would.
 */

const levelNames: Record<number, string> = {
  10: 'TRACE',
  20: 'DEBUG',
  30: 'INFO',
  40: 'WARN',
  50: 'ERROR',
  60: 'FATAL',
};

// ANSI colours: dim for the chatter, green for news, yellow and red for what needs a look.
const levelColours: Record<number, string> = { 10: '2', 20: '2', 30: '32', 40: '33', 50: '31', 60: '31' };

/** pino's own bookkeeping, which says nothing to a reader at a terminal. */
const omittedKeys = new Set(['level', 'time', 'msg', 'pid', 'hostname', 'v']);

export interface ReadableLogOptions {
  colours: boolean;
}

export function formatLogLine(entry: Record<string, unknown>, { colours }: ReadableLogOptions): string {
  const level = typeof entry.level === 'number' ? entry.level : 30;
  const name = (levelNames[level] ?? `LEVEL${level}`).padEnd(5);
  const paint = (code: string | undefined, text: string) =>
    colours && code ? `\u001b[${code}m${text}\u001b[0m` : text;
  const fields: string[] = [];
  const stacks: string[] = [];
  for (const [key, value] of Object.entries(entry)) {
    if (omittedKeys.has(key) || value === undefined) continue;
    if (isErrorLike(value)) {
      fields.push(...errorFields(key, value));
      stacks.push(...errorStacks(value));
    } else fields.push(...flattened(key, value));
  }
  const message = typeof entry.msg === 'string' ? entry.msg : '';
  const head = [
    paint('2', clockTime(entry.time)),
    paint(levelColours[level], name),
    message,
    fields.length > 0 ? paint('2', fields.join(' ')) : '',
  ]
    .filter((part) => part !== '')
    .join(' ');
  return [head, ...stacks].join('\n');
}

/** A pino destination that writes readable lines to `output` (a terminal). */
export function readableLogDestination(
  output: NodeJS.WritableStream,
  options: ReadableLogOptions,
): DestinationStream {
  return {
    write(line: string) {
      let entry: Record<string, unknown>;
      try {
        entry = JSON.parse(line) as Record<string, unknown>;
      } catch {
        output.write(line);
        return;
      }
      output.write(`${formatLogLine(entry, options)}\n`);
    },
  };
}

function clockTime(time: unknown): string {
  const date = new Date(typeof time === 'number' ? time : Date.now());
  return [date.getHours(), date.getMinutes(), date.getSeconds()]
    .map((part) => String(part).padStart(2, '0'))
    .join(':');
}

type ErrorLike = Record<string, unknown> & { message: unknown; stack?: unknown; cause?: unknown };

/** An error as lib/error-serializer.ts writes it. */
function isErrorLike(value: unknown): value is ErrorLike {
  return typeof value === 'object' && value !== null && 'message' in value && 'stack' in value;
}

/** The message, then what the error carries besides (a code, TikTok's request id…). */
function errorFields(key: string, error: ErrorLike): string[] {
  const extras = Object.entries(error).filter(
    ([name, value]) => !['type', 'message', 'stack', 'cause'].includes(name) && value !== undefined,
  );
  return [
    `${key}=${quoted(String(error.message))}`,
    ...extras.map(([name, value]) => `${key}.${name}=${shown(value)}`),
  ];
}

/** The stack, and each cause's below it, indented under the line. */
function errorStacks(error: ErrorLike): string[] {
  const stacks: string[] = [];
  for (let current: unknown = error; isErrorLike(current); current = current.cause) {
    const stack = typeof current.stack === 'string' ? current.stack : String(current.message);
    stacks.push(indented(current === error ? stack : `caused by: ${stack}`));
  }
  return stacks;
}

/** One level of nesting as `outer.inner=value`: enough for fastify's `req` and `res`. */
function flattened(key: string, value: unknown): string[] {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    return Object.entries(value)
      .filter(([, inner]) => inner !== undefined)
      .map(([innerKey, inner]) => `${key}.${innerKey}=${shown(inner)}`);
  }
  return [`${key}=${shown(value)}`];
}

function shown(value: unknown): string {
  if (typeof value === 'string') return quoted(value);
  if (Array.isArray(value) && value.every((item) => typeof item !== 'object' || item === null)) {
    return value.map(String).join(',');
  }
  return typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);
}

/** Plain when it reads as one token; in JSON quotes when spaces or quotes would blur where it ends. */
function quoted(text: string): string {
  return text === '' || /[\s"=]/.test(text) ? JSON.stringify(text) : text;
}

function indented(stack: string): string {
  return stack
    .split('\n')
    .map((line) => `    ${line.trim()}`)
    .join('\n');
}
