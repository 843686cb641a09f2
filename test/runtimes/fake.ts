/** The fake every runtime test talks to, started in this (Node) process from the repository's source. */
import { startFakeApi, type FakeApi } from "../../src/testing/index.js";

/** A fake whose clock moves one provisioning phase per request, so `waitForReady` finishes after a few polls. */
export function startRuntimeFake(): Promise<FakeApi> {
  return startFakeApi({ clock: { mode: "per-request", advanceMs: 60_000 } });
}
