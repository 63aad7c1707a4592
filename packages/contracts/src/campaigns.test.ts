import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { campaignTableQuerySchema, editCampaignEntityInputSchema } from './campaigns.js';

/** The first message the edit schema gives for `input`, or the parsed input when it passes. */
const edit = (input: Record<string, unknown>) => {
  const parsed = editCampaignEntityInputSchema.safeParse(input);
  return parsed.success ? parsed.data : parsed.error.issues[0]!.message;
};
const query = (input: Record<string, unknown>) => {
  const parsed = campaignTableQuerySchema.safeParse(input);
  return parsed.success ? parsed.data : parsed.error.issues[0]!.message;
};

describe('a budget or bid', () => {
  it('takes every two-decimal amount, as a JSON number or as text', () => {
    for (const budget of [19.99, 20.15, 1.1, 0.07, 1234567.89, 0.01, 999_999_999.99, 1_000_000_000]) {
      assert.deepEqual(edit({ budget }), { budget }, String(budget));
      assert.deepEqual(edit({ bid: String(budget) }), { bid: budget }, String(budget));
    }
    assert.deepEqual(edit({ budget: '007.5' }), { budget: 7.5 });
  });

  it('takes each cent up to 1,000.00 and a spread of larger amounts', () => {
    const refused: string[] = [];
    const check = (text: string) => {
      for (const budget of [Number(text), text]) {
        const parsed = editCampaignEntityInputSchema.safeParse({ budget });
        if (!parsed.success || parsed.data.budget !== Number(text)) refused.push(JSON.stringify(budget));
      }
    };
    for (let cents = 1; cents <= 100_000; cents += 1)
      check(`${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`);
    for (let whole = 1_000; whole < 1_000_000_000; whole = whole * 3 + 7)
      for (let cents = 0; cents < 100; cents += 1) check(`${whole}.${String(cents).padStart(2, '0')}`);
    assert.deepEqual(refused, []);
  });

  it('refuses more than two decimals', () => {
    for (const budget of [1.005, 19.999, 0.001, 1e-7, '1.234', '20.150'])
      assert.equal(edit({ budget }), 'Use at most two decimals.', String(budget));
  });

  it('reads only a JSON number or plain decimal text, nothing coerced', () => {
    for (const budget of [
      '0x20',
      '1e2',
      [25],
      ' 30 ',
      '30 ',
      true,
      false,
      null,
      '',
      'abc',
      '5.',
      '.5',
      '+5',
      '1,5',
      {},
    ])
      assert.equal(edit({ budget }), 'Enter an amount.', JSON.stringify(budget));
  });

  it('refuses nothing or less', () => {
    for (const budget of [0, -5, '0', '0.00', '-5', '-0.5'])
      assert.equal(edit({ budget }), 'Enter an amount above zero.', String(budget));
  });

  it('refuses more than Whathead’s own ceiling of 1,000,000,000', () => {
    for (const bid of [1e21, 1e308, 1_000_000_000.01, '1000000001', `1${'0'.repeat(400)}`])
      assert.equal(edit({ bid }), 'Enter at most 1,000,000,000.', String(bid));
  });
});

describe('a new name', () => {
  it('is trimmed, and may hold any printable text but emoji', () => {
    assert.deepEqual(edit({ name: '  Ünïcode 广告 𝓐  ' }), { name: 'Ünïcode 广告 𝓐' });
    assert.equal(edit({ name: 'Summer 🎯' }), 'TikTok does not accept emoji in names.');
  });

  it('refuses text that is not well-formed: a lone half of a surrogate pair', () => {
    for (const name of ['Half \ud83d name', 'Half \ude00 name', 'End \ud83d'])
      assert.equal(edit({ name }), 'The name has a broken character. Type it again.', JSON.stringify(name));
  });

  it('refuses control characters and line breaks', () => {
    for (const name of [
      'North\u0000wind',
      'Ring\u0007',
      'Two\nlines',
      'Tab\there',
      'C1\u0085',
      'One\u2028Two',
    ])
      assert.equal(
        edit({ name }),
        "Names can't contain line breaks or control characters.",
        JSON.stringify(name),
      );
  });

  it('refuses characters that make a name read backwards', () => {
    for (const name of ['Evil\u202Egpj.exe', 'a\u202Ab', 'a\u2066b', 'a\u2069b'])
      assert.equal(
        edit({ name }),
        "Names can't contain characters that change the text direction.",
        JSON.stringify(name),
      );
  });
});

describe('the table’s search and objective filter', () => {
  it('refuse control characters, which PostgreSQL cannot compare', () => {
    assert.equal(query({ q: 'Sum\u0000mer' }), 'Search for text without line breaks or control characters.');
    assert.equal(query({ q: 'a\u0007' }), 'Search for text without line breaks or control characters.');
    assert.equal(query({ q: 'a\u2028b' }), 'Search for text without line breaks or control characters.');
    assert.equal(query({ objective: 'TRAFFIC\u0000' }), 'Not an objective.');
  });

  it('still take ordinary text', () => {
    const parsed = campaignTableQuerySchema.parse({ q: '  Summer Sale ', objective: 'TRAFFIC' });
    assert.equal(parsed.q, 'Summer Sale');
    assert.equal(parsed.objective, 'TRAFFIC');
  });
});

describe('the table’s page size', () => {
  it('takes a whole number from 1 to 500, as the URL or the web app writes it', () => {
    const limitOf = (input: Record<string, unknown>) => (query(input) as { limit: number }).limit;
    assert.equal(limitOf({}), 100);
    assert.equal(limitOf({ limit: '1' }), 1);
    assert.equal(limitOf({ limit: '500' }), 500);
    assert.equal(limitOf({ limit: 200 }), 200);
  });

  it('refuses what Number() would stretch into one: hex, exponents, signs, blanks, fractions', () => {
    for (const limit of ['0x10', '1e2', '+5', ' 5', '', '2.0', '0', '501', '1000', 0, 2.5, 501])
      assert.equal(query({ limit }), 'The page size is a whole number from 1 to 500.', JSON.stringify(limit));
  });
});
