/**
 * Hand-rolled polling until a cluster is ready → `clusters.waitForReady`, when the loop has the common shape:
 *
 *   while (true) {                       // or for (;;)
 *     const c = await <get>(id);         // sdk.beta.clusters.retrieve(id) or client.clusters.get(id)
 *     if (c.status === "Ready") return c;   // or break
 *     if (c.status === "Deleting") throw …; // any number of failure checks
 *     await <sleep>(ms);                 // new Promise((r) => setTimeout(r, ms)), sleep(ms), delay(ms)
 *   }
 *
 * Other loops that poll a status get a report note. A wait right after `update(...)` is flagged: the cluster still
 * reports Ready until scaling starts, so the wait returns at once.
 */
import { Node, SyntaxKind, type Statement } from "ts-morph";
import { literalText, type ClientSettings, type FileContext } from "../context.js";
import { importsSdk, sdkCall, sdkSettings } from "./sdk.js";

const readyWords = new Set(["Ready", "READY"]);

function isForever(loop: Node): boolean {
  if (Node.isWhileStatement(loop)) return loop.getExpression().getText() === "true";
  if (Node.isForStatement(loop)) return loop.getCondition() === undefined && loop.getInitializer() === undefined && loop.getIncrementor() === undefined;
  return false;
}

/** `await new Promise((r) => setTimeout(r, ms))`, `await sleep(ms)` and the like: the ms expression text. */
function sleepMs(statement: Statement): string | undefined {
  if (!Node.isExpressionStatement(statement)) return undefined;
  const expr = statement.getExpression();
  if (!Node.isAwaitExpression(expr)) return undefined;
  const inner = expr.getExpression();
  if (!Node.isCallExpression(inner) && !Node.isNewExpression(inner)) return undefined;
  const callee = inner.getExpression().getText();
  const args = inner.getArguments() ?? [];
  if (Node.isNewExpression(inner) && callee === "Promise") {
    const match = /setTimeout\(\s*\w+\s*,\s*([^)]+)\)/.exec(args[0]?.getText() ?? "");
    return match?.[1]?.trim();
  }
  if (/^(sleep|delay|wait|setTimeout)$/i.test(callee) && args.length === 1) return args[0]!.getText();
  return undefined;
}

interface Getter {
  readonly id: string;
  readonly variable: string;
  readonly client: (ctx: FileContext, site: Node) => { name: string; settings: ClientSettings } | { problem: string };
}

function getterOf(ctx: FileContext, statement: Statement): Getter | undefined {
  if (!Node.isVariableStatement(statement) || statement.getDeclarations().length !== 1) return undefined;
  const declaration = statement.getDeclarations()[0]!;
  const init = declaration.getInitializer();
  if (init === undefined || !Node.isAwaitExpression(init) || !Node.isIdentifier(declaration.getNameNode())) return undefined;
  const call = init.getExpression();
  if (!Node.isCallExpression(call) || call.getArguments().length !== 1) return undefined;
  const id = call.getArguments()[0]!.getText();
  const variable = declaration.getName();
  const sdk = importsSdk(ctx) ? sdkCall(call) : undefined;
  if (sdk !== undefined && !sdk.storage && sdk.method === "retrieve") {
    return {
      id,
      variable,
      client: (c, site) => {
        const s = sdkSettings(sdk.sdk);
        return "problem" in s ? s : { name: c.clientFor(site), settings: s.settings };
      },
    };
  }
  const callee = call.getExpression();
  if (Node.isPropertyAccessExpression(callee) && callee.getName() === "get" && ctx.importsFromPackage("createClient")) {
    const group = callee.getExpression();
    if (Node.isPropertyAccessExpression(group) && group.getName() === "clusters") {
      const name = group.getExpression().getText();
      return { id, variable, client: () => ({ name, settings: { after: [] } }) };
    }
  }
  return undefined;
}

/** `if (v.status === "Ready") return v;` / `break;` → "return" | "break". */
function readyExit(statement: Statement, variable: string): "return" | "break" | undefined {
  if (!Node.isIfStatement(statement) || statement.getElseStatement() !== undefined) return undefined;
  const condition = statement.getExpression();
  if (!Node.isBinaryExpression(condition) || !["===", "=="].includes(condition.getOperatorToken().getText())) return undefined;
  if (condition.getLeft().getText() !== `${variable}.status` || !readyWords.has(literalText(condition.getRight()) ?? "")) return undefined;
  const then = statement.getThenStatement();
  const only = Node.isBlock(then) && then.getStatements().length === 1 ? then.getStatements()[0]! : then;
  if (Node.isBreakStatement(only) && only.getLabel() === undefined) return "break";
  if (Node.isReturnStatement(only) && only.getExpression()?.getText() === variable) return "return";
  return undefined;
}

/** `if (v.status === "Deleting" || …) throw …;` */
function isFailureCheck(statement: Statement, variable: string): boolean {
  if (!Node.isIfStatement(statement) || statement.getElseStatement() !== undefined) return false;
  const then = statement.getThenStatement();
  const only = Node.isBlock(then) && then.getStatements().length === 1 ? then.getStatements()[0]! : then;
  if (!Node.isThrowStatement(only)) return false;
  const parts = statement.getExpression().getText().split("||").map((p) => p.trim());
  return parts.every((p) => new RegExp(`^${variable}\\.status\\s*===?\\s*["'\`]\\w+["'\`]$`).test(p));
}

function rewriteLoop(ctx: FileContext, loop: Node): boolean {
  const body = Node.isWhileStatement(loop) || Node.isForStatement(loop) ? loop.getStatement() : undefined;
  if (body === undefined || !Node.isBlock(body)) return false;
  const statements = body.getStatements();
  const getter = statements[0] ? getterOf(ctx, statements[0]) : undefined;
  if (getter === undefined) return false;
  let exit: "return" | "break" | undefined;
  let sleep: string | undefined;
  for (const statement of statements.slice(1)) {
    const e = readyExit(statement, getter.variable);
    if (e !== undefined && exit === undefined) exit = e;
    else if (isFailureCheck(statement, getter.variable)) continue;
    else if (sleep === undefined && (sleep = sleepMs(statement)) !== undefined) continue;
    else return false;
  }
  if (exit === undefined || sleep === undefined) return false;
  const client = getter.client(ctx, loop);
  if ("problem" in client) {
    ctx.edits.fixme(loop, `polling loop not rewritten: ${client.problem}.`);
    return true;
  }
  const call = `await ${client.name}.clusters.waitForReady(${getter.id}, { pollIntervalMs: ${sleep}, maxPollIntervalMs: ${sleep} })`;
  ctx.edits.replace(loop, exit === "return" ? `return ${call};` : `${call};`);
  ctx.useClient(loop, client.settings);
  ctx.edits.rewritten(loop, `polling loop → ${client.name}.clusters.waitForReady(${getter.id})`);
  ctx.edits.note(loop, "waitForReady rejects with ClusterFailedError / ClusterDeletedError instead of your error, and gives up after 30 minutes (your loop never did): pass timeoutMs if provisioning can take longer");
  return true;
}

/** Functions in this file whose body waits for a cluster (a loop on status, or waitForReady). */
function waitingFunctions(ctx: FileContext): Set<string> {
  const names = new Set<string>();
  for (const fn of ctx.sourceFile.getFunctions()) {
    const text = fn.getBodyText() ?? "";
    const pollsStatus = /\b(while|for)\s*\(/.test(text) && /\.status\b/.test(text) && /Ready|READY/.test(text);
    if (text.includes("waitForReady(") || pollsStatus) names.add(fn.getName() ?? "");
  }
  return names;
}

function flagWaitAfterUpdate(ctx: FileContext): void {
  const waiting = waitingFunctions(ctx);
  for (const block of ctx.sourceFile.getDescendantsOfKind(SyntaxKind.Block)) {
    const statements = block.getStatements();
    statements.forEach((statement, i) => {
      const previous = statements[i - 1];
      if (previous === undefined || !/\.update\(/.test(previous.getText())) return;
      const calls = statement.getDescendantsOfKind(SyntaxKind.CallExpression).map((c) => c.getExpression().getText());
      const waits = calls.some((c) => c.endsWith("waitForReady") || waiting.has(c)) || (Node.isWhileStatement(statement) && /\.status/.test(statement.getText()));
      if (waits) {
        ctx.edits.fixme(statement, "right after update the cluster still reports Ready until scaling starts, so this wait returns at once; use clusters.waitForUpdate(id, patch) instead: it waits until the patch (num_gpus and the rest) has taken effect.");
      }
    });
  }
}

/** Rewrites polling loops of the common shape; notes the others; flags waits right after an update. */
export function rewritePolling(ctx: FileContext): void {
  for (const loop of [...ctx.sourceFile.getDescendantsOfKind(SyntaxKind.WhileStatement), ...ctx.sourceFile.getDescendantsOfKind(SyntaxKind.ForStatement), ...ctx.sourceFile.getDescendantsOfKind(SyntaxKind.DoStatement)]) {
    if (ctx.edits.claimed(loop)) continue;
    if (isForever(loop) && rewriteLoop(ctx, loop)) continue;
    const text = loop.getText();
    // A loop on some other resource's status (`job.status === "READY"`) is not this codemod's business: a cluster
    // poll names a cluster somewhere (getCluster, clusters.retrieve, gpu_cluster, cluster.status).
    if (/\.status\b/.test(text) && /setTimeout|sleep|delay/i.test(text) && /READY|Ready/.test(text) && /cluster/i.test(text)) {
      ctx.edits.note(loop, "this loop polls a cluster's status but not in the shape the codemod rewrites; consider clusters.waitForReady(id, { onStatus })");
    }
  }
  flagWaitAfterUpdate(ctx);
}
