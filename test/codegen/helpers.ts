import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { stringify } from "yaml";
import type { CodegenConfig } from "../../codegen/config.js";
import { operationPairings, repoRoot } from "../../codegen/config.js";
import { runCli } from "../../codegen/cli.js";
import type { ApiModel, ApiVersion } from "../../codegen/ir.js";
import { parseSpec } from "../../codegen/load.js";
import { normalize } from "../../codegen/normalize.js";

export const fixturesDir = resolve(repoRoot, "test/codegen/fixtures");

/** Config for a fixture pair under test/codegen/fixtures/<name>/{v1,v2}.yaml. */
export function fixtureConfig(name: string, out = join(tmpdir(), "codegen-unused-out")): CodegenConfig {
  return { v1: join(fixturesDir, name, "v1.yaml"), v2: join(fixturesDir, name, "v2.yaml"), out, pairings: operationPairings };
}

/** A minimal OpenAPI document around the given parts, as YAML text. */
export function specText(parts: { openapi?: string; paths?: unknown; schemas?: unknown; extra?: Record<string, unknown> }): string {
  return stringify({
    openapi: parts.openapi ?? "3.0.3",
    info: { title: "t", version: "1" },
    paths: parts.paths ?? {},
    ...(parts.schemas ? { components: { schemas: parts.schemas } } : {}),
    ...parts.extra,
  });
}

/** YAML text → normalized model (load + normalize, as the pipeline does). */
export function modelOf(text: string, version: ApiVersion = "v1", file = "spec.yaml"): ApiModel {
  return normalize(parseSpec(text, file, version));
}

/** The error message load/normalize throw for `text`, or a failure if nothing is thrown. */
export function errorOf(text: string, file = "bad.yaml"): { name: string; message: string } {
  try {
    modelOf(text, "v1", file);
  } catch (error) {
    return { name: (error as Error).name, message: (error as Error).message };
  }
  throw new Error("expected the spec to be rejected");
}

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `codegen-${prefix}-`));
}

/** Runs the CLI in-process and captures its output. */
export async function cli(args: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await runCli(args, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) });
  return { code, stdout, stderr };
}
