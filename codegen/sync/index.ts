/**
 * sync: upstream API description → cluster subset → overlays applied → validated spec text with provenance.
 * Pure apart from the validator: reads nothing from disk and writes nothing (scripts/sync.ts does both, and
 * writes only when this returns).
 */
import { createHash } from "node:crypto";
import { type Document, isMap, LineCounter, parseDocument } from "yaml";
import { isCodegenError } from "../errors.js";
import { parseSpec, parseYamlDocument, yamlErrorDetail } from "../load.js";
import { checkExpansion } from "../yaml-limits.js";
import { SyncError } from "./errors.js";
import { extractCluster, unreachableComponents } from "./extract.js";
import { lintSpec } from "./lint.js";
import { type AppliedAction, applyOverlays, type OverlaySource } from "./overlay.js";
import { mergePages } from "./pages.js";
import { readProvenance, renderProvenance } from "./provenance.js";
import type { SyncTarget } from "./targets.js";

export { SyncError } from "./errors.js";
export { type SyncTarget, syncTargets } from "./targets.js";
export type { AppliedAction, OverlaySource } from "./overlay.js";

export interface UpstreamFile {
  /** Display name (as given on the command line). */
  readonly file: string;
  readonly text: string;
}

export interface SyncRequest {
  readonly target: SyncTarget;
  /** One whole document, or the per-operation pages to merge (v1). */
  readonly upstream: readonly UpstreamFile[];
  readonly overlays: readonly OverlaySource[];
  /** The spec as it is now, for the provenance date (kept while the upstream is unchanged). */
  readonly previousSpec?: string;
  readonly commit?: string;
  /** YYYY-MM-DD, used when the upstream changed. */
  readonly today: string;
  /** How to rerun it, for the header. */
  readonly command: string;
}

export interface SyncResult {
  readonly text: string;
  readonly applied: readonly AppliedAction[];
  readonly operations: number;
}

export async function syncSpec(request: SyncRequest): Promise<SyncResult> {
  const { target } = request;
  const parsed = request.upstream.map((file) => ({ file: file.file, ...parseUpstream(file) }));
  const [only] = parsed;
  if (only === undefined) throw new SyncError("no upstream file given (--from)");
  const whole = parsed.length === 1 ? only.doc : mergePages(parsed);
  const label = parsed.length === 1 ? only.file : `the ${parsed.length} merged pages`;
  // Nodes keep their offsets in the text they were parsed from; with one upstream file that names a line of it.
  const upstreamLine = (node: unknown): number | undefined => (parsed.length === 1 ? only.lineOf(node) : undefined);
  const locate = (node: unknown) => {
    const line = upstreamLine(node);
    return line === undefined ? label : `${label}:${line}`;
  };
  const doc = extractCluster(whole, target.prefixes, label, locate);
  const applied = applyOverlays(doc, request.overlays, `the cluster part of ${label}`);

  const root = doc.contents;
  const orphans = isMap(root) ? unreachableComponents(root, target.spec) : [];
  if (orphans.length > 0) {
    throw new SyncError(orphans.map((key) => orphanProblem(key, applied)));
  }

  const upstream = request.upstream.map((file) => ({ name: baseName(file.file), sha256: sha256(file.text) }));
  const previous = request.previousSpec === undefined ? undefined : readProvenance(request.previousSpec);
  const sameUpstream = previous !== undefined && previous.upstream.join() === upstream.map((u) => u.sha256).join();
  const commit = request.commit ?? (sameUpstream ? previous.commit : undefined);
  doc.commentBefore = renderProvenance({
    command: request.command,
    upstream,
    ...(commit === undefined ? {} : { commit }),
    overlays: [...new Set(request.overlays.map((overlay) => overlay.file))],
    date: (sameUpstream ? previous.date : undefined) ?? request.today,
  });
  const text = doc.toString({ lineWidth: 0 });
  await validate(text, target, (pointerPath) => originOf(pointerPath, doc, applied, locate, upstreamLine));
  return { text, applied, operations: countOperations(doc) };
}

function parseUpstream(file: UpstreamFile): { readonly doc: Document; readonly lineOf: (node: unknown) => number | undefined } {
  const lineCounter = new LineCounter();
  let doc: Document;
  try {
    doc = parseYamlDocument(file.text, lineCounter);
  } catch (error) {
    // yaml's recursion runs out of stack on absurd nesting: the generator's loader says the same.
    if (error instanceof RangeError) throw new SyncError(`${file.file}: the YAML is nested too deeply to parse (${error.message})`);
    throw error;
  }
  const [firstError] = doc.errors;
  if (firstError !== undefined) {
    // The first syntax error only, as the generator and the overlay reader report it: the ones after it are mostly
    // the parser losing its footing (a Markdown file given by mistake yields hundreds).
    throw new SyncError(`${file.file}:${lineCounter.linePos(firstError.pos[0]).line}: ${yamlErrorDetail(firstError.message.split("\n")[0] ?? firstError.code)}`);
  }
  // Duplicate keys (yaml's own check is off: parseYamlDocument), alias bombs and absurd nesting.
  const violation = checkExpansion(doc, file.text.length);
  if (violation) throw new SyncError(`${file.file}:${lineCounter.linePos(violation.offset).line}: ${violation.detail}`);
  const lineOf = (node: unknown) => {
    const range = (node as { range?: [number, number, number] } | undefined)?.range;
    return range === undefined ? undefined : lineCounter.linePos(range[0]).line;
  };
  return { doc, lineOf };
}

/**
 * Where a problem of the synced spec comes from, so the fix goes to the right file: the overlay line that added the
 * node it is in, or else the upstream line it was extracted from (one upstream file), or else undefined.
 */
function originOf(
  path: readonly string[],
  doc: Document,
  applied: readonly AppliedAction[],
  locate: (node: unknown) => string,
  upstreamLine: (node: unknown) => number | undefined,
): string | undefined {
  let added: { file: string; line: number; depth: number } | undefined;
  for (const action of applied) {
    for (const created of action.created) {
      const prefix = created.path.map(String);
      if (prefix.length <= path.length && prefix.every((part, i) => part === path[i]) && prefix.length > (added?.depth ?? -1)) {
        added = { file: action.file, line: created.line, depth: prefix.length };
      }
    }
  }
  if (added !== undefined) return `${added.file}:${added.line} (added by this overlay)`;
  for (let depth = path.length; depth >= 0; depth--) {
    const node = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth), true);
    if (node !== undefined && upstreamLine(node) !== undefined) return `${locate(node)} (upstream)`;
  }
  return undefined;
}

/** The generator's own loader (located `$ref` and version errors), then Redocly's recommended ruleset. */
async function validate(text: string, target: SyncTarget, origin: (path: readonly string[]) => string | undefined): Promise<void> {
  try {
    parseSpec(text, target.spec, target.version);
  } catch (error) {
    if (isCodegenError(error)) throw new SyncError(`the synced spec would not load: ${error.message}`);
    throw error;
  }
  const problems = await lintSpec(text, target.spec);
  if (problems.length === 0) return;
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  // Every one, uncapped: the command line caps what it prints, and counts the rest from this list.
  const lines = problems.map((problem) => {
    const { pointer } = problem;
    const path = pointer.replace(/^#\/?/, "").split("/").filter(Boolean).map((part) => part.replace(/~1/g, "/").replace(/~0/g, "~"));
    const node = doc.getIn(path, true) as { range?: [number, number, number] } | undefined;
    const line = node?.range === undefined ? 1 : lineCounter.linePos(node.range[0]).line;
    const from = origin(path);
    return `${target.spec} (as synced):${line}${from === undefined ? "" : `, from ${from}`} ${pointer}: ${problem.ruleId}: ${problem.message}`;
  });
  throw new SyncError(
    lines,
    "the synced spec does not validate against Redocly's recommended ruleset; each problem names where it comes from: fix an overlay's line, or correct upstream's with an overlay action:",
  );
}

function countOperations(doc: Document): number {
  const paths = doc.get("paths", true);
  if (!isMap(paths)) return 0;
  const methods = new Set(["get", "put", "post", "delete", "patch", "head", "options", "trace"]);
  return paths.items.reduce((count, pair) => count + (isMap(pair.value) ? pair.value.items.filter((op) => methods.has(String((op.key as { value?: unknown }).value))).length : 0), 0);
}

function sha256(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

function baseName(file: string): string {
  return file.split(/[\\/]/).pop() ?? file;
}

/**
 * An unreferenced component, and what to do: an overlay that added it now adds something nothing uses (what used it
 * went, upstream or in another action), so that part of it goes; an upstream component lost its last reference to
 * an overlay's removal, so an action removes it too.
 */
function orphanProblem(key: string, applied: readonly AppliedAction[]): string {
  const pointer = `components/${key}`;
  for (const action of applied) {
    const made = action.created.find((created) => created.path.join("/") === pointer);
    if (made !== undefined) {
      return `${action.file}:${made.line}: ${pointer}, added by the action at line ${action.line} (target ${action.target}), is referenced by nothing once the overlays are applied: whatever used it is gone, so delete it from that action`;
    }
  }
  return `${pointer} (upstream's) is referenced by nothing once the overlays are applied: an overlay removed its last use, so remove it in an overlay action too`;
}
