import { z } from 'zod';
import { parseLosslessJson } from './lossless-json.js';

/**
 * Reference §2: every API answer is `{code, message, request_id, data}`. Strict here (a wrong
 * envelope is not TikTok's API answering) while the data schemas of each endpoint stay lenient.
 * Correction 12: request_id has no fixed length, so it is not validated beyond being text.
 */
const envelopeSchema = z.object({
  code: z.number().int(),
  message: z.string(),
  request_id: z.string().nullish(),
  data: z.unknown(),
});

export interface Envelope {
  code: number;
  message: string;
  requestId: string | undefined;
  data: unknown;
}

/** The envelope in a response body, or undefined when the body is not one (HTML page, junk). */
export function readEnvelope(body: string): Envelope | undefined {
  let json: unknown;
  try {
    json = parseLosslessJson(body);
  } catch {
    return undefined;
  }
  const result = envelopeSchema.safeParse(json);
  if (!result.success) return undefined;
  return {
    code: result.data.code,
    message: result.data.message,
    requestId: result.data.request_id ?? undefined,
    data: result.data.data,
  };
}
