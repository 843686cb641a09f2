/** Where the runtime tests find the runtimes installed by `npm run runtimes:install` (test/runtimes/toolchain). */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = fileURLToPath(new URL("../../", import.meta.url));
const toolchainDir = fileURLToPath(new URL("./toolchain/node_modules/", import.meta.url));

/** Debian's `chromium` package (apt-get install -y chromium); never a browser download. */
export const chromiumPath = process.env["CHROMIUM_PATH"] ?? "/usr/bin/chromium";

const binaries = {
  node22: "node22/bin/node",
  node24: "node24/bin/node",
  bun: "bun/bin/bun.exe",
  deno: "deno/deno",
} as const;

/** Absolute path of a runtime from the toolchain; throws with the install command when it is missing. */
export function toolchainBin(name: keyof typeof binaries): string {
  const path = join(toolchainDir, binaries[name]);
  if (!existsSync(path)) throw new Error(`${name} is not installed at ${path}: run \`npm run runtimes:install\` first`);
  return path;
}

/** The path must exist; the message says how to get it. */
export function mustExist(path: string, how: string): string {
  if (!existsSync(path)) throw new Error(`${path} is missing: ${how}`);
  return path;
}
