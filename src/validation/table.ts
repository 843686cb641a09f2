/**
 * Field tables: one reader per input field, keyed by the input type's keys, so the table is the validator, the set of
 * allowed keys and the order of the report at once, and a field added to the input type breaks the build here.
 */
import { enumField, objectInput, positiveIntField, stringField, type Issues } from "./fields.js";
import { checkKeys } from "./keys.js";

/** Reads one field of `o` (reporting into `issues`); undefined when absent or refused. */
export type FieldReader<T> = (o: Readonly<Record<string, unknown>>, key: string, issues: Issues) => T | undefined;

/** One reader per field of `T`: the table is also the set of allowed keys, and its order the order of the report. */
export type FieldTable<T> = { readonly [K in keyof T]-?: FieldReader<Exclude<T[K], undefined>> };

/** A string field reader. */
export const text =
  (required: boolean): FieldReader<string> =>
  (o, key, issues) =>
    stringField(o, key, required, issues);

/** A positive integer field reader, optionally a multiple of `multipleOf`. */
export const positiveInt =
  (required: boolean, multipleOf?: number): FieldReader<number> =>
  (o, key, issues) =>
    positiveIntField(o, key, required, issues, multipleOf);

/** An enum field reader. */
export const oneOf =
  <T extends string>(values: readonly T[], required: boolean): FieldReader<T> =>
  (o, key, issues) =>
    enumField(o, key, values, required, issues);

/**
 * Validates `value` against `table`: an object, no unknown keys, every field read. Returns the fields read (absent ones
 * left out) with the issues found, or undefined when `value` is not an object.
 */
export function readFields<T>(value: unknown, table: FieldTable<T>, issues: Issues, what: string): Partial<T> | undefined {
  const o = objectInput(value, issues, what);
  if (o === undefined) return undefined;
  checkKeys(o, new Set(Object.keys(table)), issues);
  const out: Record<string, unknown> = {};
  for (const [key, read] of Object.entries<FieldReader<unknown>>(table)) {
    const field = read(o, key, issues);
    if (field !== undefined) out[key] = field;
  }
  return out as Partial<T>;
}
