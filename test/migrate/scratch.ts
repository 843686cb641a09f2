/** Scratch folders for codemod tests, and the tsconfig they migrate under. */
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll } from "vitest";

export const here = fileURLToPath(new URL(".", import.meta.url));
export const tsConfigFilePath = join(here, "tsconfig.json");

/** A fresh folder under node_modules/.cache (so the migrated code's packages resolve), removed after the file's tests. */
export function scratchDir(prefix: string): string {
  const cacheDir = join(here, "../../node_modules/.cache");
  mkdirSync(cacheDir, { recursive: true });
  const dir = mkdtempSync(join(cacheDir, prefix));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}
