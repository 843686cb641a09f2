import { FakeApiError } from "./errors.js";

/** The path and query of a request, after the fake has checked its request target. */
export interface RequestTarget {
  /** Normalised path (dot segments resolved), still percent-encoded. */
  readonly pathname: string;
  readonly searchParams: URLSearchParams;
}

/** Placeholder origin for parsing: never contacted; a target that resolves elsewhere is refused. */
const LOCAL_ORIGIN = "http://fake.invalid";

/** `%` not followed by two hex digits. */
const BROKEN_ESCAPE = /%(?![0-9A-Fa-f]{2})/;

/**
 * Reads the request target as a local path. Only origin-form targets (`/path?query`) are served: an absolute URL
 * (`http://other.example/...`), a scheme-relative one (`//other.example/...`, `/\other.example`), `*`, a broken
 * percent-escape (`/x%`, `%zz`) or escapes that are not UTF-8 (`%FF`) get a 400 saying so.
 */
export function parseRequestTarget(raw: string | undefined): RequestTarget {
  const target = raw ?? "";
  const shown = JSON.stringify(target.length > 200 ? `${target.slice(0, 200)}…` : target);
  if (!target.startsWith("/") || target.startsWith("//") || target.includes("\\")) {
    throw malformed(`request target ${shown} is not a local path: the fake serves origin-form targets such as /v1/compute/clusters`);
  }
  const queryStart = target.indexOf("?");
  const path = queryStart === -1 ? target : target.slice(0, queryStart);
  const query = queryStart === -1 ? "" : target.slice(queryStart + 1);
  for (const [part, text, decode] of [
    ["path", path, decodeURIComponent],
    ["query", query, (s: string) => decodeURIComponent(s.replaceAll("+", " "))],
  ] as const) {
    if (BROKEN_ESCAPE.test(text)) throw malformed(`request target ${shown} has a broken percent-escape in its ${part} (% must be followed by two hex digits)`);
    try {
      decode(text);
    } catch {
      throw malformed(`request target ${shown} has percent-escapes in its ${part} that are not UTF-8`);
    }
  }
  const url = new URL(target, LOCAL_ORIGIN);
  if (url.origin !== LOCAL_ORIGIN) throw malformed(`request target ${shown} is not a local path`);
  return { pathname: url.pathname, searchParams: url.searchParams };
}

function malformed(message: string): FakeApiError {
  return new FakeApiError(400, "invalid_request_error", message, { details: [{ location: "path", pointer: "", message: "malformed request target" }] });
}
