import { describe } from 'node:test';
import { rateLimitStoreContract } from '../test-support/rate-limit-store-contract.js';
import { createInMemoryRateLimitStore } from './in-memory-rate-limit-store.js';

describe('the in-memory rate-limit store', () => {
  rateLimitStoreContract(async () => createInMemoryRateLimitStore());
});
