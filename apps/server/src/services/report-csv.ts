import type { ReportBreakdownRow, ReportLevel, ReportMetricKey, ReportMetrics } from '@whathead/contracts';

/** The CSV's metric columns: TikTok's words, numbers unformatted (a dot, no grouping). */
const metricColumns: [ReportMetricKey, string][] = [
  ['spend', 'Spend'],
  ['impressions', 'Impressions'],
  ['clicks', 'Clicks'],
  ['ctr', 'CTR (%)'],
  ['cpc', 'CPC'],
  ['cpm', 'CPM'],
  ['conversions', 'Conversions'],
  ['costPerConversion', 'Cost per conversion'],
  ['conversionRate', 'Conversion rate (%)'],
  ['results', 'Results'],
  ['costPerResult', 'Cost per result'],
  ['videoPlays', 'Video views'],
  ['videoWatched2s', '2-second video views'],
  ['videoWatched6s', '6-second video views'],
  ['videoViewsP25', 'Video views at 25%'],
  ['videoViewsP50', 'Video views at 50%'],
  ['videoViewsP75', 'Video views at 75%'],
  ['videoViewsP100', 'Video views at 100%'],
  ['likes', 'Likes'],
  ['comments', 'Comments'],
  ['shares', 'Shares'],
  ['follows', 'Follows'],
  ['profileVisits', 'Profile visits'],
];

/**
 * An id column's value. TikTok's ids have 16 to 19 digits, and Excel reads a bare or a quoted one
 * alike as a number, keeping 15 digits (7200000000000000011 becomes 7.2E+18). Nothing keeps it
 * text in Excel without harm: `="…"` is a formula, the very thing this file never holds; a leading
 * tab or apostrophe, or an invisible character, changes the id for every program that reads the
 * file, and a leading tab is itself on OWASP's list of formula starts. So ids are quoted text:
 * exact for every RFC 4180 reader, and text in LibreOffice ("quoted field as text") and in Excel's
 * Data > From Text/CSV with the column set to Text.
 */
export interface CsvId {
  id: string | null;
}

type CsvValue = string | number | null | CsvId;

const quoted = (text: string) => `"${text.replace(/"/g, '""')}"`;

/**
 * Text a spreadsheet could run as a formula, made inert with an apostrophe: names are anyone's
 * text. A cell starts where the text starts, and also after each `;`: Excel where `;` separates
 * (much of Europe) splits the line there and honours a quote only at the start of its own cell,
 * so `Promo;=1+1` in the middle of a line gives a cell `=1+1` however it is quoted. Tabs and line
 * breaks start cells for tools that split on them.
 */
function inert(text: string): string {
  // Quotes before the trigger too: `x;"=1+1` gives a cell `""=1+1`, which a spreadsheet may
  // read as an empty text joined to a formula.
  const cells = text.replace(/([;\t\r\n])(?="*[=+\-@])/g, "$1'");
  return /^("*[=+\-@]|[\t\r])/.test(cells) ? `'${cells}` : cells;
}

/**
 * One CSV field. Numbers are bare. Text is quoted when it holds a comma, quote or line break
 * (RFC 4180), or a `;` (the separator where `;` is the one); an id always is (CsvId).
 */
export function csvField(value: CsvValue): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'object') return value.id === null ? '' : quoted(inert(value.id));
  const safe = inert(value);
  return /[",;\r\n]/.test(safe) ? quoted(safe) : safe;
}

const line = (fields: CsvValue[]) => `${fields.map(csvField).join(',')}\r\n`;
const id = (value: string | null): CsvId => ({ id: value });

/**
 * The breakdown as CSV lines, written as the rows come: first the header rows (the range and each
 * account's currency and time zone, which the numbers are in), then one line per row.
 */
export async function* reportCsv(report: {
  level: ReportLevel;
  from: string;
  to: string;
  accounts: { advertiserId: string; name: string; currency: string; timeZone: string }[];
  rows: AsyncIterable<ReportBreakdownRow<ReportMetrics>>;
}): AsyncGenerator<string> {
  // UTF-8's byte order mark: without it Excel reads the file in the machine's legacy code page, and
  // a name such as "Café" or "日本" comes out garbled.
  yield '\uFEFF';
  yield line([
    'Report',
    `${report.level === 'adgroup' ? 'Ad group' : report.level === 'ad' ? 'Ad' : 'Campaign'} breakdown`,
  ]);
  yield line(['Range', `${report.from} to ${report.to}, each account's own days`]);
  for (const account of report.accounts)
    yield line([
      'Ad account',
      `${account.name} (${account.advertiserId})`,
      'Currency',
      account.currency,
      'Time zone',
      account.timeZone,
    ]);
  yield '\r\n';
  yield line([
    'Ad account ID',
    'Ad account',
    'Currency',
    'Campaign ID',
    'Campaign',
    ...(report.level === 'campaign' ? [] : ['Ad group ID', 'Ad group']),
    ...(report.level === 'ad' ? ['Ad ID', 'Ad'] : []),
    ...metricColumns.map(([, label]) => label),
  ]);
  for await (const row of report.rows) {
    yield line([
      id(row.advertiserId),
      row.advertiserName,
      row.currency,
      id(row.campaignId),
      row.campaignName ?? (report.level === 'campaign' ? row.name : null),
      ...(report.level === 'campaign'
        ? []
        : [id(row.adgroupId), row.adgroupName ?? (report.level === 'adgroup' ? row.name : null)]),
      ...(report.level === 'ad' ? [id(row.id), row.name] : []),
      ...metricColumns.map(([key]) => row.metrics[key]),
    ]);
  }
}
