/**
 * A throwaway npm registry for the registry test: verdaccio (from test/registry/toolchain, `npm run registry:install`)
 * as a child process on 127.0.0.1, storage and users in a temp dir, no uplinks (it serves only what the test
 * publishes), and one user created through the registry's own adduser API whose token goes into a temp userconfig.
 * Nothing here reads or writes ~/.npmrc.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { freePort } from "../testing/prism.js";

const verdaccioBin = fileURLToPath(new URL("./toolchain/node_modules/verdaccio/bin/verdaccio", import.meta.url));

export interface LocalRegistry {
  readonly url: string;
  /** An npm userconfig holding the test user's token for this registry (pass as `--userconfig`). */
  readonly userconfig: string;
  stop(): Promise<void>;
}

async function waitUntilServing(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`verdaccio exited ${child.exitCode}:\n${output()}`);
    try {
      if ((await fetch(`${url}/-/ping`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`verdaccio did not answer on ${url} within 60 s:\n${output()}`);
}

async function addUser(url: string): Promise<string> {
  const name = "release-test";
  const response = await fetch(`${url}/-/user/org.couchdb.user:${name}`, {
    method: "PUT",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ name, password: "release-test-password", email: "release-test@example.invalid", type: "user", roles: [] }),
  });
  const body = (await response.json()) as { token?: string; error?: string };
  if (!response.ok || body.token === undefined) throw new Error(`adduser on ${url} failed (${response.status}): ${JSON.stringify(body)}`);
  return body.token;
}

export async function startRegistry(): Promise<LocalRegistry> {
  if (!existsSync(verdaccioBin)) throw new Error(`verdaccio is not installed at ${verdaccioBin}: run \`npm run registry:install\` first`);
  const dir = mkdtempSync(join(tmpdir(), "together-clusters-registry-"));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const config = join(dir, "config.yaml");
  writeFileSync(
    config,
    [
      `storage: ${JSON.stringify(join(dir, "storage"))}`,
      "auth:",
      "  htpasswd:",
      `    file: ${JSON.stringify(join(dir, "htpasswd"))}`,
      "    max_users: 1",
      "uplinks: {}",
      "packages:",
      "  '**':",
      "    access: $all",
      "    publish: $authenticated",
      "log: { type: stdout, format: pretty, level: warn }",
      "",
    ].join("\n"),
  );
  let output = "";
  const child = spawn(process.execPath, [verdaccioBin, "--config", config, "--listen", `127.0.0.1:${port}`], { stdio: ["ignore", "pipe", "pipe"] });
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once("exit", r));
      child.kill();
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitUntilServing(url, child, () => output);
    const token = await addUser(url);
    const userconfig = join(dir, "npmrc");
    writeFileSync(userconfig, `registry=${url}/\n//127.0.0.1:${port}/:_authToken=${token}\n`);
    return { url, userconfig, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
