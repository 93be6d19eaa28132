/** Error codes the API can answer with, mapped to their HTTP status. */
export const ERROR_STATUS = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  name_taken: 409,
  folder_cycle: 409,
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
  read_only: 503,
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

/** True for errors that mean the library's filesystem is read-only (EROFS: remounted after a disk error, or mounted so). */
export function isReadOnly(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === "EROFS";
}

/**
 * What a failed write to the library disk means for the client: a full disk is `out_of_space`
 * (507), a read-only one `read_only` (503), each with what to do before `retry`ing; any other
 * error is returned as it is.
 */
export function diskWriteError(error: unknown, retry = "retry"): unknown {
  if (isOutOfSpace(error)) return new AppError("out_of_space", `The library disk is full; free some space and ${retry}.`, { cause: error });
  if (isReadOnly(error)) return new AppError("read_only", `The library disk is read-only (the system remounts a disk read-only after errors): check the disk, remount it read-write and ${retry}.`, { cause: error });
  return error;
}
