// Entry for server-side runtimes (Node, Bun, Deno): reads the fake's address from the environment, prints one JSON
// line. `globalThis.process` is present in all three (Deno through its Node compatibility).
import { runFlow } from "./flow.mjs";

const env = globalThis.process.env;
const summary = await runFlow({ apiKey: env.FAKE_API_KEY, urls: { v1: env.FAKE_URL_V1, v2: env.FAKE_URL_V2 } });
console.log(JSON.stringify(summary));
