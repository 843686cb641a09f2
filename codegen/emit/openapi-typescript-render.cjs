// openapi-typescript's output for one parsed OpenAPI document, shared by the worker thread (wire-types.worker.mjs)
// and the in-process renderer (openapi-types.ts). Plain CommonJS so the worker loads it without tsx, synchronously.
//
// Two ways to get the same text:
// - "direct": openapi-typescript's own transform (transformSchema) and printer (astToString), called with the context
//   its public openapiTS() builds from default options. It skips what openapiTS() does first, Redocly's lint
//   ("minimal" ruleset) and bundle: loading Redocly and walking a large spec with it cost more than the conversion
//   itself, and here it is redundant (codegen/load.ts already rejects external, dangling and cyclic `$ref`s with a
//   located error; normalize.ts rejects duplicate operationIds; test/specs lints the vendored specs with Redocly).
// - "public": openapiTS() itself, used whenever the installed openapi-typescript is not the version the direct path
//   was written against (the context below copies that version's dist/index.cjs) or its internals moved.
// test/codegen/openapi-typescript-render.test.ts holds both to the same bytes, so an upgrade that changes
// the internals fails there loudly instead of changing generated/ quietly.
"use strict";
const { requireWithCodeCache } = require("./code-cache.cjs");

/** The openapi-typescript release whose openapiTS() defaults the direct path replicates (pinned exactly in package.json). */
const DIRECT_PATH_VERSION = "7.13.0";

/** openapiTS() with the options codegen uses (`silent: true`, everything else default). */
function publicRenderer() {
  const { default: openapiTS, astToString } = require("openapi-typescript");
  return {
    mode: "public",
    render: async (document) => astToString(await openapiTS(document, { silent: true })),
  };
}

/**
 * openapiTS()'s transform and printer without Redocly, or undefined when the installed openapi-typescript is not
 * `forVersion` (the version the context below was copied from) or its internals are not where that version has them.
 */
function directRenderer(forVersion = DIRECT_PATH_VERSION) {
  let transformSchema, utils, ts, typescript;
  try {
    if (require("openapi-typescript/package.json").version !== forVersion) return undefined;
    transformSchema = require("openapi-typescript/dist/transform/index.cjs");
    utils = require("openapi-typescript/dist/lib/utils.cjs");
    ts = require("openapi-typescript/dist/lib/ts.cjs");
    // The TypeScript openapi-typescript builds its AST with (its own dependency, resolved from its folder).
    typescript = require("node:module").createRequire(require.resolve("openapi-typescript/dist/transform/index.cjs"))("typescript");
  } catch {
    return undefined;
  }
  const { scanDiscriminators, resolveRef } = utils;
  const { astToString } = ts;
  if (typeof transformSchema !== "function" || typeof scanDiscriminators !== "function" || typeof resolveRef !== "function" || typeof astToString !== "function") {
    return undefined;
  }
  return {
    mode: "direct",
    render: async (document) => {
      const options = { silent: true };
      const operations = batchedOperationMembers(typescript);
      // Field for field what openapi-typescript 7.13.0's openapiTS() builds from `options` (dist/index.cjs), with
      // `document` in place of Redocly's bundle of it (for a single-file spec the bundle is the same object tree).
      const ctx = {
        additionalProperties: false,
        alphabetize: false,
        arrayLength: false,
        defaultNonNullable: true,
        discriminators: scanDiscriminators(document, options),
        emptyObjectsUnknown: false,
        enum: false,
        enumValues: false,
        conditionalEnums: false,
        dedupeEnums: false,
        excludeDeprecated: false,
        exportType: false,
        immutable: false,
        rootTypes: false,
        rootTypesNoSchemaPrefix: false,
        rootTypesKeepCasing: false,
        injectFooter: operations.injectFooter,
        pathParamsAsTypes: false,
        postTransform: undefined,
        propertiesRequiredByDefault: false,
        redoc: undefined,
        silent: true,
        inject: undefined,
        transform: undefined,
        transformProperty: undefined,
        makePathsEnum: false,
        generatePathParams: false,
        readWriteMarkers: false,
        resolve: ($ref) => resolveRef(document, $ref, { silent: true }),
      };
      const nodes = transformSchema(document, ctx);
      operations.finish();
      return astToString(nodes);
    },
  };
}

/**
 * openapi-typescript 7.13.0 adds each operation to the `operations` interface by copying every earlier member into a
 * new array (`members = [...members, next]`, transform/operation-object.cjs): quadratic in the number of operations
 * (23,500 in a 50 MB spec, a large share of the conversion). `injectFooter` (the ctx array that interface is pushed
 * to) gives the interface, while the transform runs, a `members` accessor whose reads see no members and whose
 * writes append what they add; `finish` then sets the real member list: the same nodes in the same order, so the
 * printed text is the same (openapi-typescript-render.test.ts holds it to openapiTS()'s).
 */
function batchedOperationMembers(typescript) {
  const batched = [];
  const injectFooter = [];
  injectFooter.push = function push(...nodes) {
    for (const node of nodes) {
      if (typescript.isInterfaceDeclaration(node) && node.name.escapedText === "operations") batched.push(batch(node));
    }
    return Array.prototype.push.apply(this, nodes);
  };
  function batch(node) {
    const members = [...node.members];
    const none = typescript.factory.createNodeArray([]);
    Object.defineProperty(node, "members", {
      configurable: true,
      enumerable: true,
      get: () => none,
      set: (next) => {
        for (const member of next) members.push(member);
      },
    });
    return { node, members };
  }
  const finish = () => {
    for (const { node, members } of batched) {
      Object.defineProperty(node, "members", { configurable: true, enumerable: true, writable: true, value: typescript.factory.createNodeArray(members) });
    }
  };
  return { injectFooter, finish };
}

let cached;

/**
 * The renderer this process uses: direct when possible, public otherwise. Loaded on first call (it requires
 * openapi-typescript and `typescript`). `render` may mutate the document it is given: pass a copy.
 */
function loadRenderer() {
  if (cached === undefined) {
    preloadTypeScript();
    cached = directRenderer() ?? publicRenderer();
  }
  return cached;
}

/**
 * openapi-typescript's `typescript` through the code cache (code-cache.cjs): that load is most of this renderer's
 * start-up. Any failure leaves it to openapi-typescript's own require, which then reports it.
 */
function preloadTypeScript() {
  try {
    const { createRequire } = require("node:module");
    requireWithCodeCache(createRequire(require.resolve("openapi-typescript")).resolve("typescript"));
  } catch {
    // openapi-typescript's own require("typescript") loads it, or says why it cannot.
  }
}

module.exports = { loadRenderer, directRenderer, publicRenderer, DIRECT_PATH_VERSION };
