/**
 * Where in a spec file something is: the file as given on the command line (or relative to the repo root),
 * 1-based line and column, and the JSON pointer of the offending node.
 */
export interface SpecLocation {
  readonly file: string;
  readonly line: number;
  readonly col: number;
  readonly pointer: string;
}

/**
 * A problem with an input spec. Printed by codegen/main.ts as `file:line:col pointer: detail` (no stack trace)
 * and mapped to exit code 2, so a spec author can jump straight to the offending node.
 */
export class CodegenError extends Error {
  override readonly name = "CodegenError";
  readonly location: SpecLocation;
  readonly detail: string;

  constructor(location: SpecLocation, detail: string) {
    super(`${location.file}:${location.line}:${location.col} ${shortPointer(location.pointer)}: ${detail}`);
    this.location = location;
    this.detail = detail;
  }
}

/** Longest pointer printed whole; file:line:col already say where, so a longer one keeps its two ends. */
const maxPointerChars = 160;

/** A JSON pointer for a message: whole, or (10,000 levels of `/0`, say) its start and end around how much was left out. */
export function shortPointer(pointer: string): string {
  if (pointer.length <= maxPointerChars) return pointer;
  const keep = maxPointerChars / 2;
  return `${pointer.slice(0, keep)}…(${pointer.length - 2 * keep} characters)…${pointer.slice(-keep)}`;
}

/** Narrowing helper that also works across module instances (tsx in tests may load the module twice). */
export function isCodegenError(error: unknown): error is CodegenError {
  return error instanceof Error && error.name === "CodegenError" && "location" in error;
}

/**
 * Input the generator could not process although no check above named a location (an unexpected shape reaching a
 * later stage, a file system refusal for --out). Printed without a stack trace and mapped to exit 2: whatever the
 * input, the generator answers with a message, never a crash (`CODEGEN_DEBUG=1` adds the stack for a bug report).
 */
export class InputError extends Error {
  override readonly name = "InputError";
}

export function isInputError(error: unknown): error is InputError {
  return error instanceof Error && error.name === "InputError";
}

/** `run()`, with any error that is not already a CodegenError or InputError re-thrown as an InputError saying `what`. */
export async function asInputError<T>(what: string, run: () => T | Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (isCodegenError(error) || isInputError(error)) throw error;
    const message = error instanceof Error ? error.message.split("\n")[0] : String(error);
    const wrapped = new InputError(`${what}: ${message}`);
    if (process.env.CODEGEN_DEBUG) wrapped.stack = `${wrapped.message}\ncaused by: ${(error as Error).stack ?? String(error)}`;
    throw wrapped;
  }
}

/** How many located errors one run prints; the rest are counted. */
export const errorCap = 50;

/** What a heading over {@link capped} lines adds when some are left out: `, the first 50 listed`, or nothing. */
export function cappedNote(total: number): string {
  return total > errorCap ? `, the first ${errorCap} listed` : "";
}

/** At most {@link errorCap} of `lines`, then one line counting the rest: how every list of problems here is printed. */
export function capped(lines: readonly string[]): string[] {
  if (lines.length <= errorCap) return [...lines];
  return [...lines.slice(0, errorCap), `… and ${lines.length - errorCap} more (${lines.length} in all)`];
}

/**
 * Every problem found in one spec in one run (so a spec author fixes them all at once, not one per run). A
 * CodegenError itself (located at the first problem), so callers that print `message` print them all.
 */
export class CodegenErrors extends CodegenError {
  readonly errors: readonly CodegenError[];

  constructor(errors: readonly [CodegenError, ...CodegenError[]], hint?: string) {
    const [first] = errors;
    super(first.location, first.detail);
    this.errors = errors;
    const lines = capped(errors.map((error) => error.message));
    const heading = errors.length === 1 ? [] : [`${first.location.file}: ${errors.length} errors${cappedNote(errors.length)}:`];
    this.message = [...heading, ...lines, ...(hint === undefined ? [] : [hint])].join("\n");
  }
}
