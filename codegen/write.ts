import { randomBytes } from "node:crypto";
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { basename, dirname, join, posix } from "node:path";
import type { GeneratedFile } from "./emit/header.js";

export type { GeneratedFile };

/** Result of comparing the rendered files with what is on disk. */
export interface OutputDrift {
  /** Files the generator produces whose content on disk differs, or which are missing. */
  readonly stale: readonly string[];
  /** Files on disk that the generator no longer produces. */
  readonly orphaned: readonly string[];
}

/** Compares without writing anything (the `--check` mode). */
export async function checkOutput(files: readonly GeneratedFile[], outDir: string): Promise<OutputDrift> {
  assertSafePaths(files);
  const onDisk = new Set(await listFiles(outDir));
  const stale: string[] = [];
  for (const file of files) {
    const current = onDisk.has(file.path) ? await readFile(join(outDir, file.path), "utf8") : undefined;
    if (current !== file.content) stale.push(file.path);
    onDisk.delete(file.path);
  }
  return { stale: stale.sort(), orphaned: [...onDisk].sort() };
}

/**
 * Makes `outDir` contain exactly `files`. Everything is written into a fresh sibling temp folder first, which then
 * replaces `outDir` by rename, so a failure at any point leaves the previous output untouched. Returns the drift that
 * was fixed (empty when nothing changed, in which case nothing is touched).
 */
export async function writeOutput(files: readonly GeneratedFile[], outDir: string): Promise<OutputDrift> {
  const drift = await checkOutput(files, outDir);
  if (drift.stale.length === 0 && drift.orphaned.length === 0) return drift;
  const suffix = `${process.pid}-${randomBytes(4).toString("hex")}`;
  const temp = join(dirname(outDir), `.${basename(outDir)}.tmp-${suffix}`);
  const old = join(dirname(outDir), `.${basename(outDir)}.old-${suffix}`);
  try {
    for (const file of files) {
      const target = join(temp, file.path);
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, file.content, "utf8");
    }
  } catch (error) {
    await rm(temp, { recursive: true, force: true });
    throw error;
  }
  const hadOutput = await exists(outDir);
  if (hadOutput) await rename(outDir, old);
  try {
    await rename(temp, outDir);
  } catch (error) {
    if (hadOutput) await rename(old, outDir);
    await rm(temp, { recursive: true, force: true });
    throw error;
  }
  if (hadOutput) await rm(old, { recursive: true, force: true });
  return drift;
}

/** Generated paths are relative, forward-slash, and stay inside the output folder. */
function assertSafePaths(files: readonly GeneratedFile[]): void {
  for (const file of files) {
    const normalized = posix.normalize(file.path);
    if (file.path.startsWith("/") || normalized !== file.path || normalized.startsWith("../") || normalized === "..") {
      throw new Error(`refusing to write generated file outside the output folder: ${JSON.stringify(file.path)}`);
    }
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

/** Relative forward-slash paths of every file below `dir` (empty when `dir` does not exist). */
async function listFiles(dir: string, prefix = ""): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(join(dir, prefix), { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  const result: string[] = [];
  for (const entry of entries) {
    const relative = prefix === "" ? entry.name : `${prefix}/${entry.name}`;
    if (entry.isDirectory()) result.push(...(await listFiles(dir, relative)));
    else result.push(relative);
  }
  return result;
}
