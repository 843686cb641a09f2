/** Every per-call contender, in report order: the peers, then this client. */
import { clientContenders } from "./client-contenders.js";
import type { Contender } from "./contender.js";
import { peerContenders } from "./peer-contenders.js";

/** All contenders for the per-call and overhead suites. */
export const allContenders: readonly Contender[] = [...peerContenders, ...clientContenders];
