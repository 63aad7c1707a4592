import { levelWords, type DraftLevel } from '@whathead/contracts';

/** "a campaign", "an ad group", "an ad". */
export function withArticle(level: DraftLevel): string {
  const word = levelWords[level].one;
  return `${/^[aeiou]/.test(word) ? 'an' : 'a'} ${word}`;
}

/** "Campaign", "Ad group", "Ad". */
export function levelTitle(level: DraftLevel): string {
  const word = levelWords[level].one;
  return `${word[0]!.toUpperCase()}${word.slice(1)}`;
}

/** "1 campaign", "3 ad groups". */
export function countOfLevel(amount: number, level: DraftLevel): string {
  return `${amount.toLocaleString()} ${amount === 1 ? levelWords[level].one : levelWords[level].many}`;
}
