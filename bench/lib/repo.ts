/** The repository root, found from this file's location (bench/lib/ sits two levels below it). */
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
