/** What other packages' tests borrow from the client's test support. */
export { createVirtualTime, type VirtualTime } from './virtual-time.js';
export { rateLimitStoreContract } from './rate-limit-store-contract.js';
