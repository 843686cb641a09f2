/** Starts bench/http/server.ts in a child process and resolves its base URL. */
import { fork } from "node:child_process";
import { fileURLToPath } from "node:url";

/** A running loopback server; `stop()` ends the child process. */
export interface LoopbackServer {
  readonly origin: string;
  stop(): Promise<void>;
}

const serverScript = fileURLToPath(new URL("./server.ts", import.meta.url));

/** Forks the server (through the tsx loader) and waits for the port it bound. */
export function startLoopbackServer(): Promise<LoopbackServer> {
  const child = fork(serverScript, [], { execArgv: ["--import", "tsx"], stdio: ["ignore", "inherit", "inherit", "ipc"] });
  return new Promise((resolve, reject) => {
    const failed = (reason: string) => reject(new Error(`loopback server (${serverScript}) ${reason}`));
    child.once("error", (error) => failed(`could not start: ${error.message}`));
    child.once("exit", (code) => failed(`exited early with code ${code}`));
    child.once("message", (message) => {
      const port = (message as { port?: unknown }).port;
      if (typeof port !== "number") {
        failed(`sent ${JSON.stringify(message)}, expected { port: number }`);
        return;
      }
      child.removeAllListeners("exit");
      resolve({
        origin: `http://127.0.0.1:${port}`,
        stop: () =>
          new Promise<void>((done) => {
            child.once("exit", () => done());
            child.disconnect();
          }),
      });
    });
  });
}
