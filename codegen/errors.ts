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
    super(`${location.file}:${location.line}:${location.col} ${location.pointer}: ${detail}`);
    this.location = location;
    this.detail = detail;
  }
}

/** Narrowing helper that also works across module instances (tsx in tests may load the module twice). */
export function isCodegenError(error: unknown): error is CodegenError {
  return error instanceof Error && error.name === "CodegenError" && "location" in error;
}
