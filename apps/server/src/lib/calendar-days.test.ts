import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addDays, dayIn, daysBetween, hourIn, isTimeZone, spansNewestFirst } from './calendar-days.js';

describe('calendar days', () => {
  // 2026-03-08 10:30 UTC: 02:30 in Los Angeles (the morning clocks go forward), 19:30 in Tokyo.
  const instant = new Date('2026-03-08T10:30:00Z');

  it("puts an instant on the account's own day and hour, not the server's", () => {
    assert.equal(dayIn(instant, 'America/Los_Angeles'), '2026-03-08');
    assert.equal(hourIn(instant, 'America/Los_Angeles'), '03');
    assert.equal(dayIn(new Date('2026-03-08T16:00:00Z'), 'Asia/Tokyo'), '2026-03-09');
    assert.equal(hourIn(instant, 'Asia/Tokyo'), '19');
    assert.equal(dayIn(new Date('2026-12-31T23:59:59Z'), 'UTC'), '2026-12-31');
    // Half-hour zones too.
    assert.equal(hourIn(new Date('2026-06-01T20:00:00Z'), 'Asia/Kolkata'), '01');
  });

  it('reads a zone Intl does not know as UTC, and says it does not know it', () => {
    assert.equal(isTimeZone('Mars/Olympus_Mons'), false);
    assert.equal(isTimeZone('Europe/Berlin'), true);
    assert.equal(dayIn(new Date('2026-05-01T23:30:00Z'), 'Mars/Olympus_Mons'), '2026-05-01');
    assert.equal(hourIn(new Date('2026-05-01T23:30:00Z'), 'Mars/Olympus_Mons'), '23');
    // Asked again, the answer is the same (the zone's formatters are kept, known or not).
    assert.equal(isTimeZone('Mars/Olympus_Mons'), false);
    assert.equal(dayIn(new Date('2026-05-01T23:30:00Z'), 'Europe/Berlin'), '2026-05-02');
  });

  it('counts and cuts runs of days', () => {
    assert.equal(addDays('2026-02-28', 1), '2026-03-01');
    assert.equal(addDays('2028-02-28', 1), '2028-02-29');
    assert.equal(daysBetween('2026-11-01', '2026-11-30'), 30);
    assert.equal(daysBetween('2026-11-02', '2026-11-01'), 0);
    assert.deepEqual(spansNewestFirst('2026-10-01', '2026-11-30', 30), [
      { from: '2026-11-01', to: '2026-11-30' },
      { from: '2026-10-02', to: '2026-10-31' },
      { from: '2026-10-01', to: '2026-10-01' },
    ]);
  });
});
