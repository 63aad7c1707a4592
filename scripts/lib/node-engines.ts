import { readFileSync } from 'node:fs';

type Version = [number, number, number];

const parse = (text: string): { version: Version; given: number } => {
  const parts = text.replace(/^v/, '').split('.');
  const numbers = parts.map((part) => (/^\d+$/.test(part) ? Number(part) : undefined));
  const given = numbers.findIndex((number) => number === undefined);
  const count = given === -1 ? numbers.length : given;
  return { version: [numbers[0] ?? 0, numbers[1] ?? 0, numbers[2] ?? 0], given: count };
};

const compare = (left: Version, right: Version): number =>
  left[0] - right[0] || left[1] - right[1] || left[2] - right[2];

/** One comparator of an npm range (`>=20.19`, `^22.12.0`, `20`, `18.x`, `*`). */
function satisfiesComparator(version: Version, comparator: string): boolean {
  const match = /^(>=|<=|>|<|=|\^|~)?\s*(.*)$/.exec(comparator)!;
  const operator = match[1] ?? '';
  const target = match[2]!;
  if (target === '*' || target === 'x' || target === '') return true;
  const { version: bound, given } = parse(target);
  const order = compare(version, bound);
  switch (operator) {
    case '>=':
      return order >= 0;
    case '>':
      return order > 0;
    case '<=':
      return order <= 0;
    case '<':
      return order < 0;
    case '^':
      return order >= 0 && (bound[0] > 0 ? version[0] === bound[0] : version[1] === bound[1]);
    case '~':
      return order >= 0 && version[0] === bound[0] && (given < 2 || version[1] === bound[1]);
    default:
      // `20`, `20.19`, `20.x`: every version that starts so.
      return version.slice(0, given).every((part, index) => part === bound[index]);
  }
}

/** Whether `version` satisfies an npm `engines.node` range (`||` of space-separated comparators). */
export function satisfiesRange(version: string, range: string): boolean {
  const parsed = parse(version).version;
  return range.split('||').some((alternative) =>
    alternative
      .trim()
      .replace(/(>=|<=|>|<|=|\^|~)\s+/g, '$1')
      .split(/\s+/)
      .every((comparator) => satisfiesComparator(parsed, comparator)),
  );
}

/** Locked packages whose `engines.node` refuses `version` (npm warns EBADENGINE for each). */
export function packagesRefusingNode(lockFile: string, version: string): string[] {
  const lock = JSON.parse(readFileSync(lockFile, 'utf8')) as {
    packages: Record<string, { version?: string; engines?: { node?: string } | string[] }>;
  };
  return Object.entries(lock.packages).flatMap(([location, entry]) => {
    const range = Array.isArray(entry.engines) ? undefined : entry.engines?.node;
    if (!range || satisfiesRange(version, range)) return [];
    return [`${location.replace(/^.*node_modules\//, '')}@${entry.version} needs node ${range}`];
  });
}
