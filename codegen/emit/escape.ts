/**
 * The one way spec-derived text enters generated code. Every description, summary, JSON pointer, path, name, enum
 * value and file name goes through one of these functions, so a comment or string literal in generated/ is opened and
 * closed only by the generator, whatever the spec says (test/codegen/hostile-text.property.test.ts).
 *
 * Two readers must agree on where comments and strings end: the JavaScript lexer, and code-block-writer (inside
 * ts-morph), which tracks comments and strings in what it writes and inserts a `*\/` of its own when it believes a
 * comment is still open. Hence, besides what the lexer needs:
 * - comment text never contains `/*` (code-block-writer would count a nested comment), written `/\*`;
 * - string literals never contain `\\` (code-block-writer takes the quote after `\\` for an escaped one), written
 *   `\u005c`.
 */

/** ECMAScript line terminators: each ends a `//` comment, and U+2028/U+2029 count as line breaks inside `/* *\/` too. */
const LINE_TERMINATOR = /\r\n|[\n\r\u2028\u2029]/;

/**
 * Characters shown as `\uXXXX` text in comments: control characters (NUL makes git treat the file as binary, the
 * others are invisible), the byte order mark, and lone surrogates (UTF-8 cannot encode them; they would be written
 * as U+FFFD, silently changing the text).
 */
const UNPRINTABLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function unicodeEscape(char: string): string {
  return `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`;
}

/** One line of comment text: no comment delimiter, no unprintable character (no line terminator either: see callers). */
function commentSafe(line: string): string {
  return line.replaceAll("*/", "*\\/").replaceAll("/*", "/\\*").replace(UNPRINTABLE, unicodeEscape);
}

/**
 * Text for a `/** … *\/` block, as lines: split at every line terminator (so U+2028 cannot end the comment early),
 * each line without comment delimiters or unprintable characters. The caller prefixes ` * `.
 */
export function commentLines(text: string): string[] {
  return text.split(LINE_TERMINATOR).map(commentSafe);
}

/** `commentLines` joined with `\n`: what ts-morph's JSDoc printer takes as a description. */
export function commentText(text: string): string {
  return commentLines(text).join("\n");
}

/**
 * Text for a single comment line (`// …`, a JSDoc tag such as `@see`): line terminators are shown as `\n`, `\r`,
 * `\u2028`, `\u2029` text, so the whole text stays on its line.
 */
export function commentLine(text: string): string {
  return commentSafe(oneLine(text));
}

/** `text` on one line, every line terminator and unprintable character shown as an escape (`\n`, `\r`, `\u2028`, …). */
export function oneLine(text: string): string {
  return text.replace(/[\n\r\u2028\u2029]/g, (char) => (char === "\n" ? "\\n" : char === "\r" ? "\\r" : unicodeEscape(char))).replace(UNPRINTABLE, unicodeEscape);
}

/**
 * A double-quoted string literal for `value`. JSON.stringify escapes quotes, control characters and lone surrogates;
 * on top of that U+2028/U+2029 are escaped (older tools treat them as line breaks) and a backslash is written
 * `\u005c` (see the module comment). Backticks and `${` need nothing inside double quotes.
 */
export function stringLiteral(value: string): string {
  return JSON.stringify(value).replaceAll("\\\\", "\\u005c").replace(/[\u2028\u2029]/g, unicodeEscape);
}

/**
 * A JSON value as the initializer of a TypeScript constant (indented by 2). A `"__proto__":` key in an object literal
 * sets the prototype instead of creating a key, so such keys are printed computed (`["__proto__"]:`), which makes an
 * own property; parseJsonLiteral reads the text back. JSON.stringify puts every key at the start of its own line and
 * never a raw line break inside a string, so a line that starts with `"__proto__":` is always a key.
 */
export function jsonLiteral(value: unknown, replacer?: (this: unknown, key: string, value: unknown) => unknown): string {
  const json = JSON.stringify(value, replacer, 2);
  const text = /[\u2028\u2029]/.test(json) ? json.replace(/[\u2028\u2029]/g, unicodeEscape) : json;
  return text.includes(PROTO_KEY) ? text.replace(PROTO_KEY_LINE, `$1${COMPUTED_PROTO_KEY}`) : text;
}

const PROTO_KEY = '"__proto__":';
const COMPUTED_PROTO_KEY = '["__proto__"]:';
const PROTO_KEY_LINE = /^( *)"__proto__":/gm;
const COMPUTED_PROTO_KEY_LINE = /^( *)\["__proto__"\]:/gm;

/** The value of a jsonLiteral text (JSON.parse keeps `__proto__` as an own key). */
export function parseJsonLiteral(text: string): unknown {
  return JSON.parse(text.includes(COMPUTED_PROTO_KEY) ? text.replace(COMPUTED_PROTO_KEY_LINE, `$1${PROTO_KEY}`) : text);
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * An object-literal key for `name`: verbatim when it is an identifier, otherwise a string literal; `__proto__` is
 * computed (`["__proto__"]`), the only form that makes it an own key rather than the prototype.
 */
export function propertyKey(name: string): string {
  if (name === "__proto__") return `[${stringLiteral(name)}]`;
  return IDENTIFIER.test(name) ? name : stringLiteral(name);
}

/**
 * A message for the terminal (errors, the regeneration notice), which quote spec text: control characters other than
 * line feed and tab are shown as `\uXXXX`, so a spec cannot send escape sequences to the user's terminal.
 */
export function terminalText(text: string): string {
  return text.replace(UNPRINTABLE, unicodeEscape).replaceAll("\r", "\\r");
}

/** Text inside an HTML comment (`<!-- … -->`, the markdown banner): one line, and never `--`. */
export function htmlCommentLine(text: string): string {
  return commentLine(text).replace(/-(?=-)/g, "-\\");
}

/**
 * Inline code for markdown (merge-report.md): one line, with a backtick fence longer than any backtick run inside, so
 * the span ends where the generator ends it. In a table cell, `|` must be escaped too: `markdownCode(text, true)`.
 */
export function markdownCode(text: string, inTable = false): string {
  const line = inTable ? oneLine(text).replaceAll("|", "\\|") : oneLine(text);
  const longestRun = Math.max(0, ...(line.match(/`+/g) ?? []).map((run) => run.length));
  if (longestRun === 0) return `\`${line}\``;
  const fence = "`".repeat(longestRun + 1);
  return `${fence} ${line} ${fence}`;
}
