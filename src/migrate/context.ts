/**
 * Per-file state the rules share: the edits, the names to import from together-clusters, and the unified client the
 * rewritten calls use (one already in scope, or one the codemod declares once at module level).
 */
import { Node, SyntaxKind, type SourceFile, type VariableDeclaration } from "ts-morph";
import { FileEdits } from "./file-edits.js";

export const packageName = "together-clusters";

/** What the client the codemod declares is created with (each an expression text). */
export interface ClientSettings {
  apiKey?: string;
  baseUrl?: string;
  /** Top-level statements the settings read; the declaration goes after them. */
  readonly after: Node[];
}

export class FileContext {
  readonly edits: FileEdits;
  private readonly imports = new Set<string>();
  private declared: { name: string; settings: ClientSettings; at: Node } | undefined;

  readonly sourceFile: SourceFile;
  /** Set when a v1 request in this file stays as it was: its answers still speak v1, so v1 literals must stay too. */
  v1RequestsRemain = false;

  constructor(sourceFile: SourceFile, displayPath: string) {
    this.sourceFile = sourceFile;
    this.edits = new FileEdits(sourceFile, displayPath);
  }

  /** Adds a named import from together-clusters (merged into an existing one at the end). */
  need(name: string): void {
    this.imports.add(name);
  }

  /**
   * The name of a unified client usable at `site`: a `createClient(...)` result declared in an enclosing scope before
   * it, else the one this file gets at module level (declared on first use).
   */
  clientFor(site: Node): string {
    return this.clientInScope(site) ?? this.declared?.name ?? this.freeName(["client", "clustersClient", "togetherClusters"]);
  }

  /** Records that a rewrite at `site` uses the client {@link clientFor} named; declares it when it is not in scope. */
  useClient(site: Node, settings: ClientSettings): void {
    if (this.clientInScope(site) !== undefined || this.declared !== undefined) return;
    this.declared = { name: this.clientFor(site), settings, at: site };
    this.need("createClient");
    if (settings.baseUrl !== undefined) this.edits.note(site, `the new client's baseUrl keeps your setting: ${settings.baseUrl}; it must now name the v2 server root`);
  }

  /** `const x = createClient(…)` declarations of the file, found once (edits are text: the tree does not change). */
  private clientDeclarations: VariableDeclaration[] | undefined;

  private clientInScope(site: Node): string | undefined {
    this.clientDeclarations ??= this.importsFromPackage("createClient")
      ? this.sourceFile.getDescendantsOfKind(SyntaxKind.VariableDeclaration).filter((declaration) => {
          const init = declaration.getInitializer();
          return init !== undefined && Node.isCallExpression(init) && init.getExpression().getText() === "createClient";
        })
      : [];
    for (const declaration of this.clientDeclarations) {
      const nameNode = declaration.getNameNode();
      if (!Node.isIdentifier(nameNode) || declaration.getStart() > site.getStart()) continue;
      const scope = declaration.getFirstAncestor((a) => Node.isBlock(a) || Node.isSourceFile(a));
      if (scope !== undefined && (Node.isSourceFile(scope) || site.getAncestors().includes(scope))) return nameNode.getText();
    }
    return undefined;
  }

  importsFromPackage(name: string): boolean {
    return this.sourceFile.getImportDeclarations().some((d) => d.getModuleSpecifierValue() === packageName && d.getNamedImports().some((n) => (n.getAliasNode() ?? n.getNameNode()).getText() === name));
  }

  private freeName(candidates: readonly string[]): string {
    const used = new Set(this.sourceFile.getDescendantsOfKind(SyntaxKind.Identifier).map((i) => i.getText()));
    for (const name of candidates) if (!used.has(name)) return name;
    let n = 2;
    while (used.has(`client${n}`)) n++;
    return `client${n}`;
  }

  /** Adds the import and client declaration, then returns the new text. */
  finish(): string {
    const lastImport = this.sourceFile.getImportDeclarations().at(-1);
    const eol = this.edits.text.includes("\r\n") ? "\r\n" : "\n";
    if (this.imports.size > 0) {
      const existing = this.sourceFile.getImportDeclarations().find((d) => d.getModuleSpecifierValue() === packageName && !d.isTypeOnly() && d.getNamespaceImport() === undefined);
      const have = new Set(existing?.getNamedImports().map((n) => n.getName()) ?? []);
      const missing = [...this.imports].filter((name) => !have.has(name)).sort();
      if (missing.length > 0) {
        if (existing !== undefined && existing.getNamedImports().length > 0) {
          const last = existing.getNamedImports().at(-1)!;
          this.edits.insert(last.getEnd(), missing.map((m) => `, ${m}`).join(""));
        } else {
          const quote = lastImport?.getModuleSpecifier().getText().startsWith("'") ? "'" : '"';
          const line = `import { ${missing.join(", ")} } from ${quote}${packageName}${quote};`;
          if (lastImport !== undefined) this.edits.insert(lastImport.getEnd(), `${eol}${line}`);
          else this.edits.insert(this.firstStatementStart(), `${line}${eol}${eol}`);
        }
      }
    }
    if (this.declared !== undefined) {
      const { name, settings } = this.declared;
      const options = [`apiVersion: "v2"`, ...(settings.apiKey ? [`apiKey: ${settings.apiKey}`] : []), ...(settings.baseUrl ? [`baseUrl: ${settings.baseUrl}`] : [])];
      const line = `const ${name} = createClient({ ${options.join(", ")} });`;
      const anchors = [...settings.after, ...(lastImport ? [lastImport] : [])];
      const after = anchors.sort((a, b) => b.getEnd() - a.getEnd())[0];
      if (after !== undefined) this.edits.insert(after.getEnd(), `${eol}${eol}${line}`);
      else this.edits.insert(this.firstStatementStart(), `${line}${eol}${eol}`);
    }
    return this.edits.apply();
  }

  private firstStatementStart(): number {
    const first = this.sourceFile.getStatements()[0];
    return first === undefined ? this.edits.text.length : first.getStart();
  }
}

/** The statement directly in the source file that contains `node`. */
export function topLevelStatement(node: Node): Node {
  let current = node;
  while (!Node.isSourceFile(current.getParentOrThrow())) current = current.getParentOrThrow();
  return current;
}

/** A string literal's value, or undefined. */
export function literalText(node: Node | undefined): string | undefined {
  if (node === undefined) return undefined;
  if (Node.isStringLiteral(node) || Node.isNoSubstitutionTemplateLiteral(node)) return node.getLiteralText();
  return undefined;
}

/** Quotes a string the way the file quotes (double quotes unless the node used single). */
export function quoteLike(model: Node, value: string): string {
  const q = model.getText().startsWith("'") ? "'" : '"';
  return `${q}${value.replace(/\\/g, "\\\\").replace(new RegExp(q, "g"), `\\${q}`)}${q}`;
}
