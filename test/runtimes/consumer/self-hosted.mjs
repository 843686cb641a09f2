// The same flow with the fake started in this runtime (together-clusters/testing and its validator peers), as a
// user's test suite on Bun, Deno or Node does. Prints one JSON line.
import { startFakeApi } from "together-clusters/testing";
import { runFlow } from "./flow.mjs";

const fake = await startFakeApi();
try {
  console.log(JSON.stringify(await runFlow(fake)));
} finally {
  await fake.close();
}
