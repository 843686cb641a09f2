// Runs Prism (@stoplight/prism-cli, a devDependency) as a child process on loopback, for the referee tests.
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";

const PRISM_BIN = fileURLToPath(new URL("../../node_modules/.bin/prism", import.meta.url));
const SPECS = { v1: fileURLToPath(new URL("../../specs/v1.yaml", import.meta.url)), v2: fileURLToPath(new URL("../../specs/v2.yaml", import.meta.url)) };

/** A running Prism server. */
export interface PrismServer {
  /** Origin Prism listens on; it serves the spec's paths without the spec's server base path. */
  readonly url: string;
  /** Everything Prism printed (its request and violation log), for failure messages. */
  output(): string;
  close(): Promise<void>;
}

/** `prism mock <spec>` with request validation and `--errors`: invalid requests get 422, never a mock answer. */
export function startPrismMock(version: "v1" | "v2"): Promise<PrismServer> {
  return startPrism(["mock", SPECS[version], "--errors"]);
}

/** `prism proxy <spec> <upstream>` with `--errors`: requests and the upstream's responses are checked against the spec. */
export function startPrismProxy(version: "v1" | "v2", upstream: string): Promise<PrismServer> {
  return startPrism(["proxy", SPECS[version], upstream, "--errors"]);
}

async function startPrism(args: string[]): Promise<PrismServer> {
  // The port is probed free and then handed to Prism; another process may take it in between. Try a few ports.
  for (let attempt = 1; ; attempt++) {
    try {
      return await startPrismOnce(args, await freePort());
    } catch (error) {
      if (attempt === 3 || !/EADDRINUSE/.test(String(error))) throw error;
    }
  }
}

async function startPrismOnce(args: string[], port: number): Promise<PrismServer> {
  const child = spawn(PRISM_BIN, [...args, "-h", "127.0.0.1", "-p", String(port)], { stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`prism ${args[0]} did not start within 60 s:\n${output}`)), 60_000);
    const onData = () => {
      if (/Prism is listening/.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on("data", onData);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`prism ${args[0]} exited with ${code} before listening:\n${output}`));
    });
  });
  return { url: `http://127.0.0.1:${port}`, output: () => output, close: () => stop(child) };
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}

/** A port that was free a moment ago (the OS picks it; Prism needs a number up front). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}
