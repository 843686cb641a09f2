import { createRequire } from "node:module";
import type { Event, ScalarEvent } from "js-yaml";

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
 *   collections, a `key: |` block scalar at its header), and undefined for the forms whose yaml range the events do
 *   not give (an empty value, a block scalar in a list or after an explicit key): the loader then asks yaml.
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
const { PLAIN, SINGLE_QUOTED, DOUBLE_QUOTED, LITERAL_BLOCK, FOLDED_BLOCK } = jsYaml.SCALAR_STYLE;
const { CHOMPING_MODE } = jsYaml;

/**
 * Text-level shapes where js-yaml reads, or accepts, what yaml reads differently or rejects (found by comparing the
 * two on generated, damaged and hand-written inputs): each sends the whole spec to yaml.
 */
const LEFT_TO_YAML: readonly RegExp[] = [
  // A carriage return alone ends a line for js-yaml (as YAML 1.2 says) but not for yaml.
  /\r(?!\n)/,
  // After a byte order mark yaml rejects some documents (a root sequence) that js-yaml reads.
  /^\ufeff/,
  // A tab in a line's indentation, or on a blank line after a block scalar: yaml rejects it.
  /^ *\t/m,
  // A comment whose text touches its `#`, less indented than what follows: yaml folds the lines differently.
  /^[ \t]*#[^ \t\r\n]/m,
  // A document end marker: yaml starts a second document after it.
  /^\.\.\.(?:[ \t]|\r?$)/m,
];

/**
 * YAML 1.2 core schema's forms of null, booleans, integers and floats (yaml's `core` tags): a plain scalar that matches
 * none of them is a string to yaml.
 */
const CORE_NON_STRING =
  /^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;
/** Could a core-schema resolver take this text for something else than a string (its first character says)? */
const MAYBE_NOT_A_STRING = /^[-+.~0-9nNtTfF]/;
/** Numbers both libraries read with the same `Number`/`parseFloat` call: short, canonical decimals (not -0). */
const PLAIN_NUMBER = /^(?:0|-?[1-9][0-9]{0,14})(?:\.[0-9]{1,15})?$/;

/** JSON text of a value, with the numbers JSON cannot print (NaN, ±Infinity, -0) spelled out. */
export function canonical(value: unknown): string {
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

const DOCUMENT_START: Event = { type: DOCUMENT, explicitStart: false, explicitEnd: false, directives: [] };
const CLOSE: Event = { type: POP };

/** What js-yaml makes of one scalar of the spec: constructed alone, from its own event (no parse). */
function jsYamlValue(text: string, event: ScalarEvent): unknown {
  return jsYaml.constructFromEvents([DOCUMENT_START, event, CLOSE], { source: text })[0];
}

/**
 * Whether both libraries read a plain scalar alike, as a value or as a key (yaml turns a null key into "", js-yaml
 * into "null"), answered once per distinct text per spec. A text of a core-schema form other than a plain number is
 * read by both libraries; any other text that a resolver might take for a non-string (a date, a UUID, `n-1`) is a
 * string to yaml by the core schema, and is checked to be that same string to js-yaml.
 */
function verdicts(text: string): (event: ScalarEvent, asKey: boolean) => boolean {
  const asValue = new Map<string, boolean>();
  const asKeyVerdicts = new Map<string, boolean>();
  return (event, asKey) => {
    const source = text.slice(event.valueStart, event.valueEnd);
    if (!MAYBE_NOT_A_STRING.test(source) || (!asKey && PLAIN_NUMBER.test(source))) return true;
    const known = asKey ? asKeyVerdicts : asValue;
    let verdict = known.get(source);
    if (verdict === undefined) {
      verdict = CORE_NON_STRING.test(source) ? bothRead(asKey ? `${source}: 0` : `k: ${source}`) : jsYamlValue(text, event) === jsYaml.getScalarValue(text, event);
      known.set(source, verdict);
    }
    return verdict;
  };
}

/** One open collection while walking the events: where it starts and how many children it has had. */
interface Frame {
  readonly index: number;
  readonly mapping: boolean;
  children: number;
  /** Where the last key's text ends (after a closing quote), for a block scalar value's header. */
  keyEnd: number;
}

/**
 * What the locator keeps of the events, a few bytes each (the event objects themselves, hundreds of megabytes on a
 * 50 MB spec, are dropped as soon as the document is built).
 */
interface Outline {
  /** Event type (EVENT_ID). */
  readonly kind: Uint8Array;
  /** Scalar style (SCALAR_STYLE), for keys. */
  readonly style: Uint8Array;
  /** yaml's offset for the node, or -1 where the events do not say (empty values, some block scalars). */
  readonly start: Int32Array;
  /** A collection: the index of its closing event. A scalar: where its value ends. */
  readonly end: Int32Array;
}

/**
 * Reads `text` with js-yaml's events when that gives exactly what yaml would (see EventRead), else undefined.
 * `maxDepth` is the loader's nesting limit: deeper input is left to yaml's path, which reports it.
 */
export function readWithEvents(text: string, maxDepth: number): EventRead | undefined {
  if (LEFT_TO_YAML.some((pattern) => pattern.test(text))) return undefined;
  let events: Event[];
  let documents: unknown[];
  try {
    events = jsYaml.parseEvents(text, { maxDepth });
    documents = jsYaml.constructFromEvents(events, { source: text });
  } catch {
    return undefined;
  }
  if (documents.length !== 1) return undefined;
  const outlined = outline(text, events);
  if (outlined === undefined) return undefined;
  return { document: documents[0], offsetOf: locator(text, outlined) };
}

/** One pass over the events: their outline, or undefined when the stream holds anything yaml must read itself. */
function outline(text: string, events: readonly Event[]): Outline | undefined {
  const found: Outline = { kind: new Uint8Array(events.length), style: new Uint8Array(events.length), start: new Int32Array(events.length), end: new Int32Array(events.length) };
  const agrees = verdicts(text);
  const stack: Frame[] = [];
  let documents = 0;
  for (let index = 0; index < events.length; index++) {
    const event = events[index]!;
    const parent = stack[stack.length - 1];
    const isKey = parent !== undefined && parent.mapping && parent.children % 2 === 0;
    found.kind[index] = event.type;
    switch (event.type) {
      case DOCUMENT:
        if (++documents > 1 || event.directives.length > 0) return undefined;
        break;
      case MAPPING:
      case SEQUENCE:
        if (event.anchorStart !== -1 || event.tagStart !== -1 || isKey) return undefined;
        if (parent) parent.children++;
        found.start[index] = event.start;
        stack.push({ index, mapping: event.type === MAPPING, children: 0, keyEnd: -1 });
        break;
      case SCALAR: {
        if (event.anchorStart !== -1 || event.tagStart !== -1) return undefined;
        let start = startOf(event);
        if (isKey) parent.keyEnd = event.style === PLAIN ? event.valueEnd : event.valueEnd + 1;
        // A block scalar value: yaml's range starts at its `|` or `>` header, right after the key's `:`.
        else if (start === -1 && parent?.mapping && (event.style === LITERAL_BLOCK || event.style === FOLDED_BLOCK)) start = blockHeader(text, parent.keyEnd);
        // A key is found by its text: only plain and quoted keys are kept (a block scalar or empty key goes to yaml).
        if (isKey && start === -1) return undefined;
        // yaml wants an implicit key's `:` within 1024 characters of its start; js-yaml takes any length.
        if (isKey && text.indexOf(":", event.valueEnd) - start > 1024) return undefined;
        // js-yaml decodes an out-of-range `\U` escape to garbage where yaml reports it.
        if (event.style === DOUBLE_QUOTED && text.slice(event.valueStart, event.valueEnd).includes("\\U")) return undefined;
        if (event.style === PLAIN && event.valueStart !== -1 && !agrees(event, isKey)) return undefined;
        if (parent) parent.children++;
        found.style[index] = event.style;
        found.start[index] = start;
        found.end[index] = event.valueEnd;
        break;
      }
      case POP: {
        const closed = stack.pop();
        if (closed) found.end[closed.index] = index;
        break;
      }
      default:
        // An alias (or an event kind this code does not know): yaml-limits.ts bounds what aliases expand to.
        return undefined;
    }
  }
  return found;
}

/** A mapping's entries by key (as yaml's `toJS` spells it): event indices of the key and of the value. */
type Entries = Map<string, { readonly key: number; readonly value: number }>;

function locator(text: string, { kind, style, start, end }: Outline): (tokens: readonly string[]) => number | undefined {
  const isCollection = (index: number) => kind[index] === MAPPING || kind[index] === SEQUENCE;
  const after = (index: number): number => (isCollection(index) ? end[index]! + 1 : index + 1);
  const entriesCache = new Map<number, Entries>();
  const itemsCache = new Map<number, number[]>();
  const keyText = (index: number): string => {
    const quoted = style[index] !== PLAIN;
    const valueStart = quoted ? start[index]! + 1 : start[index]!;
    const source = text.slice(valueStart, end[index]);
    // Quoted text has escapes, and a plain key on several lines (after `?`) is folded: js-yaml decodes both.
    if (quoted || /[\r\n]/.test(source)) {
      const event: ScalarEvent = { type: SCALAR, valueStart, valueEnd: end[index]!, anchorStart: -1, anchorEnd: -1, tagStart: -1, tagEnd: -1, style: style[index] as ScalarEvent["style"], chomping: CHOMPING_MODE.CLIP, indent: -1, fast: false };
      return jsYaml.getScalarValue(text, event);
    }
    // Only texts that resolve alike in both libraries get here (outline): js-yaml's key is yaml's key (`0x1F` is "31").
    return CORE_NON_STRING.test(source) ? Object.keys(jsYaml.load(`${source}: 0`) as object)[0]! : source;
  };
  const entries = (index: number): Entries => {
    let found = entriesCache.get(index);
    if (!found) {
      found = new Map();
      for (let child = index + 1; child < end[index]!; ) {
        const value = after(child);
        const key = keyText(child);
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
      for (let child = index + 1; child < end[index]!; child = after(child)) found.push(child);
      itemsCache.set(index, found);
    }
    return found;
  };
  const root = kind.findIndex((type) => type !== DOCUMENT);
  return (tokens) => {
    if (root === -1) return undefined;
    let node = root;
    let at = root;
    for (const token of tokens) {
      if (kind[node] === MAPPING) {
        const entry = entries(node).get(token);
        if (!entry) break;
        at = kind[entry.value] === SCALAR ? entry.value : entry.key;
        node = entry.value;
      } else if (kind[node] === SEQUENCE) {
        const item = /^\d+$/.test(token) ? items(node)[Number(token)] : undefined;
        if (item === undefined) break;
        at = item;
        node = item;
      } else {
        break;
      }
    }
    const offset = start[at]!;
    return offset === -1 ? undefined : offset;
  };
}

/** The offset of the `|` or `>` after `key:` (spaces and tabs around the colon), or -1 when the text is otherwise. */
function blockHeader(text: string, keyEnd: number): number {
  if (keyEnd < 0) return -1;
  const header = /^[ \t]*:[ \t]*[|>]/.exec(text.slice(keyEnd, keyEnd + 64));
  return header === null ? -1 : keyEnd + header[0].length - 1;
}

/** Where yaml's range for a scalar starts, when the event says so (-1 for block scalars and empty values). */
function startOf(event: ScalarEvent): number {
  if (event.valueStart === -1) return -1;
  if (event.style === PLAIN) return event.valueStart;
  // The event's value starts inside the quotes; yaml's range starts at the opening quote.
  if (event.style === SINGLE_QUOTED || event.style === DOUBLE_QUOTED) return event.valueStart - 1;
  return -1;
}
