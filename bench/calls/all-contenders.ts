/** Every per-call contender, in report order: the peers, this client, then two lean hand-written references. */
import type { BuiltClient } from "../lib/built-client.js";
import { clientContenders } from "./client-contenders.js";
import type { Contender } from "./contender.js";
import { peerContenders } from "./peer-contenders.js";
import { leanReference, signalOnlyReference } from "./reference-contender.js";

/** All contenders for the per-call and overhead suites, this client's from its build. */
export function allContenders(client: BuiltClient): readonly Contender[] {
  return [...peerContenders, ...clientContenders(client), signalOnlyReference, leanReference(client)];
}
