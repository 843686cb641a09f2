/** The fake every runtime test talks to, started in this (Node) process from the repository's source. */
import { startFakeApi, type FakeApi } from "../../src/testing/index.js";

/**
 * A fake as a user starts it: its default clock moves a polled cluster to its next change, and its poll hint lets
 * `waitForReady` with default options finish in milliseconds.
 */
export function startRuntimeFake(): Promise<FakeApi> {
  return startFakeApi();
}
