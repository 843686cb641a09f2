import { createRequire } from "node:module";

/**
 * ts-morph's run-time values for the emitters. Loaded with require rather than `import`: ts-morph is CommonJS, and an
 * ES `import` of it makes Node (and tsx) scan its 1 MB bundle for named exports before running it, a cost paid on
 * every `npm run generate` (about 0.15 s together with yaml, see load.ts). Types still come from `import type`.
 */
const tsMorph = createRequire(import.meta.url)("ts-morph") as typeof import("ts-morph");

export const { printStructure, StructureKind, VariableDeclarationKind } = tsMorph;
