import { randomBytes } from "node:crypto";
import { lstat, mkdir, open, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { basename, dirname, join, posix } from "node:path";
import { hasGeneratorBanner, type GeneratedFile } from "./emit/header.js";
import { InputError } from "./errors.js";

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
  await assertDirectoryOrMissing(outDir);
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
 *
 * The swap replaces the whole folder, so it is refused (InputError, nothing touched) unless everything in `outDir`
 * is the generator's: a file at a path it writes, or a file carrying its banner (output of an earlier run that it
 * no longer produces). A `.git`, a spec, a note or an empty folder makes `outDir` someone else's.
 */
export async function writeOutput(files: readonly GeneratedFile[], outDir: string): Promise<OutputDrift> {
  const drift = await checkOutput(files, outDir);
  if (drift.stale.length === 0 && drift.orphaned.length === 0) return drift;
  const foreign = await foreignEntries(outDir, new Set(files.map((file) => file.path)));
  if (foreign.length > 0) {
    const listed = foreign.slice(0, MAX_LISTED).join(", ") + (foreign.length > MAX_LISTED ? ", …" : "");
    throw new InputError(
      `refusing to write ${outDir}: it holds what the generator did not write (${listed}). --out replaces the whole folder, so name a new or empty folder, or one written by the generator. Nothing was changed.`,
    );
  }
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

const MAX_LISTED = 5;

/** `--out` must be a folder (or not exist yet): a file or a symbolic link there is refused before anything runs. */
export async function assertDirectoryOrMissing(outDir: string): Promise<void> {
  let info;
  try {
    info = await lstat(outDir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return;
    throw new InputError(`cannot use ${outDir} as the output folder: ${(error as Error).message}`);
  }
  if (info.isSymbolicLink()) throw new InputError(`--out ${outDir} is a symbolic link; name the folder itself. Nothing was changed.`);
  if (!info.isDirectory()) throw new InputError(`--out ${outDir} is a file, not a folder; name a folder for the generated files. Nothing was changed.`);
}

/**
 * What in `outDir` the generator did not write, relative paths (a folder with a trailing `/`), at most MAX_LISTED + 1
 * (enough to refuse and say why without walking a huge tree).
 */
async function foreignEntries(outDir: string, generated: ReadonlySet<string>, prefix = "", found: string[] = []): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(join(outDir, prefix), { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return found;
    throw error;
  }
  if (entries.length === 0 && prefix !== "") found.push(`${prefix}/`);
  for (const entry of entries) {
    if (found.length > MAX_LISTED) break;
    const relative = prefix === "" ? entry.name : `${prefix}/${entry.name}`;
    if (entry.isDirectory()) await foreignEntries(outDir, generated, relative, found);
    else if (!entry.isFile()) found.push(relative);
    else if (!generated.has(relative) && !(await startsWithBanner(join(outDir, relative)))) found.push(relative);
  }
  return found;
}

async function startsWithBanner(path: string): Promise<boolean> {
  const handle = await open(path, "r");
  try {
    const head = Buffer.alloc(256);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    return hasGeneratorBanner(head.subarray(0, bytesRead).toString("utf8"));
  } finally {
    await handle.close();
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
