// Entry bundled by esbuild for the browser: the page calls `runFlow` with the fake's address and reports the result.
import { runFlow } from "./flow.mjs";

globalThis.runFlow = runFlow;
