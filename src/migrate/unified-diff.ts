/** A unified diff of two texts (what `--dry-run` prints), from a longest-common-subsequence line alignment. */

type Op = { readonly kind: " " | "-" | "+"; readonly line: string };

function align(a: readonly string[], b: readonly string[]): Op[] {
  // Common head and tail first: codemod edits are local, so the table stays small.
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const x = a.slice(head, a.length - tail);
  const y = b.slice(head, b.length - tail);
  const width = y.length + 1;
  const table = new Uint32Array((x.length + 1) * width);
  for (let i = x.length - 1; i >= 0; i--) {
    for (let j = y.length - 1; j >= 0; j--) {
      table[i * width + j] = x[i] === y[j] ? table[(i + 1) * width + j + 1]! + 1 : Math.max(table[(i + 1) * width + j]!, table[i * width + j + 1]!);
    }
  }
  const ops: Op[] = a.slice(0, head).map((line) => ({ kind: " ", line }));
  let i = 0;
  let j = 0;
  while (i < x.length || j < y.length) {
    if (i < x.length && j < y.length && x[i] === y[j]) ops.push({ kind: " ", line: x[i++]! }), j++;
    else if (i < x.length && (j === y.length || table[(i + 1) * width + j]! >= table[i * width + j + 1]!)) ops.push({ kind: "-", line: x[i++]! });
    else ops.push({ kind: "+", line: y[j++]! });
  }
  return ops.concat(a.slice(a.length - tail).map((line) => ({ kind: " ", line })));
}

/** `--- a/path` / `+++ b/path` and hunks with three lines of context; empty when the texts are equal. */
export function unifiedDiff(path: string, before: string, after: string, context = 3): string {
  if (before === after) return "";
  const ops = align(before.split("\n"), after.split("\n"));
  const out = [`--- a/${path}`, `+++ b/${path}`];
  let index = 0;
  while (index < ops.length) {
    while (index < ops.length && ops[index]!.kind === " ") index++;
    if (index === ops.length) break;
    let start = Math.max(0, index - context);
    let end = index;
    // Extend the hunk while the next change is within 2 × context lines.
    for (;;) {
      while (end < ops.length && ops[end]!.kind !== " ") end++;
      let gap = end;
      while (gap < ops.length && ops[gap]!.kind === " " && gap - end < context * 2 + 1) gap++;
      if (gap < ops.length && ops[gap]!.kind !== " ") end = gap;
      else break;
    }
    end = Math.min(ops.length, end + context);
    const lineAt = (limit: number, side: "-" | "+") => ops.slice(0, limit).filter((op) => op.kind === " " || op.kind === side).length;
    const hunk = ops.slice(start, end);
    const oldCount = hunk.filter((op) => op.kind !== "+").length;
    const newCount = hunk.filter((op) => op.kind !== "-").length;
    out.push(`@@ -${lineAt(start, "-") + (oldCount ? 1 : 0)},${oldCount} +${lineAt(start, "+") + (newCount ? 1 : 0)},${newCount} @@`);
    for (const op of hunk) out.push(`${op.kind}${op.line}`);
    index = end;
    start = end;
  }
  return `${out.join("\n")}\n`;
}
