import type { ErrorCode, ErrorResponse, FieldIssue } from '@whathead/contracts';

export type ErrorDetails = NonNullable<ErrorResponse['error']['details']>;

interface ApiErrorInit {
  code: ErrorCode;
  message: string;
  /** The HTTP status; 0 when the request never got an answer. */
  status: number;
  details?: ErrorDetails;
  cause?: unknown;
}

/** A failed API call, carrying the server's stable error code so the UI can explain it. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly code: ErrorCode;
  readonly status: number;
  readonly details: ErrorDetails | undefined;

  constructor({ code, message, status, details, cause }: ApiErrorInit) {
    super(message, { cause });
    this.code = code;
    this.status = status;
    this.details = details;
  }

  /** Problems with individual request fields, for showing next to the matching form field. */
  get issues(): FieldIssue[] {
    return this.details?.issues ?? [];
  }

  /** Only failures of the network or the server itself can succeed when simply tried again. */
  get isRetryable(): boolean {
    return this.status === 0 || this.status >= 500;
  }
}

export function isApiError(value: unknown): value is ApiError {
  return value instanceof ApiError;
}
