const currencyFormats = new Map<string, Intl.NumberFormat>();
const plainFormat = new Intl.NumberFormat(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/**
 * An amount in an ad account's currency, e.g. "$1,250.00" or "¥5,000". An amount the server sent
 * as text stays text, which Intl formats digit for digit, so no cent is lost to floating point; a
 * number is a ratio worked out already (a cost per click). An account whose currency TikTok did
 * not give, or gave as a code Intl does not know, shows the plain number and the code.
 */
export function formatMoney(amount: string | number, currency: string | null): string {
  if (typeof amount === 'string' && !isDecimal(amount)) return amount;
  const format = currency ? currencyFormat(currency) : undefined;
  if (format) return format.format(amount);
  return currency ? `${plainFormat.format(amount)} ${currency}` : plainFormat.format(amount);
}

function isDecimal(text: string): text is `${number}` {
  return /^-?\d+(\.\d+)?$/.test(text);
}

function currencyFormat(currency: string): Intl.NumberFormat | undefined {
  const cached = currencyFormats.get(currency);
  if (cached) return cached;
  try {
    const format = new Intl.NumberFormat(undefined, { style: 'currency', currency });
    currencyFormats.set(currency, format);
    return format;
  } catch {
    return undefined;
  }
}

/** The sign an amount of the currency is written with ("$", "€"), or its code when Intl has none. */
export function currencySymbol(currency: string | null): string | null {
  if (!currency) return null;
  const format = currencyFormat(currency);
  return format?.formatToParts(0).find((part) => part.type === 'currency')?.value ?? currency;
}
