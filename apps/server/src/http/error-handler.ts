import type { ErrorResponse } from '@whathead/contracts';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, fromDatabaseError, notFound } from '../errors.js';

/**
 * Fastify's own 4xx errors, told in our words. Only the content-type parser's errors are about
 * the body; the rest are about the URL or headers, and a GET has no body to blame.
 */
function fromFastify(error: FastifyError): AppError | undefined {
  const status = error.statusCode ?? 500;
  if (status === 413 || error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    return new AppError('payload_too_large', 'The request is too large.');
  }
  if (status === 415 || error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    return new AppError(
      'unsupported_media_type',
      'Send the request body as JSON (Content-Type: application/json).',
    );
  }
  // A path segment longer than any id or token (maxParamLength) names nothing that exists.
  if (status === 404 || status === 414 || error.code === 'FST_ERR_MAX_PARAM_LENGTH') return notFound();
  if (status === 405) return new AppError('method_not_allowed', 'This method is not allowed here.');
  if (error.code === 'FST_ERR_BAD_URL') {
    return new AppError('validation_failed', 'The address could not be read. Check its %-encoding.');
  }
  if (status >= 400 && status < 500) {
    return new AppError(
      'validation_failed',
      error.code?.startsWith('FST_ERR_CTP_') || error instanceof SyntaxError
        ? 'The request body could not be read. Check that it is valid JSON.'
        : 'The request could not be read.',
    );
  }
  return undefined;
}

function send(reply: FastifyReply, error: AppError): FastifyReply {
  const body: ErrorResponse = {
    error: { code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) },
  };
  if (error.details?.retryAfterSeconds) reply.header('retry-after', String(error.details.retryAfterSeconds));
  // Errors raised before routing skip the onRequest hook that sets it for every other answer.
  reply.header('cache-control', 'no-store');
  return reply.status(error.status).type('application/json; charset=utf-8').send(body);
}

/**
 * The one place a failure becomes a response: every error answers `{ error: { code, message,
 * details? } }`. Unexpected errors are logged with their stack and answered without it.
 */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    if (error instanceof AppError) {
      // A 5xx we chose to answer (busy, TikTok down) is a condition to watch, not a bug to trace.
      if (error.code === 'internal') request.log.error({ err: error }, error.message);
      else if (error.status >= 500)
        request.log.warn({ code: error.code, status: error.status }, error.message);
      return send(reply, error);
    }
    const known = fromFastify(error);
    if (known) {
      request.log.info({ code: error.code, status: error.statusCode }, 'rejected request');
      return send(reply, known);
    }
    const database = fromDatabaseError(error);
    if (database) {
      request.log.warn({ code: database.code, sqlState: error.code }, error.message);
      return send(reply, database);
    }
    request.log.error({ err: error }, 'unexpected error');
    return send(reply, new AppError('internal', 'Something went wrong on our side. Try again in a moment.'));
  });
}

/**
 * Errors Fastify raises before routing (a malformed URL, a bad header) skip the error handler;
 * this answers them in the same shape.
 */
export function answerFrameworkError(
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
): void {
  request.log.info({ code: error.code }, 'rejected request before routing');
  void send(reply, fromFastify(error) ?? new AppError('validation_failed', 'The request could not be read.'));
}

/** Unknown API routes answer in the error shape; anything else falls to the web app. */
export function sendNotFound(reply: FastifyReply): FastifyReply {
  return send(reply, notFound());
}
