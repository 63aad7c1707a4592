import { z } from 'zod';

/** The user's sessions other than the one asking: browsers and devices where they are logged in. */
export const otherSessionsSchema = z.object({ count: z.number().int().min(0) });
export type OtherSessions = z.infer<typeof otherSessionsSchema>;

export const endOtherSessionsResponseSchema = z.object({ ended: z.number().int().min(0) });
export type EndOtherSessionsResponse = z.infer<typeof endOtherSessionsResponseSchema>;
