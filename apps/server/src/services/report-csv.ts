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
 * One CSV field. Quoted when it holds a comma, quote or line break; text a spreadsheet would run
 * as a formula (=, +, -, @ first) is prefixed with an apostrophe, since names are anyone's text.
 */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const line = (fields: (string | number | null)[]) => `${fields.map(csvField).join(',')}\r\n`;

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
      row.advertiserId,
      row.advertiserName,
      row.currency,
      row.campaignId,
      row.campaignName ?? (report.level === 'campaign' ? row.name : null),
      ...(report.level === 'campaign'
        ? []
        : [row.adgroupId, row.adgroupName ?? (report.level === 'adgroup' ? row.name : null)]),
      ...(report.level === 'ad' ? [row.id, row.name] : []),
      ...metricColumns.map(([key]) => row.metrics[key]),
    ]);
  }
}
