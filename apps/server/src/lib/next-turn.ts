import { setImmediate } from 'node:timers/promises';

/**
 * Resolves on the event loop's next turn. Long synchronous stretches (a page of a thousand TikTok
 * objects read, mapped and serialised) are cut at these points so that timers due meanwhile, the
 * rate limiter's among them, run on time: a booked TikTok call sent late loses its slot.
 */
export const nextTurn = (): Promise<void> => setImmediate();
