/**
 * Applies OpenAPI Overlay 1.0 documents to a `yaml` Document in place, so everything an action does not touch keeps
 * its key order, comments and scalar styles. JSONPath (RFC 9535) is evaluated by jsonpath-rfc9535 on the plain
 * value; the normalized paths it returns are then followed in the YAML node tree.
 *
 * Update semantics (Overlay 1.0, as clarified by 1.1): an object target gets the update merged in (objects merged
 * recursively, arrays appended to, scalars replaced, other combinations an error); an array target gets the update
 * appended as one entry. Every action must say why (`description`) and must match something: a deviation whose
 * target is gone needs a person, so it fails the run with the overlay's file:line, never a silent skip.
 *
 * Two more ways a deviation can outlive its reason are refused the same way, since a merge would otherwise succeed
 * and quietly change the spec:
 * - an update that creates a schema (a new property, a new component) without saying what it is (no `type`, `$ref`,
 *   composition, `enum`, …): such a fragment (`num_gpus: {format: int32}`) was written to amend a property, and
 *   upstream has since removed or renamed it;
 * - an action marked `x-only-if-absent: true` (something upstream did not publish, reconstructed here) whose update
 *   names a key the target already has: upstream publishes it now, and the reconstruction must go.
 */
import { exec } from "jsonpath-rfc9535";
import { type Document, isMap, isScalar, isSeq, LineCounter, type Node as YamlNode, Pair, parseDocument, type YAMLMap } from "yaml";
import { SyncError } from "./errors.js";
import { keyOf } from "./extract.js";

export interface OverlaySource {
  /** Display path, e.g. `specs/overlays/v2-scope.yaml`. */
  readonly file: string;
  readonly text: string;
}

export interface AppliedAction {
  readonly file: string;
  readonly line: number;
  readonly target: string;
  readonly description: string;
  readonly kind: "update" | "remove";
  readonly matches: number;
  /**
   * What this action's update put into the spec rather than merged into (new keys, replaced scalars, appended
   * entries), with their line in the overlay file: those nodes come from the overlay, not from upstream.
   */
  readonly created: readonly CreatedKey[];
}

export interface CreatedKey {
  readonly path: Path;
  readonly line: number;
}

type Path = readonly (string | number)[];

interface Action {
  readonly file: string;
  readonly line: number;
  readonly index: number;
  readonly target: string;
  readonly description: string;
  readonly update?: YamlNode;
  readonly remove: boolean;
  /** `x-only-if-absent: true`: every key of the update must be new to its target. */
  readonly onlyIfAbsent: boolean;
  /** Line in the overlay file of one of its nodes (the update's keys, for messages). */
  readonly lineOf: (node: unknown) => number;
}

/** Keywords that say what a schema is; a schema an overlay creates must have one of them. */
const DEFINING_KEYWORDS = ["type", "$ref", "allOf", "oneOf", "anyOf", "not", "enum", "const", "items", "prefixItems", "properties", "additionalProperties"];

const SUPPORTED_OVERLAY = /^1\.0\.\d+$/;

/** Applies every overlay in order; throws one SyncError listing every problem in every file. */
export function applyOverlays(doc: Document, overlays: readonly OverlaySource[], specLabel: string): AppliedAction[] {
  const problems: string[] = [];
  const actions = overlays.flatMap((overlay) => parseOverlay(overlay, problems));
  const applied: AppliedAction[] = [];
  for (const action of actions) {
    const result = applyAction(doc, action, specLabel);
    if (typeof result === "string") problems.push(result);
    else applied.push(result);
  }
  if (problems.length > 0) throw new SyncError(problems);
  return applied;
}

function parseOverlay(overlay: OverlaySource, problems: string[]): Action[] {
  const lineCounter = new LineCounter();
  const doc = parseDocument(overlay.text, { lineCounter, prettyErrors: false });
  const lineOf = (node: unknown): number => {
    const range = (node as { range?: [number, number, number] } | undefined)?.range;
    return range === undefined ? 1 : lineCounter.linePos(range[0]).line;
  };
  const at = (node: unknown, detail: string) => `${overlay.file}:${lineOf(node)}: ${detail}`;
  const firstError = doc.errors[0];
  if (firstError !== undefined) {
    problems.push(`${overlay.file}:${lineCounter.linePos(firstError.pos[0]).line}: malformed YAML: ${firstError.message.split("\n")[0]}`);
    return [];
  }
  const root = doc.contents;
  if (!isMap(root)) {
    problems.push(at(root, "an overlay must be a mapping with `overlay`, `info` and `actions`"));
    return [];
  }
  const version = root.get("overlay", true);
  if (!isScalar(version) || !SUPPORTED_OVERLAY.test(String(version.value))) {
    problems.push(at(version ?? root, `\`overlay\` must be a 1.0.x version (OpenAPI Overlay 1.0), found ${JSON.stringify(isScalar(version) ? version.value : version)}`));
  }
  const info = root.get("info", true);
  if (!isMap(info) || typeof info.get("title") !== "string" || info.get("version") === undefined) {
    problems.push(at(info ?? root, "`info` must have a `title` and a `version`"));
  }
  const actionList = root.get("actions", true);
  if (!isSeq(actionList) || actionList.items.length === 0) {
    problems.push(at(actionList ?? root, "`actions` must be a non-empty list"));
    return [];
  }
  const actions: Action[] = [];
  actionList.items.forEach((item, index) => {
    const where = `action ${index + 1}`;
    if (!isMap(item)) {
      problems.push(at(item, `${where} must be a mapping with \`target\`, \`description\` and \`update\` or \`remove: true\``));
      return;
    }
    const target = item.get("target");
    const description = item.get("description");
    const update = item.get("update", true) as YamlNode | undefined;
    const remove = item.get("remove") === true;
    const onlyIfAbsent = item.get("x-only-if-absent") === true;
    const before = problems.length;
    if (typeof target !== "string" || !target.startsWith("$")) problems.push(at(item, `${where}: \`target\` must be a JSONPath expression starting with "$"`));
    if (typeof description !== "string" || description.trim() === "") {
      problems.push(at(item, `${where}: \`description\` is required here: say why the spec deviates from upstream`));
    }
    if ((update === undefined) === !remove) problems.push(at(item, `${where}: give exactly one of \`update\` or \`remove: true\``));
    if (onlyIfAbsent && !isMap(update)) problems.push(at(item, `${where}: \`x-only-if-absent\` needs an \`update\` object (its keys are what must be absent)`));
    if (problems.length > before) return;
    actions.push({
      file: overlay.file,
      line: lineOf(item),
      index,
      target: target as string,
      description: description as string,
      ...(update === undefined ? {} : { update }),
      remove,
      onlyIfAbsent,
      lineOf,
    });
  });
  return actions;
}

function applyAction(doc: Document, action: Action, specLabel: string): AppliedAction | string {
  const where = `${action.file}:${action.line}: action ${action.index + 1} (target ${action.target})`;
  const matches: Path[] = [];
  try {
    exec(doc.toJS() as never, action.target, (_value, path) => matches.push([...path]));
  } catch (error) {
    return `${where}: invalid JSONPath: ${(error as Error).message}`;
  }
  if (matches.length === 0) {
    return `${where}: matches nothing in ${specLabel}. The deviation "${oneLine(action.description)}" no longer applies to this upstream: update or delete the action.`;
  }
  if (action.remove) {
    if (matches.some((path) => path.length === 0)) return `${where}: cannot remove the whole document`;
    // Deepest and highest array index first, so removing one match does not shift the path of another.
    for (const path of [...matches].sort(comparePathsForRemoval)) doc.deleteIn(path);
  }
  const created: CreatedKey[] = [];
  if (!action.remove) {
    for (const path of matches) {
      const problem = updateAt(doc, path, action, specLabel, created);
      if (problem !== undefined) return `${where}: ${problem}`;
    }
  }
  return { file: action.file, line: action.line, target: action.target, description: action.description, kind: action.remove ? "remove" : "update", matches: matches.length, created };
}

function updateAt(doc: Document, path: Path, action: Action, specLabel: string, created: CreatedKey[]): string | undefined {
  const update = action.update as YamlNode;
  const target = path.length === 0 ? doc.contents : doc.getIn(path, true);
  if (isSeq(target)) {
    created.push({ path: [...path, target.items.length], line: action.lineOf(update) });
    target.items.push(update.clone());
    return undefined;
  }
  if (!isMap(target)) return `selects ${describePath(path)}, a scalar; an update can only merge into an object or append to an array`;
  if (!isMap(update)) return `selects the object ${describePath(path)}, so \`update\` must be an object`;
  if (action.onlyIfAbsent) {
    const present = update.items.filter((pair) => target.has(keyOf(pair.key)));
    if (present.length > 0) {
      const names = present.map((pair) => `${describePath([...path, keyOf(pair.key)])} (line ${action.lineOf(pair.key)})`).join(", ");
      return `is marked x-only-if-absent, but ${specLabel} now has ${names}: upstream publishes what this action reconstructs, so delete the action (and any action only it needed).`;
    }
  }
  return mergeInto(target, update, path, { lineOf: action.lineOf, specLabel, created });
}

/** True where the keys of the map at `path` name schemas: a schema's `properties`, or `components.schemas`. */
function holdsSchemas(path: Path): boolean {
  const last = path.at(-1);
  return last === "properties" || (path.length === 2 && path[0] === "components" && last === "schemas");
}

/** What a merge needs besides the two maps: where the update's nodes are, for messages, and what it created. */
interface MergeContext {
  readonly lineOf: (node: unknown) => number;
  readonly specLabel: string;
  readonly created: CreatedKey[];
}

function mergeInto(target: YAMLMap, update: YAMLMap, path: Path, context: MergeContext): string | undefined {
  const { lineOf, specLabel } = context;
  for (const pair of update.items) {
    const key = keyOf(pair.key);
    const existing = target.items.find((candidate) => keyOf(candidate.key) === key);
    const value = pair.value as YamlNode | null;
    if (existing === undefined) {
      if (holdsSchemas(path) && isMap(value) && !DEFINING_KEYWORDS.some((keyword) => value.has(keyword))) {
        const given = value.items.map((item) => `\`${keyOf(item.key)}\``).join(", ") || "nothing";
        return (
          `line ${lineOf(pair.key)} creates ${describePath([...path, key])}, which ${specLabel} does not have, from ${given} alone (no type, $ref or ` +
          `composition): it amends a schema that upstream has removed or renamed. Delete that part of the update (or move it to the new name); ` +
          `if the schema is meant to be new, define it.`
        );
      }
      target.items.push(new Pair((pair.key as YamlNode).clone(), value === null ? null : value.clone()));
      context.created.push({ path: [...path, key], line: lineOf(pair.key) });
      continue;
    }
    const current = existing.value as YamlNode | null;
    if (isMap(current) && isMap(value)) {
      const problem = mergeInto(current, value, [...path, key], context);
      if (problem !== undefined) return problem;
    } else if (isSeq(current) && isSeq(value)) {
      for (const item of value.items) {
        context.created.push({ path: [...path, key, current.items.length], line: lineOf(item) });
        current.items.push((item as YamlNode).clone());
      }
    } else if ((current === null || isScalar(current)) && (value === null || isScalar(value))) {
      context.created.push({ path: [...path, key], line: lineOf(pair.key) });
      existing.value = value === null ? null : value.clone();
    } else {
      return `cannot merge ${kindOf(value)} into the ${kindOf(current)} at ${describePath([...path, key])}; remove it first in an earlier action`;
    }
  }
  return undefined;
}

function comparePathsForRemoval(a: Path, b: Path): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i];
    const y = b[i];
    if (x === y) continue;
    if (typeof x === "number" && typeof y === "number") return y - x;
    return 0;
  }
  return b.length - a.length;
}

function kindOf(node: unknown): string {
  return isMap(node) ? "object" : isSeq(node) ? "array" : "scalar";
}

export function describePath(path: Path): string {
  return `$${path.map((part) => (typeof part === "number" ? `[${part}]` : `['${part.replace(/'/g, "\\'")}']`)).join("")}`;
}

function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > 100 ? `${flat.slice(0, 97)}...` : flat;
}
