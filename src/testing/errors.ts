/** One problem found in a request, located precisely enough to fix it. */
export interface FakeErrorDetail {
  /** Which part of the request: `body`, `path`, `query`, `header`. */
  readonly location: "body" | "path" | "query" | "header";
  /** JSON pointer inside that part, e.g. `/num_gpus` or `/shared_volume/size_tib`; "" for the whole part. */
  readonly pointer: string;
  /** What is wrong, in words. */
  readonly message: string;
}

/**
 * The `error.type` values the fake sends. They follow the OpenAI-style error object that Together's public API uses,
 * plus `fault_injected` so a test can tell an injected failure from a real one.
 */
export type FakeErrorType =
  | "invalid_request_error"
  | "authentication_error"
  | "not_found_error"
  | "conflict_error"
  | "fault_injected"
  | "internal_error";

/**
 * The JSON error body the fake returns for every non-2xx answer it makes itself.
 *
 * `message` sits at the top level as well as inside `error` because clients read different places:
 * the together-ai SDK reads the top-level `message`, OpenAI-style clients read `error.message`.
 */
export interface FakeErrorBody {
  readonly message: string;
  readonly error: {
    readonly message: string;
    readonly type: FakeErrorType;
    /** HTTP status, repeated so logs of bodies alone stay meaningful. */
    readonly code: number;
    readonly details?: readonly FakeErrorDetail[] | undefined;
  };
}

/** Thrown by handlers and the request pipeline; turned into an HTTP answer with a {@link FakeErrorBody}. */
export class FakeApiError extends Error {
  override readonly name = "FakeApiError";
  readonly status: number;
  readonly type: FakeErrorType;
  readonly details: readonly FakeErrorDetail[] | undefined;
  readonly headers: Readonly<Record<string, string>>;

  constructor(
    status: number,
    type: FakeErrorType,
    message: string,
    options: { details?: readonly FakeErrorDetail[]; headers?: Record<string, string> } = {},
  ) {
    super(message);
    this.status = status;
    this.type = type;
    this.details = options.details;
    this.headers = options.headers ?? {};
  }

  /** The body sent on the wire. */
  toBody(): FakeErrorBody {
    return errorBody(this.status, this.type, this.message, this.details);
  }
}

/** Builds a {@link FakeErrorBody}. */
export function errorBody(
  status: number,
  type: FakeErrorType,
  message: string,
  details?: readonly FakeErrorDetail[],
): FakeErrorBody {
  return {
    message,
    error: { message, type, code: status, ...(details && details.length > 0 ? { details } : {}) },
  };
}

/** 400 for a request that is well-formed per the spec but not acceptable (unknown region, bad GPU count, ...). */
export function badRequest(message: string, detail?: FakeErrorDetail): FakeApiError {
  return new FakeApiError(400, "invalid_request_error", message, detail ? { details: [detail] } : {});
}

/** 404 for an unknown cluster or volume id. */
export function notFound(kind: "cluster" | "volume", id: string): FakeApiError {
  return new FakeApiError(404, "not_found_error", `${kind} ${JSON.stringify(id)} not found`);
}

/** 409 for an operation the resource's current state forbids (e.g. deleting an attached volume). */
export function conflict(message: string): FakeApiError {
  return new FakeApiError(409, "conflict_error", message);
}
