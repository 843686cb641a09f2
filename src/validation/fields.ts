/**
 * Small field checks shared by the input validators. Each pushes a ValidationIssue instead of throwing, so one call
 * reports every problem at once.
 */
import type { ValidationIssue } from "../errors.js";

/** Collected problems plus the path prefix of the object being checked. */
export interface Issues {
  readonly list: ValidationIssue[];
  readonly prefix: string;
}

/** Dotted path of `key` inside the object being checked. */
export function at(issues: Issues, key: string): string {
  return issues.prefix === "" ? key : `${issues.prefix}.${key}`;
}

/** Records a problem with `key`. */
export function report(issues: Issues, key: string, message: string): void {
  issues.list.push({ path: at(issues, key), message });
}

function typeName(value: unknown): string {
  return value === null ? "null" : Array.isArray(value) ? "an array" : typeof value;
}

/** Checks `value` is a plain object; reports and returns undefined otherwise. */
export function objectInput(value: unknown, issues: Issues, what: string): Readonly<Record<string, unknown>> | undefined {
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    issues.list.push({ path: issues.prefix, message: `${what} must be an object, got ${typeName(value)}` });
    return undefined;
  }
  return value as Readonly<Record<string, unknown>>;
}

/** A required (or optional) non-empty string. */
export function stringField(o: Readonly<Record<string, unknown>>, key: string, required: boolean, issues: Issues): string | undefined {
  const value = o[key];
  if (value === undefined) {
    if (required) report(issues, key, "is required");
    return undefined;
  }
  if (typeof value !== "string") report(issues, key, `must be a string, got ${typeName(value)}`);
  else if (value.trim() === "") report(issues, key, "must not be empty");
  else return value;
  return undefined;
}

/** A required (or optional) positive integer, optionally a multiple of `multipleOf`. */
export function positiveIntField(
  o: Readonly<Record<string, unknown>>,
  key: string,
  required: boolean,
  issues: Issues,
  multipleOf = 1,
): number | undefined {
  const value = o[key];
  if (value === undefined) {
    if (required) report(issues, key, "is required");
    return undefined;
  }
  if (typeof value !== "number" || !Number.isInteger(value) || value <= 0) {
    report(issues, key, `must be a positive integer${multipleOf > 1 ? ` multiple of ${multipleOf}` : ""}, got ${JSON.stringify(value) ?? typeName(value)}`);
    return undefined;
  }
  if (value % multipleOf !== 0) {
    report(issues, key, `must be a multiple of ${multipleOf} (e.g. ${multipleOf}, ${multipleOf * 2}, ${multipleOf * 3}), got ${value}`);
    return undefined;
  }
  return value;
}

/** An optional boolean. */
export function booleanField(o: Readonly<Record<string, unknown>>, key: string, issues: Issues): boolean | undefined {
  const value = o[key];
  if (value === undefined) return undefined;
  if (typeof value !== "boolean") report(issues, key, `must be a boolean, got ${typeName(value)}`);
  else return value;
  return undefined;
}

// RFC 3339 date-time, as OpenAPI's `format: date-time` requires (a time zone is mandatory).
const dateTime = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

/** An optional RFC 3339 date-time string. */
export function dateTimeField(o: Readonly<Record<string, unknown>>, key: string, issues: Issues): string | undefined {
  const value = o[key];
  if (value === undefined) return undefined;
  if (typeof value !== "string" || !dateTime.test(value) || Number.isNaN(Date.parse(value))) {
    report(issues, key, `must be an RFC 3339 date-time such as "2030-01-31T00:00:00Z", got ${JSON.stringify(value) ?? typeName(value)}`);
    return undefined;
  }
  return value;
}

/**
 * An enum value. Exact matches pass; a case-insensitive match (e.g. "kubernetes", as in an official sample) is
 * normalized to the canonical spelling; anything else is refused with the accepted values.
 */
export function enumField<T extends string>(
  o: Readonly<Record<string, unknown>>,
  key: string,
  values: readonly T[],
  required: boolean,
  issues: Issues,
): T | undefined {
  const value = o[key];
  if (value === undefined) {
    if (required) report(issues, key, `is required (one of ${values.join(", ")})`);
    return undefined;
  }
  if (typeof value === "string") {
    if ((values as readonly string[]).includes(value)) return value as T;
    const folded = value.toUpperCase();
    const match = values.find((v) => v.toUpperCase() === folded);
    if (match !== undefined) return match;
  }
  report(issues, key, `must be one of ${values.join(", ")}, got ${JSON.stringify(value) ?? typeName(value)}`);
  return undefined;
}
