/** "1 campaign", "3 ad groups": a count and its noun, in the right number. */
export const countOf = (amount: number, nouns: { one: string; many: string }) =>
  `${amount.toLocaleString()} ${amount === 1 ? nouns.one : nouns.many}`;
