/**
 * `together-ai` SDK `client.beta.clusters.*` (and `.storage.*`) → the unified client. List answers keep the SDK's
 * envelope (`{ clusters }`, `{ regions }`, `{ volumes }`) so the code reading them still works.
 */
import { Node, SyntaxKind, type CallExpression } from "ts-morph";
import { type ClientSettings, type FileContext } from "../context.js";
import { sdkClusterMethods, sdkStorageMethods } from "../tables.js";
import { awaited, objectLiteralOf, promised, property, updateCall } from "./fetch.js";
import { rewriteClusterInput, rewriteVolumeInput } from "./vocabulary.js";

const envelopes = { "clusters.list": "clusters", "regions.list": "regions", "volumes.list": "volumes" } as const;
const defaultKey = /^process\.env(\.TOGETHER_API_KEY|\[["']TOGETHER_API_KEY["']\])$/;

/** True when the file imports the `together-ai` SDK. */
export function importsSdk(ctx: FileContext): boolean {
  return ctx.sourceFile.getImportDeclarations().some((d) => /^together-ai(\/|$)/.test(d.getModuleSpecifierValue()));
}

/** An SDK call: the receiver is `<sdk>.beta.clusters` or `<sdk>.beta.clusters.storage`. */
export function sdkCall(call: CallExpression): { sdk: Node; method: string; storage: boolean } | undefined {
  const callee = call.getExpression();
  if (!Node.isPropertyAccessExpression(callee)) return undefined;
  let receiver = callee.getExpression();
  let storage = false;
  if (Node.isPropertyAccessExpression(receiver) && receiver.getName() === "storage") {
    storage = true;
    receiver = receiver.getExpression();
  }
  if (!Node.isPropertyAccessExpression(receiver) || receiver.getName() !== "clusters") return undefined;
  const beta = receiver.getExpression();
  if (!Node.isPropertyAccessExpression(beta) || beta.getName() !== "beta") return undefined;
  return { sdk: beta.getExpression(), method: callee.getName(), storage };
}

/** apiKey of the unified client from `new Together({ apiKey })`, or why it cannot be carried over. */
export function sdkSettings(sdk: Node): { settings: ClientSettings } | { problem: string } {
  const settings: ClientSettings = { after: [] };
  const declaration = Node.isIdentifier(sdk) ? sdk.getSymbol()?.getDeclarations()[0] : undefined;
  const init = declaration !== undefined && Node.isVariableDeclaration(declaration) ? declaration.getInitializer() : undefined;
  if (init === undefined || !Node.isNewExpression(init)) return { settings };
  const options = objectLiteralOf(init.getArguments()[0]);
  if (init.getArguments().length > 0 && options === undefined) return { problem: `the SDK client's options (${init.getArguments()[0]!.getText()}) are not an object literal; pass apiKey to createClient` };
  if (property(options, "baseURL") !== undefined) return { problem: "the SDK client has a custom baseURL; set baseUrl of the unified client to the same server" };
  const key = property(options, "apiKey");
  if (key !== undefined && !defaultKey.test(key.getText())) {
    if (/^process\.env\b/.test(key.getText())) settings.apiKey = key.getText();
    else return { problem: `the SDK client's apiKey ${key.getText()} is not from the environment; pass it to createClient({ apiVersion: "v2", apiKey })` };
  }
  return { settings };
}

function build(ctx: FileContext, call: CallExpression, client: string, target: string, storage: boolean): string | { problem: string } {
  const args = call.getArguments();
  const method = `${client}.${target}`;
  const [first, second] = args;
  switch (target) {
    case "clusters.create":
    case "volumes.create": {
      if (args.length !== 1) return { problem: "request options are passed; the unified client takes { signal, timeoutMs } as the last argument" };
      const obj = objectLiteralOf(first);
      if (obj !== undefined) (target === "clusters.create" ? rewriteClusterInput(ctx, obj, "create") : rewriteVolumeInput(ctx, obj));
      return `${method}(${ctx.edits.render(first!)})`;
    }
    case "clusters.update":
      if (args.length === 1) return updateCall(ctx, method, Node.isObjectLiteralExpression(first) ? first : undefined, "cluster_id");
      if (args.length !== 2) return { problem: "request options are passed to update" };
      if (Node.isObjectLiteralExpression(second)) rewriteClusterInput(ctx, second, "update");
      return `${method}(${first!.getText()}, ${ctx.edits.render(second!)})`;
    case "volumes.update":
      if (args.length !== 1) return { problem: "request options are passed to update" };
      return updateCall(ctx, method, Node.isObjectLiteralExpression(first) ? first : undefined, "volume_id");
    default:
      if (args.length > (target.endsWith(".list") ? 0 : 1)) return { problem: `${storage ? "storage." : ""}${call.getExpression().getText().split(".").at(-1)} is called with arguments the unified ${target} does not take (list filters or request options)` };
      return `${method}(${args.map((a) => a.getText()).join(", ")})`;
  }
}

/** Rewrites every SDK cluster call in a file that imports the SDK. */
export function rewriteSdkCalls(ctx: FileContext): void {
  if (!importsSdk(ctx)) return;
  for (const call of ctx.sourceFile.getDescendantsOfKind(SyntaxKind.CallExpression)) {
    const found = sdkCall(call);
    if (found === undefined || ctx.edits.claimed(call)) continue;
    const table: Readonly<Record<string, string>> = found.storage ? sdkStorageMethods : sdkClusterMethods;
    const target = Object.hasOwn(table, found.method) ? table[found.method]! : undefined;
    if (target === undefined) {
      ctx.edits.fixme(call, `beta.clusters${found.storage ? ".storage" : ""}.${found.method} has no unified equivalent; keep the SDK for it or port it by hand.`);
      continue;
    }
    const settings = sdkSettings(found.sdk);
    if ("problem" in settings) {
      ctx.edits.fixme(call, `SDK call not rewritten: ${settings.problem}.`);
      continue;
    }
    const client = ctx.clientFor(call);
    const text = build(ctx, call, client, target, found.storage);
    if (typeof text !== "string") {
      ctx.edits.fixme(call, `SDK call not rewritten: ${text.problem}; use ${client}.${target}(…).`);
      continue;
    }
    ctx.useClient(call, settings.settings);
    const envelope = Object.hasOwn(envelopes, target) ? { envelope: envelopes[target as keyof typeof envelopes] } : {};
    let parent = call.getParentOrThrow();
    while (Node.isParenthesizedExpression(parent)) parent = parent.getParentOrThrow();
    if (envelope.envelope !== undefined && Node.isAwaitExpression(parent)) ctx.edits.replace(parent, awaited(envelope, text));
    else ctx.edits.replace(call, promised(envelope, text));
    ctx.edits.rewritten(call, `${call.getExpression().getText()}() → ${client}.${target}()`);
  }
  flagDeepDriverTypes(ctx);
}

/** `ClusterCreateParams["driver_version"]` from a deep SDK import: v2 has no single driver field. */
function flagDeepDriverTypes(ctx: FileContext): void {
  for (const access of ctx.sourceFile.getDescendantsOfKind(SyntaxKind.IndexedAccessType)) {
    if (access.getIndexTypeNode().getText().replace(/['"]/g, "") !== "driver_version") continue;
    ctx.edits.fixme(access, `${access.getText()} is the v1 driver token; v2 splits it: use ClusterCreateInput["cuda_version"] and ClusterCreateInput["nvidia_driver_version"] (or DriverVersion) from together-clusters.`);
  }
}
