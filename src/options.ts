/**
 * Checks of every numeric, header and key option, for createClient, for each call and for waitForReady. A bad value is
 * a ValidationError naming the option, never a timer that fires at once (setTimeout turns NaN, 0 and anything above
 * 2^31-1 ms into ~1 ms) or a poll loop that spins.
 */
import { ValidationError, type ValidationIssue } from "./errors.js";
import type { CallOptions } from "./transport.js";
import { closest } from "./validation/keys.js";

/** The largest delay setTimeout honours (2^31-1 ms, about 24.8 days); larger ones fire immediately. */
export const maxTimerMs = 2 ** 31 - 1;

type Issues = ValidationIssue[];

function describe(value: unknown): string {
  return typeof value === "number" ? String(value) : typeof value === "string" ? JSON.stringify(value) : typeof value;
}

/** A duration in ms: a finite number above 0 and at most {@link maxTimerMs}. */
export function checkMs(issues: Issues, path: string, value: unknown): void {
  if (value === undefined) return;
  if (typeof value !== "number" || !Number.isFinite(value) || value <= 0 || value > maxTimerMs) {
    issues.push({ path, message: `must be a number of ms above 0 and at most ${maxTimerMs} (2^31-1, the largest timer), got ${describe(value)}` });
  }
}

/** A count: a non-negative integer (at most `max`). */
export function checkCount(issues: Issues, path: string, value: unknown, max = Number.MAX_SAFE_INTEGER): void {
  if (value === undefined) return;
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0 || value > max) {
    issues.push({ path, message: `must be a non-negative integer${max === Number.MAX_SAFE_INTEGER ? "" : ` up to ${max}`}, got ${describe(value)}` });
  }
}

/** A byte limit: a positive integer. */
export function checkBytes(issues: Issues, path: string, value: unknown): void {
  if (value === undefined) return;
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value <= 0) issues.push({ path, message: `must be a positive integer number of bytes, got ${describe(value)}` });
}

/**
 * Header names and values fetch would refuse (at send time, as a TypeError quoting the value). Values are never
 * quoted here: a header may carry a credential.
 */
export function checkHeaders(issues: Issues, path: string, value: unknown): void {
  if (value === undefined) return;
  if (value === null || typeof value !== "object") {
    issues.push({ path, message: `must be an object of header names to string values, got ${describe(value)}` });
    return;
  }
  for (const [name, headerValue] of Object.entries(value)) {
    if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)) issues.push({ path: `${path}.${name}`, message: "is not a valid HTTP header name" });
    else if (typeof headerValue !== "string" || !isHeaderValue(headerValue)) issues.push({ path: `${path}.${name}`, message: "must be a string that can travel in an HTTP header (no line breaks, control characters or characters above U+00FF)" });
    else if (name.toLowerCase() === "authorization") issues.push({ path: `${path}.${name}`, message: "is set by the client from apiKey; pass apiKey instead" });
  }
}

/** True when fetch would send `value` unchanged as a header value. */
export function isHeaderValue(value: string): boolean {
  // Visible ASCII, space/tab inside, and obs-text; fetch strips leading and trailing whitespace, which would change it.
  return /^[\x21-\x7e\x80-\xff]([\x20-\x7e\x80-\xff\t]*[\x21-\x7e\x80-\xff])?$/.test(value);
}

/** The key as a header value, or a ValidationError that says what is wrong without quoting any of it. */
export function checkApiKey(apiKey: string): void {
  if (isHeaderValue(`Bearer ${apiKey}`) && !/\s/.test(apiKey)) return;
  const bad = [...apiKey].findIndex((ch) => !/^[\x21-\x7e\x80-\xff]$/.test(ch));
  throw new ValidationError([
    { path: "apiKey", message: `cannot be sent as an HTTP header value: character ${bad + 1} of ${apiKey.length} is whitespace, a control character or above U+00FF` },
  ]);
}

/**
 * The option names of an options interface, as a set. The argument lists each key once: the compiler refuses one
 * missing or one the interface does not have, so the set follows the interface.
 */
export function optionNames<T>(keys: { readonly [K in keyof Required<T>]: true }): ReadonlySet<string> {
  return new Set(Object.keys(keys));
}

/**
 * An option name nobody reads (`timeout` for `timeoutMs`) is refused like an unknown input field: silently ignored,
 * it would leave the caller believing a limit or a hook is in force.
 */
export function checkOptionNames(issues: Issues, prefix: string, options: object, allowed: ReadonlySet<string>): void {
  for (const key of Object.keys(options)) {
    if (allowed.has(key)) continue;
    const suggestion = closest(key, allowed);
    const message = suggestion === undefined ? `unknown option (allowed: ${[...allowed].join(", ")})` : `unknown option; did you mean ${suggestion}?`;
    issues.push({ path: `${prefix}${key}`, message });
  }
}

/** The options every method takes. */
export const callOptionNames = optionNames<CallOptions>({ signal: true, timeoutMs: true, deadlineMs: true, maxRetries: true, headers: true });

/** Per-call options every method takes (`allowed`: the method's option names, when it takes more). */
export function checkCallOptions(options: unknown, issues: Issues = [], allowed: ReadonlySet<string> = callOptionNames): Issues {
  if (options === undefined || options === null || typeof options !== "object") return issues;
  const o = options as Record<string, unknown>;
  checkOptionNames(issues, "options.", o, allowed);
  checkMs(issues, "options.timeoutMs", o["timeoutMs"]);
  checkMs(issues, "options.deadlineMs", o["deadlineMs"]);
  checkCount(issues, "options.maxRetries", o["maxRetries"]);
  checkHeaders(issues, "options.headers", o["headers"]);
  if (o["signal"] !== undefined && !(o["signal"] instanceof AbortSignal)) issues.push({ path: "options.signal", message: "must be an AbortSignal" });
  return issues;
}

/** Throws when `issues` is not empty. */
export function throwIssues(issues: Issues): void {
  if (issues.length > 0) throw new ValidationError(issues);
}
