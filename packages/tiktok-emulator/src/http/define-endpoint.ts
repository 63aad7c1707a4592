import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { EmulatorRuntime } from '../runtime.js';
import type { TokenRecord } from '../state/records.js';

export interface EndpointContext<Input> {
  input: Input;
  /** Present for every endpoint authenticated by the `Access-Token` header. */
  token: TokenRecord | undefined;
  runtime: EmulatorRuntime;
  now: number;
  request: FastifyRequest;
}

export interface Endpoint<Schema extends z.ZodType = z.ZodType> {
  method: 'GET' | 'POST';
  /** TikTok's path after `/open_api/v1.3`, with its trailing slash (reference §0). */
  path: string;
  /** `token`: the `Access-Token` header (reference §0); `app`: app_id + secret in the request (§1.3). */
  authentication: 'token' | 'app';
  /** Reference §9: the permission ids the token's scope must grant (all of them). */
  permissions?: (input: z.output<Schema>) => number[];
  /** Whether the call changes an ad account; analysts may only read (reference §3.2 roles). */
  access?: 'read' | 'write';
  /** The ad accounts the call acts on; defaults to `advertiser_id` when the input has one. */
  advertiserIds?: (input: z.output<Schema>) => string[];
  /** Ad accounts "not eligible for API access" refuse this endpoint (../shared/seed help page). */
  requiresEligibleAdvertiser?: boolean;
  /** Reads `multipart/form-data` (reference §0 uploads) as well as JSON. */
  multipart?: boolean;
  input: Schema;
  handle(context: EndpointContext<z.output<Schema>>): unknown;
}

/** Keeps each endpoint's input type tied to its handler. */
export const defineEndpoint = <Schema extends z.ZodType>(endpoint: Endpoint<Schema>): Endpoint<Schema> =>
  endpoint;
