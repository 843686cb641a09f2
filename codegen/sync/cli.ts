/** The sync command line (scripts/sync.ts is its entry point): argument parsing, file reading, the atomic write, generate. */
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { repoRoot } from "../config.js";
import { capped, cappedNote } from "../errors.js";
import { SyncError, syncSpec, syncTargets } from "./index.js";

const usage = "usage: npm run sync -- --from <upstream.yaml | dir | page.yaml ...> [--v1 | --v2] [--commit <sha>] [--specs <dir>] [--out <dir>] [--no-generate]\n";

export interface SyncIo {
  /** Where relative paths are resolved (npm sets INIT_CWD to where the command was typed). */
  readonly cwd: string;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /**
   * Runs the generator with these arguments and resolves to its exit code. Default: `node codegen/generate.mjs` in a
   * child process; sync.mjs runs it in-process, on worker threads it started before the sync.
   */
  readonly generate?: (args: readonly string[]) => Promise<number>;
}

/** The `npm run sync` command line; returns the exit code. */
export async function runSyncCli(argv: readonly string[], io: SyncIo): Promise<number> {
  const { cwd } = io;
  const from: string[] = [];
  let commit: string | undefined;
  let specsDir = join(repoRoot, "specs");
  let out: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const next = () => argv[++i] ?? "";
    if (arg === "--from") {
      from.push(next());
      while (argv[i + 1] !== undefined && !argv[i + 1]?.startsWith("--")) from.push(next());
    } else if (arg === "--commit") commit = next();
    else if (arg === "--specs") specsDir = resolve(cwd, next());
    else if (arg === "--out") out = resolve(cwd, next());
    else if (arg === "--help" || arg === "-h") {
      io.stdout(usage);
      return 0;
    } else if (!["--v1", "--v2", "--no-generate"].includes(arg ?? "")) {
      io.stderr(`sync: unknown argument ${arg}\n${usage}`);
      return 2;
    }
  }
  if (from.length === 0 || from.includes("") || (argv.includes("--v1") && argv.includes("--v2")) || commit === "") {
    io.stderr(usage);
    return 2;
  }
  const target = syncTargets[argv.includes("--v1") ? "v1" : "v2"];
  const specFile = join(specsDir, `${target.version}.yaml`);
  const overlaysDir = join(specsDir, "overlays");
  // Relative to where the command was run, unless that climbs out of it: then the absolute path reads better.
  const display = (path: string) => (relative(cwd, path).startsWith("..") ? path : relative(cwd, path) || path);

  let previousSpec: string | undefined;
  let wrote = false;
  try {
    const upstreamFiles = from.flatMap((path) => expand(resolve(cwd, path)));
    const overlayFiles = listOverlays(overlaysDir, target.overlayPattern);
    previousSpec = readIfExists(specFile);
    const result = await syncSpec({
      target,
      upstream: upstreamFiles.map((file) => ({ file: display(file), text: readFileSync(file, "utf8") })),
      // Named from the specs folder's parent (`specs/overlays/...`) wherever that folder is, so the header is the same.
      overlays: overlayFiles.map((file) => ({ file: relative(dirname(specsDir), file), text: readFileSync(file, "utf8") })),
      ...(previousSpec === undefined ? {} : { previousSpec }),
      ...(commit === undefined ? {} : { commit }),
      today: new Date().toISOString().slice(0, 10),
      command: `npm run sync -- --${target.version} --from <upstream>`,
    });
    const byFile = new Map<string, number>();
    for (const action of result.applied) byFile.set(action.file, (byFile.get(action.file) ?? 0) + 1);
    io.stdout(
      `sync: ${result.operations} operations extracted; ${result.applied.length} overlay actions applied` +
        `${[...byFile].map(([file, n]) => `\n  ${file}: ${n}`).join("")}\n`,
    );
    if (previousSpec === result.text) io.stdout(`sync: ${display(specFile)} is already up to date\n`);
    else {
      writeAtomically(specFile, result.text);
      wrote = true;
      io.stdout(`sync: wrote ${display(specFile)}\n`);
    }
  } catch (error) {
    if (error instanceof SyncError) {
      const listed = capped(error.problems).map((p) => `  ${p}`);
      const heading = error.heading === undefined ? "" : `  ${error.heading}\n`;
      io.stderr(`sync: nothing written, ${error.problems.length} problem(s)${cappedNote(error.problems.length)}:\n${heading}${listed.join("\n")}\n`);
      return 2;
    }
    throw error;
  }
  if (argv.includes("--no-generate")) return 0;
  const generateArgs = ["--v1", join(specsDir, "v1.yaml"), "--v2", join(specsDir, "v2.yaml"), ...(out === undefined ? [] : ["--out", out])];
  const code = await (io.generate ?? generateInChildProcess)(generateArgs);
  if (code === 0 || !wrote) return code;
  // The generator wrote nothing (it writes only a complete output); the spec goes back too, so the repository is as
  // it was and the synced spec is never left beside generated code it does not match.
  if (previousSpec === undefined) rmSync(specFile, { force: true });
  else writeAtomically(specFile, previousSpec);
  io.stderr(`sync: the synced spec does not generate (above), so ${display(specFile)} is back as it was: nothing written\n`);
  return code;
}

/** `node codegen/generate.mjs <args>` from the repository root, sharing this process's output streams. */
async function generateInChildProcess(args: readonly string[]): Promise<number> {
  const generate = spawnSync(process.execPath, [join(repoRoot, "codegen/generate.mjs"), ...args], { cwd: repoRoot, stdio: "inherit" });
  return generate.status ?? 1;
}

/** A directory stands for its *.yaml files, in name order. */
function expand(path: string): string[] {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    throw new SyncError(`${path}: no such file or directory (--from)`);
  }
  if (!stat.isDirectory()) return [path];
  const files = readdirSync(path).filter((name) => /\.ya?ml$/.test(name)).sort().map((name) => join(path, name));
  if (files.length === 0) throw new SyncError(`${path}: no .yaml files in this directory (--from)`);
  return files;
}

function listOverlays(dir: string, pattern: RegExp): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names.filter((name) => pattern.test(name)).sort().map((name) => join(dir, name));
}

function readIfExists(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return undefined;
  }
}

/** Written next to the target and renamed over it: a reader sees the old file or the new one, never half of one. */
function writeAtomically(path: string, text: string): void {
  const temp = `${path}.sync-${process.pid}.tmp`;
  try {
    writeFileSync(temp, text);
    renameSync(temp, path);
  } finally {
    rmSync(temp, { force: true });
  }
}

