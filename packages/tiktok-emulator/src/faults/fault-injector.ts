import { createRandom } from '../state/random.js';

// Issue 3 §9: failures TikTok's gateway and API really show (reference §7, §8): HTTP 5xx pages,
// in-band 50000, slow answers, dropped connections and in-band 40100, by probability or at the
// Nth matching call. Probabilities draw from a seeded stream, so a seed replays the same faults.

export const faultKinds = [
  'http_500',
  'http_502',
  'http_503',
  'system_error',
  'latency',
  'drop_connection',
  'rate_limit',
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
  /** The rules that fire for this call, in the order they were added. */
  decide(path: string, method: string): FaultRule[];
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
    decide(path, method) {
      const fired: FaultRule[] = [];
      for (const rule of rules) {
        if (rule.path !== undefined && rule.path !== path) continue;
        if (rule.method !== undefined && rule.method !== method) continue;
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
