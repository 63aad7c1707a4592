/**
 * A process that books TikTok call slots for a sync backlog and never finishes: the rate-budget
 * test kills it mid-way to show that a dead process loses only what it had booked.
 */
import { openDatabase } from '@whathead/db';
import { createRateLimiter } from '@whathead/tiktok-client';
import { TikTokRateLimitRepository } from '../repositories/tiktok-rate-limit.repository.js';

const database = await openDatabase({
  engine: 'postgres',
  url: process.env.RATE_BUDGET_DATABASE_URL!,
  maxConnections: 2,
});
const limiter = createRateLimiter({ store: new TikTokRateLimitRepository(database) });
let announced = false;
for (let index = 0; index < 1_000; index += 1)
  void limiter.acquire({ path: '/report/integrated/get/', lane: 'sync', tenant: 'doomed' }).then(() => {
    if (!announced) process.stdout.write('booking\n');
    announced = true;
  });
