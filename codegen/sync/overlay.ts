/**
 * Applies OpenAPI Overlay 1.0 documents to a `yaml` Document in place, so everything an action does not touch keeps
 * its key order, comments and scalar styles. JSONPath (RFC 9535) is evaluated by jsonpath-rfc9535 on the plain
 * value; the normalized paths it returns are then followed in the YAML node tree.
 *
 * Update semantics (Overlay 1.0, as clarified by 1.1): an object target gets the update merged in (objects merged
 * recursively, arrays appended to, scalars replaced, other combinations an error); an array target gets the update
 * appended as one entry. Every action must say why (`description`) and must match something: a deviation whose
 * target is gone needs a person, so it fails the run with the overlay's file:line, never a silent skip.
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
}

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
    const before = problems.length;
    if (typeof target !== "string" || !target.startsWith("$")) problems.push(at(item, `${where}: \`target\` must be a JSONPath expression starting with "$"`));
    if (typeof description !== "string" || description.trim() === "") {
      problems.push(at(item, `${where}: \`description\` is required here: say why the spec deviates from upstream`));
    }
    if ((update === undefined) === !remove) problems.push(at(item, `${where}: give exactly one of \`update\` or \`remove: true\``));
    if (problems.length > before) return;
    actions.push({
      file: overlay.file,
      line: lineOf(item),
      index,
      target: target as string,
      description: description as string,
      ...(update === undefined ? {} : { update }),
      remove,
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
  } else {
    for (const path of matches) {
      const problem = updateAt(doc, path, action.update as YamlNode);
      if (problem !== undefined) return `${where}: ${problem}`;
    }
  }
  return { file: action.file, line: action.line, target: action.target, description: action.description, kind: action.remove ? "remove" : "update", matches: matches.length };
}

function updateAt(doc: Document, path: Path, update: YamlNode): string | undefined {
  const target = path.length === 0 ? doc.contents : doc.getIn(path, true);
  if (isSeq(target)) {
    target.items.push(update.clone());
    return undefined;
  }
  if (!isMap(target)) return `selects ${describePath(path)}, a scalar; an update can only merge into an object or append to an array`;
  if (!isMap(update)) return `selects the object ${describePath(path)}, so \`update\` must be an object`;
  return mergeInto(target, update, path);
}

function mergeInto(target: YAMLMap, update: YAMLMap, path: Path): string | undefined {
  for (const pair of update.items) {
    const key = keyOf(pair.key);
    const existing = target.items.find((candidate) => keyOf(candidate.key) === key);
    const value = pair.value as YamlNode | null;
    if (existing === undefined) {
      target.items.push(new Pair((pair.key as YamlNode).clone(), value === null ? null : value.clone()));
      continue;
    }
    const current = existing.value as YamlNode | null;
    if (isMap(current) && isMap(value)) {
      const problem = mergeInto(current, value, [...path, key]);
      if (problem !== undefined) return problem;
    } else if (isSeq(current) && isSeq(value)) {
      for (const item of value.items) current.items.push((item as YamlNode).clone());
    } else if ((current === null || isScalar(current)) && (value === null || isScalar(value))) {
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
