/**
 * Text edits on one source file. The codemod never reprints a file: it replaces the exact ranges it rewrites and keeps
 * every other byte, so formatting and comments elsewhere survive. Rules register edits against the original text;
 * a rule that builds a larger replacement first renders the inner node with the edits already made inside it.
 */
import { Node, SyntaxKind, type SourceFile } from "ts-morph";

/** Nodes a line comment must not start inside: strings and template literals (it would join the text), JSX (it would render). */
const UNSAFE_FOR_COMMENTS = new Set([
  SyntaxKind.StringLiteral,
  SyntaxKind.NoSubstitutionTemplateLiteral,
  SyntaxKind.TemplateExpression,
  SyntaxKind.JsxElement,
  SyntaxKind.JsxSelfClosingElement,
  SyntaxKind.JsxFragment,
]);

/** Marker of every comment the codemod writes; a rerun finds it and never writes a second one. */
export const fixmeMarker = "FIXME(together-clusters migrate):";

/** One report line. */
export interface Finding {
  readonly file: string;
  readonly line: number;
  /** rewritten: changed safely; fixme: a comment asks a human; note: changed, but read this; skipped: file left untouched. */
  readonly kind: "rewritten" | "fixme" | "note" | "skipped";
  readonly message: string;
}

interface Edit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** Edits and findings of one file. */
export class FileEdits {
  private edits: Edit[] = [];
  private readonly fixmes = new Map<number, string[]>();
  readonly findings: Finding[] = [];
  readonly text: string;
  readonly sourceFile: SourceFile;
  readonly displayPath: string;

  constructor(sourceFile: SourceFile, displayPath: string) {
    this.sourceFile = sourceFile;
    this.displayPath = displayPath;
    this.text = sourceFile.getFullText();
  }

  /** True when a rule already changed something overlapping `node` (the node is then left to that rule). */
  claimed(node: Node): boolean {
    const start = node.getStart();
    const end = node.getEnd();
    return this.edits.some((e) => e.start < end && start < e.end && !(e.start >= start && e.end <= end));
  }

  /** True when an edit replaces a range that holds all of `node` (a rule rewrote it away). */
  replaces(node: Node): boolean {
    const start = node.getStart();
    const end = node.getEnd();
    return this.edits.some((e) => e.start < e.end && e.start <= start && end <= e.end);
  }

  /** Replaces a range of the original text. */
  replaceRange(start: number, end: number, text: string): void {
    this.edits = this.edits.filter((e) => !(e.start >= start && e.end <= end && !(e.start === e.end && (e.start === start || e.start === end))));
    this.edits.push({ start, end, text });
  }

  replace(node: Node, text: string): void {
    this.replaceRange(node.getStart(), node.getEnd(), text);
  }

  insert(position: number, text: string): void {
    this.edits.push({ start: position, end: position, text });
  }

  /** Removes a statement with its whole line(s) when nothing else shares them. */
  removeStatement(node: Node): void {
    const start = node.getStart();
    const end = node.getEnd();
    const lineStart = this.text.lastIndexOf("\n", start - 1) + 1;
    const newline = this.text.indexOf("\n", end);
    const lineEnd = newline === -1 ? this.text.length : newline + 1;
    const wholeLines = this.text.slice(lineStart, start).trim() === "" && this.text.slice(end, lineEnd).trim() === "";
    if (wholeLines) this.replaceRange(lineStart, lineEnd, "");
    else this.replaceRange(start, end, "");
  }

  /** The node's text with the edits already registered inside it applied; those edits are then absorbed. */
  render(node: Node): string {
    const start = node.getStart();
    const end = node.getEnd();
    const inner = this.edits.filter((e) => e.start >= start && e.end <= end).sort((a, b) => a.start - b.start || a.end - b.end);
    let out = "";
    let at = start;
    for (const e of inner) {
      out += this.text.slice(at, e.start) + e.text;
      at = e.end;
    }
    return out + this.text.slice(at, end);
  }

  line(node: Node): number {
    return node.getStartLineNumber();
  }

  rewritten(node: Node, message: string): void {
    this.findings.push({ file: this.displayPath, line: this.line(node), kind: "rewritten", message });
  }

  note(node: Node, message: string): void {
    this.findings.push({ file: this.displayPath, line: this.line(node), kind: "note", message });
  }

  /**
   * Asks a human to look at `node`: one comment line above the line it starts on (several problems on one line share
   * the comment). A line that already carries the marker above it gets no second comment on a rerun.
   */
  fixme(node: Node, message: string): void {
    this.findings.push({ file: this.displayPath, line: this.line(node), kind: "fixme", message });
    const lineStart = this.commentLine(node);
    if (this.alreadyMarked(lineStart)) return;
    const list = this.fixmes.get(lineStart) ?? [];
    if (!list.includes(message)) list.push(message);
    this.fixmes.set(lineStart, list);
  }

  /**
   * Where a comment about `node` can go: the start of its line, unless that line starts inside a template literal (the
   * comment would become part of the string) or inside JSX (it would render as text); then the line of the enclosing
   * statement, climbing until a line starts outside both.
   */
  private commentLine(node: Node): number {
    let at: Node = node;
    for (;;) {
      const lineStart = this.text.lastIndexOf("\n", at.getStart() - 1) + 1;
      const enclosing = at.getAncestors().find((ancestor) => Node.isStatement(ancestor) && ancestor.getStart() < lineStart) ?? at.getSourceFile();
      const unsafe = enclosing
        .getDescendants()
        .some((inner) => (UNSAFE_FOR_COMMENTS.has(inner.getKind()) || Node.isJsxText(inner)) && inner.getStart() < lineStart && lineStart < inner.getEnd());
      if (!unsafe || Node.isSourceFile(enclosing)) return lineStart;
      at = enclosing;
    }
  }

  private alreadyMarked(lineStart: number): boolean {
    let end = lineStart - 1;
    while (end > 0) {
      const start = this.text.lastIndexOf("\n", end - 1) + 1;
      const line = this.text.slice(start, end).trim();
      if (!line.startsWith("//")) return false;
      if (line.includes(fixmeMarker)) return true;
      end = start - 1;
    }
    return false;
  }

  /** The new text of the file. */
  apply(): string {
    const all = [...this.edits];
    // A comment line ends as the file's lines do.
    const newline = this.text.includes("\r\n") ? "\r\n" : "\n";
    for (const [lineStart, messages] of this.fixmes) {
      const indent = /^[ \t]*/.exec(this.text.slice(lineStart))?.[0] ?? "";
      all.push({ start: lineStart, end: lineStart, text: `${indent}// ${fixmeMarker} ${messages.join(" Also: ")}${newline}` });
    }
    all.sort((a, b) => a.start - b.start || a.end - b.end);
    let out = "";
    let at = 0;
    for (const e of all) {
      if (e.start < at) throw new Error(`internal error: overlapping edits in ${this.displayPath} at ${e.start}`);
      out += this.text.slice(at, e.start) + e.text;
      at = e.end;
    }
    return out + this.text.slice(at);
  }
}
