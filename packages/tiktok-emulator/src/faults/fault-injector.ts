import { createRandom } from '../state/random.js';

// Issue 3 §9: failures TikTok's gateway and API really show (reference §7, §8): HTTP 5xx pages,
// in-band 50000, slow answers, dropped connections (before the call runs, or after: an answer
// lost on the way back, as a timeout loses it), in-band 40100 and any other in-band code
// (`api_error`), by probability or at the Nth matching call, for every call of a path or only those
// whose request carries a given text. Probabilities draw from a seeded stream, so a seed replays
// the same faults.

export const faultKinds = [
  'http_500',
  'http_502',
  'http_503',
  'system_error',
  'latency',
  'drop_connection',
  'answer_lost',
  'rate_limit',
  'api_error',
] as const;
export type FaultKind = (typeof faultKinds)[number];

export interface FaultRuleInput {
  kind: FaultKind;
  /** API path such as "/campaign/get/"; omitted = every API path. */
  path?: string | undefined;
  method?: 'GET' | 'POST' | undefined;
  /** Chance per matching call (default 1 when `nth` is not given). */
  probability?: number | undefined;
  /** Fire only at the Nth matching call after the rule was added (1-based). */
  nth?: number | undefined;
  /** Stop after firing this many times. */
  times?: number | undefined;
  /** For `latency`: how long to hold the answer. */
  latencyMilliseconds?: number | undefined;
  /**
   * Only calls whose raw request carries this text (the JSON body of a POST, the query string of
   * a GET), e.g. one ad's name among those of /ad/create/. Calls without it are not counted for
   * `nth` either.
   */
  bodyContains?: string | undefined;
  /** For `api_error`: TikTok's code (reference §7), answered in the envelope with HTTP 200. */
  code?: number | undefined;
  /** For `api_error`: the envelope's message. */
  message?: string | undefined;
}

/** The envelope message of an `api_error` rule given no message of its own. */
export const defaultApiErrorMessage = 'Injected API error.';

/** Why a rule cannot be added, or undefined when it can. */
export function faultRuleProblem(input: FaultRuleInput): string | undefined {
  if (input.kind === 'api_error') {
    if (input.code === undefined) return 'code: an api_error rule needs the code to answer.';
    if (!Number.isInteger(input.code) || input.code === 0)
      return 'code: must be a non-zero integer (0 is success).';
  } else if (input.code !== undefined || input.message !== undefined) {
    return `code, message: only an api_error rule answers a code, not ${input.kind}.`;
  }
  if (input.bodyContains === '') return 'bodyContains: must not be empty.';
  return undefined;
}

export interface FaultRule extends FaultRuleInput {
  id: string;
  matched: number;
  fired: number;
}

export interface FaultInjector {
  add(input: FaultRuleInput): FaultRule;
  remove(id: string): boolean;
  clear(): void;
  list(): FaultRule[];
  /**
   * The rules that fire for this call, in the order they were added. `requestText` is what
   * `bodyContains` looks in, asked for only when a rule has one.
   */
  decide(path: string, method: string, requestText?: () => string): FaultRule[];
}

export function createFaultInjector(seed: number): FaultInjector {
  const random = createRandom(seed * 31 + 9);
  let rules: FaultRule[] = [];
  let nextId = 1;
  return {
    add(input) {
      const rule: FaultRule = { ...input, id: `fault-${nextId}`, matched: 0, fired: 0 };
      nextId += 1;
      rules.push(rule);
      return rule;
    },
    remove(id) {
      const before = rules.length;
      rules = rules.filter((rule) => rule.id !== id);
      return rules.length < before;
    },
    clear() {
      rules = [];
    },
    list: () => rules.map((rule) => ({ ...rule })),
    decide(path, method, requestText) {
      const fired: FaultRule[] = [];
      let text: string | undefined;
      for (const rule of rules) {
        if (rule.path !== undefined && rule.path !== path) continue;
        if (rule.method !== undefined && rule.method !== method) continue;
        if (rule.bodyContains !== undefined) {
          text ??= requestText?.() ?? '';
          if (!text.includes(rule.bodyContains)) continue;
        }
        rule.matched += 1;
        if (rule.times !== undefined && rule.fired >= rule.times) continue;
        const fires =
          rule.nth !== undefined ? rule.matched === rule.nth : random.next() < (rule.probability ?? 1);
        if (fires) {
          rule.fired += 1;
          fired.push(rule);
        }
      }
      return fired;
    },
  };
}
