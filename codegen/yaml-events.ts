import { createRequire } from "node:module";
import type { Event, MappingEvent, ScalarEvent, SequenceEvent } from "js-yaml";

/**
 * The fast read of a spec: js-yaml's event parser, about ten times faster than yaml's located parse (which makes a
 * token tree and a syntax tree with ranges; 2 s against 0.25 s on a 4 MB spec, the critical path of every run).
 *
 * It is taken only where it provably reads the text as yaml does, so the generator's output and every location it
 * prints are the same whichever way a spec was read (test/codegen/yaml-events.test.ts compares both on every spec
 * the repository holds and on generated documents):
 * - yaml stays the authority for anything unusual: a syntax error, a directive, a tag, an anchor or alias, a
 *   duplicate or complex key, nesting past the limit, more than one document. Each makes `readWithEvents` return
 *   undefined and the loader parse with yaml, which reports the problem (with its own message and location) or
 *   applies yaml-limits.ts.
 * - Scalar resolution is checked token by token: a plain scalar that could be something other than a string in
 *   YAML 1.2's core schema (`1e3`, `0x1F`, `~`, `True`, `.inf`, `1e999`) is read by both libraries once per distinct
 *   text, and any disagreement sends the whole spec to yaml. Everything else is a string to both.
 * - Locations: `offsetOf` gives yaml's offset where the event stream holds it (keys, plain and quoted scalars,
 *   collections), and undefined for the forms whose yaml range starts elsewhere (a block scalar's `|` header, an
 *   empty value): the loader then asks yaml.
 */
export interface EventRead {
  /** The document as plain data, as yaml's `toJS` would give it. */
  readonly document: unknown;
  /**
   * yaml's source offset for the node at `tokens` (load.ts `offsetOf`: a scalar value at its value, a collection at
   * its key, a missing step at the deepest existing ancestor), or undefined where only yaml's syntax tree knows it.
   */
  offsetOf(tokens: readonly string[]): number | undefined;
}

// require, not `import`: both libraries' Node builds are CommonJS (see load.ts).
const moduleRequire = createRequire(import.meta.url);
const jsYaml = moduleRequire("js-yaml") as typeof import("js-yaml");
const yaml = moduleRequire("yaml") as typeof import("yaml");

const { DOCUMENT, SEQUENCE, MAPPING, SCALAR, POP } = jsYaml.EVENT_ID;
const { PLAIN, SINGLE_QUOTED, DOUBLE_QUOTED } = jsYaml.SCALAR_STYLE;

/**
 * A plain scalar that a core schema could resolve to null, a boolean or a number: empty, or starting with a digit,
 * sign, dot, `~` or the first letter of null/true/false, short and on one line. Everything else is a string to both
 * libraries; these are checked (`agrees`).
 */
const MAYBE_NOT_A_STRING = /^[-+.~0-9nNtTfF]\S{0,63}$/;

const LONE_CARRIAGE_RETURN = /\r(?!\n)/;

/** JSON text of a value, with the numbers JSON cannot print (NaN, ±Infinity, -0) spelled out. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === "number" && (!Number.isFinite(v) || Object.is(v, -0)) ? `number:${String(v)}${Object.is(v, -0) ? "-0" : ""}` : v));
}

/** Whether yaml and js-yaml read a one-line document the same way (both parse it, to the same data). */
function bothRead(snippet: string): boolean {
  let theirs: string;
  let ours: string;
  try {
    const doc = yaml.parseDocument(snippet, { uniqueKeys: false });
    if (doc.errors.length > 0) return false;
    theirs = canonical(doc.toJS());
    ours = canonical(jsYaml.load(snippet));
  } catch {
    return false;
  }
  return ours === theirs;
}

/** Verdicts per distinct plain text, as a value and as a key (yaml turns a null key into "", js-yaml into "null"). */
const valueVerdicts = new Map<string, boolean>();
const keyVerdicts = new Map<string, boolean>();

function agrees(text: string, asKey: boolean): boolean {
  const verdicts = asKey ? keyVerdicts : valueVerdicts;
  let verdict = verdicts.get(text);
  if (verdict === undefined) {
    verdict = bothRead(asKey ? `${text}: 0` : `k: ${text}`);
    verdicts.set(text, verdict);
  }
  return verdict;
}

/** One open collection while walking the events: where it starts and how many children it has had. */
interface Frame {
  readonly index: number;
  readonly mapping: boolean;
  children: number;
}

/**
 * Reads `text` with js-yaml's events when that gives exactly what yaml would (see EventRead), else undefined.
 * `maxDepth` is the loader's nesting limit: deeper input is left to yaml's path, which reports it.
 */
export function readWithEvents(text: string, maxDepth: number): EventRead | undefined {
  // A carriage return alone ends a line for js-yaml (as YAML 1.2 says) but not for yaml.
  if (LONE_CARRIAGE_RETURN.test(text)) return undefined;
  let events: Event[];
  let documents: unknown[];
  try {
    events = jsYaml.parseEvents(text, { maxDepth });
    documents = jsYaml.constructFromEvents(events, { source: text });
  } catch {
    return undefined;
  }
  if (documents.length !== 1) return undefined;
  const ends = collectionEnds(text, events);
  if (ends === undefined) return undefined;
  return { document: documents[0], offsetOf: locator(text, events, ends) };
}

/**
 * One pass over the events: the index of each collection's closing event (to skip over a child), or undefined when
 * the stream holds anything yaml must read itself.
 */
function collectionEnds(text: string, events: readonly Event[]): Int32Array | undefined {
  const ends = new Int32Array(events.length);
  const stack: Frame[] = [];
  let documents = 0;
  for (let index = 0; index < events.length; index++) {
    const event = events[index]!;
    const parent = stack[stack.length - 1];
    const isKey = parent !== undefined && parent.mapping && parent.children % 2 === 0;
    switch (event.type) {
      case DOCUMENT:
        if (++documents > 1 || event.directives.length > 0) return undefined;
        break;
      case MAPPING:
      case SEQUENCE:
        if (event.anchorStart !== -1 || event.tagStart !== -1 || isKey) return undefined;
        if (parent) parent.children++;
        stack.push({ index, mapping: event.type === MAPPING, children: 0 });
        break;
      case SCALAR:
        if (event.anchorStart !== -1 || event.tagStart !== -1) return undefined;
        if (event.style === PLAIN) {
          if (event.valueStart === -1) {
            if (isKey) return undefined;
          } else {
            const source = text.slice(event.valueStart, event.valueEnd);
            if (MAYBE_NOT_A_STRING.test(source) && !agrees(source, isKey)) return undefined;
          }
        }
        if (parent) parent.children++;
        break;
      case POP: {
        const closed = stack.pop();
        if (closed) ends[closed.index] = index;
        break;
      }
      default:
        // An alias (or an event kind this code does not know): yaml-limits.ts bounds what aliases expand to.
        return undefined;
    }
  }
  return ends;
}

/** A mapping's entries by key (as yaml's `toJS` spells it): event indices of the key and of the value. */
type Entries = Map<string, { readonly key: number; readonly value: number }>;

function locator(text: string, events: readonly Event[], ends: Int32Array): (tokens: readonly string[]) => number | undefined {
  const after = (index: number): number => {
    const event = events[index]!;
    return event.type === MAPPING || event.type === SEQUENCE ? ends[index]! + 1 : index + 1;
  };
  const entriesCache = new Map<number, Entries>();
  const itemsCache = new Map<number, number[]>();
  const keyText = (event: ScalarEvent): string => {
    if (event.style !== PLAIN) return jsYaml.getScalarValue(text, event);
    const source = text.slice(event.valueStart, event.valueEnd);
    // Only texts that resolve alike in both libraries get here (collectionEnds): js-yaml's key is yaml's key.
    return MAYBE_NOT_A_STRING.test(source) ? Object.keys(jsYaml.load(`${source}: 0`) as object)[0]! : source;
  };
  const entries = (index: number): Entries => {
    let found = entriesCache.get(index);
    if (!found) {
      found = new Map();
      for (let child = index + 1; child < ends[index]!; ) {
        const value = after(child);
        const key = keyText(events[child] as ScalarEvent);
        if (!found.has(key)) found.set(key, { key: child, value });
        child = after(value);
      }
      entriesCache.set(index, found);
    }
    return found;
  };
  const items = (index: number): number[] => {
    let found = itemsCache.get(index);
    if (!found) {
      found = [];
      for (let child = index + 1; child < ends[index]!; child = after(child)) found.push(child);
      itemsCache.set(index, found);
    }
    return found;
  };
  const root = events.findIndex((event) => event.type !== DOCUMENT);
  return (tokens) => {
    if (root === -1) return undefined;
    let node = root;
    let at = root;
    for (const token of tokens) {
      const event = events[node]!;
      if (event.type === MAPPING) {
        const entry = entries(node).get(token);
        if (!entry) break;
        at = events[entry.value]!.type === SCALAR ? entry.value : entry.key;
        node = entry.value;
      } else if (event.type === SEQUENCE) {
        const item = /^\d+$/.test(token) ? items(node)[Number(token)] : undefined;
        if (item === undefined) break;
        at = item;
        node = item;
      } else {
        break;
      }
    }
    return startOf(events[at]!);
  };
}

/** Where yaml's range for this node starts, when the event says so (undefined for block scalars and empty values). */
function startOf(event: Event): number | undefined {
  if (event.type === MAPPING || event.type === SEQUENCE) return (event as MappingEvent | SequenceEvent).start;
  if (event.type !== SCALAR || event.valueStart === -1) return undefined;
  if (event.style === PLAIN) return event.valueStart;
  // The event's value starts inside the quotes; yaml's range starts at the opening quote.
  if (event.style === SINGLE_QUOTED || event.style === DOUBLE_QUOTED) return event.valueStart - 1;
  return undefined;
}
