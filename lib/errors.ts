/** Error codes the API can answer with, mapped to their HTTP status. */
export const ERROR_STATUS = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  request_timeout: 408,
  too_large: 413,
  too_many_pixels: 413,
  unsupported_type: 415,
  hash_mismatch: 422,
  invalid_input: 422,
  not_ready: 409,
  range_not_satisfiable: 416,
  rate_limited: 429,
  out_of_space: 507,
  internal: 500,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

/** The one error type of the app: a code from ERROR_STATUS plus a message meant for people. */
export class AppError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "AppError";
    this.code = code;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

/** True for errors that mean the disk is full (ENOSPC/EDQUOT). */
export function isOutOfSpace(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === "ENOSPC" || code === "EDQUOT";
}
