/**
 * The fake's optional peers (openapi-backend, ajv-formats) and everything they pull in must install without an
 * EBADENGINE warning on every Node line the package supports. Walks the installed dependency tree from the peers and
 * checks each package's `engines.node` against the oldest release of each line.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import semver from "semver";
import { describe, expect, test } from "vitest";

const repoRoot = fileURLToPath(new URL("../../", import.meta.url));
const manifest = JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")) as { peerDependencies: Record<string, string>; engines: { node: string } };
/**
 * The package's own floor, and the oldest release of each line people run: Node 20 (past end of life, still the
 * floor of many CI images) and the first LTS releases of 22 and 24.
 */
const NODE_FLOORS = [semver.minVersion(manifest.engines.node)?.version ?? "", "20.19.0", "22.12.0", "24.0.0"];

interface Installed {
  readonly name: string;
  readonly version: string;
  readonly dir: string;
  readonly engines?: { node?: string };
  readonly dependencies?: Record<string, string>;
}

/** Node's lookup: `<from>/node_modules/<name>`, then each parent directory's. */
function resolvePackage(name: string, from: string): Installed {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, "node_modules", name);
    if (existsSync(join(candidate, "package.json"))) return { ...JSON.parse(readFileSync(join(candidate, "package.json"), "utf8")), dir: candidate };
    if (dirname(dir) === dir) throw new Error(`${name} is not installed (looked up from ${from})`);
  }
}

function dependencyTree(roots: readonly string[]): Installed[] {
  const seen = new Map<string, Installed>();
  const visit = (pkg: Installed) => {
    if (seen.has(pkg.dir)) return;
    seen.set(pkg.dir, pkg);
    for (const dep of Object.keys(pkg.dependencies ?? {})) visit(resolvePackage(dep, pkg.dir));
  };
  for (const root of roots) visit(resolvePackage(root, repoRoot));
  return [...seen.values()];
}

describe("the fake's peers install without engine warnings on every supported Node line", () => {
  const tree = dependencyTree(Object.keys(manifest.peerDependencies));

  test("the walk reaches the whole chain, down to openapi-backend's $ref parser", () => {
    // Named as installed: a dependency may be an npm alias (here `ajv` can be `@redocly/ajv`).
    expect(tree.map((p) => p.dir.split(/node_modules[\\/]/).at(-1))).toEqual(expect.arrayContaining(["openapi-backend", "ajv-formats", "@apidevtools/json-schema-ref-parser", "ajv"]));
  });

  test("the package's own floor is read from its engines field", () => {
    expect(NODE_FLOORS[0]).toMatch(/^\d+\.\d+\.\d+$/);
  });

  test.each(NODE_FLOORS)("Node %s satisfies every engines.node in the chain", (node) => {
    const refusing = tree.filter((p) => p.engines?.node !== undefined && !semver.satisfies(node, p.engines.node)).map((p) => `${p.name}@${p.version} wants node ${p.engines?.node}`);
    expect(refusing).toEqual([]);
  });
});
