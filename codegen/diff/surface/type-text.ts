/**
 * Type texts for changelog lines. The public surface records each member's type as the compiler prints it, fully
 * expanded, which for a generated wire view is thousands of characters: a line quoting the whole type before and
 * after hides the one union member or field that changed. Long texts are shown as their differences instead.
 */

/** Texts up to this long are quoted whole. */
const QUOTE_WHOLE = 160;
/** Differences listed before "and N more". */
const MAX_HUNKS = 4;
/** One side of a difference longer than this is clipped in the middle. */
const MAX_SIDE = 200;

/** `from \`a\` to \`b\`` for short types; the differences, each with the member it is in, for long ones. */
export function describeTypeChange(before: string, after: string): string {
  if (before.length <= QUOTE_WHOLE && after.length <= QUOTE_WHOLE) return `from \`${before}\` to \`${after}\``;
  const a = tokens(before);
  const b = tokens(after);
  const hunks = withoutMoves(differences(a, b));
  if (hunks.length === 0) return `only in the order of its members (a type of ${before.length} characters)`;
  const shown = hunks.slice(0, MAX_HUNKS).map((hunk) => {
    // A hunk that starts with a member (`name: …`) names itself; inside a member's type, say whose.
    const first = hunk.removed[0] ?? hunk.added[0] ?? "";
    const where = hunk.member === undefined || memberName(first) !== undefined ? "" : `in \`${hunk.member}\`: `;
    const removed = shortType(hunk.removed.join(""));
    const added = shortType(hunk.added.join(""));
    if (removed === "") return `${where}added \`${added}\``;
    if (added === "") return `${where}removed \`${removed}\``;
    return `${where}\`${removed}\` became \`${added}\``;
  });
  if (hunks.length > MAX_HUNKS) shown.push(`and ${hunks.length - MAX_HUNKS} more difference(s)`);
  return `(a type of ${before.length} characters) ${shown.join("; ")}`;
}

/** A type text, clipped in the middle when long. */
export function shortType(text: string): string {
  const trimmed = text.trim();
  if (trimmed.length <= MAX_SIDE) return trimmed;
  const half = Math.floor((MAX_SIDE - 3) / 2);
  return `${trimmed.slice(0, half)} … ${trimmed.slice(-half)}`;
}

/** Pieces ending after a member or union separator: the units a change adds, removes or replaces. */
function tokens(text: string): string[] {
  return text.split(/(?<=; |, |\| |\{ )/);
}

interface Hunk {
  readonly removed: readonly string[];
  readonly added: readonly string[];
  /** Where the hunk sits: the members whose braces enclose it, in the old text and in the new one. */
  readonly pathBefore: string;
  readonly pathAfter: string;
  /** The member the difference is inside, e.g. `status` (the nearest `name:` before it). */
  readonly member: string | undefined;
}

/** The runs where `a` and `b` differ, from their longest common subsequence of tokens. */
function differences(a: readonly string[], b: readonly string[]): Hunk[] {
  // Common ends first: the table below is then only as large as the changed middle.
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const n = endA - start;
  const m = endB - start;
  // lcs[i][j]: length of the longest common subsequence of a[start+i..endA) and b[start+j..endB).
  const lcs = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i]![j] = a[start + i] === b[start + j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const hunks: Hunk[] = [];
  const pathsA = paths(a);
  const pathsB = paths(b);
  let removed: string[] = [];
  let added: string[] = [];
  let hunkA = start;
  let hunkB = start;
  const flush = (nextA: number, nextB: number) => {
    if (removed.length > 0 || added.length > 0) {
      hunks.push({ removed, added, pathBefore: pathsA[hunkA] ?? "", pathAfter: pathsB[hunkB] ?? "", member: memberBefore(a, hunkA) });
    }
    removed = [];
    added = [];
    hunkA = nextA;
    hunkB = nextB;
  };
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[start + i] === b[start + j]) {
      flush(start + i + 1, start + j + 1);
      i++;
      j++;
    } else if (j < m && (i === n || lcs[i]![j + 1]! >= lcs[i + 1]![j]!)) {
      added.push(b[start + j]!);
      j++;
    } else {
      removed.push(a[start + i]!);
      i++;
    }
  }
  flush(endA, endB);
  return hunks;
}

/**
 * Drops pairs of hunks where one only removes and the other only adds the same text: a member or union member that
 * moved, which the compiler's printing order can do without any change to the type.
 */
function withoutMoves(hunks: readonly Hunk[]): Hunk[] {
  const out = [...hunks];
  // Only within the same braces: a member that moved into or out of a nested object did change the type.
  const place = (hunk: Hunk) => (hunk.added.length > 0 ? hunk.pathAfter : hunk.pathBefore);
  const text = (hunk: Hunk) => [...hunk.added, ...hunk.removed].join("").trim().replace(/[;,|]\s*$/, "");
  for (let i = 0; i < out.length; i++) {
    const hunk = out[i]!;
    if (hunk.added.length > 0 && hunk.removed.length > 0) continue;
    const twin = out.findIndex(
      (other, k) =>
        k !== i &&
        (hunk.added.length > 0 ? other.added.length === 0 : other.removed.length === 0) &&
        place(other) === place(hunk) &&
        text(other) === text(hunk),
    );
    if (twin === -1) continue;
    out.splice(Math.max(i, twin), 1);
    out.splice(Math.min(i, twin), 1);
    i = -1;
  }
  return out;
}

/** For each token, the members whose braces (or brackets, parentheses, angle brackets) are open before it. */
function paths(tokens: readonly string[]): string[] {
  const stack: string[] = [];
  return tokens.map((token) => {
    const here = stack.join("/");
    for (const char of token.replaceAll("=>", "")) {
      if ("{([<".includes(char)) stack.push(memberName(token) ?? "");
      else if ("})]>".includes(char) && stack.length > 0) stack.pop();
    }
    return here;
  });
}

function memberName(token: string): string | undefined {
  return /^\s*(?:readonly\s+)?([\w$]+\??):\s/.exec(token)?.[1];
}

/** The name of the member whose type holds token `at` of `a`: the nearest token before it that opens with `name:`. */
function memberBefore(a: readonly string[], at: number): string | undefined {
  for (let k = Math.min(at, a.length - 1); k >= 0; k--) {
    const name = memberName(a[k]!);
    if (name !== undefined) return name;
  }
  return undefined;
}
