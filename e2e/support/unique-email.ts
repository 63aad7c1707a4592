import { randomBytes } from 'node:crypto';

/** Each journey signs up fresh people, so journeys can run in parallel on one server. */
export const uniqueEmail = (name: string): string => `${name}.${randomBytes(4).toString('hex')}@example.com`;
