/** Types for bundle.mjs (plain JavaScript: generate.mjs loads it before any TypeScript loader exists). */

/**
 * File URLs of the bundled CLI (`cli`, exports runCli), ts-morph printer (`tsFiles`, exports renderTsFiles) and sync
 * CLI (`sync`, exports runSyncCli) for the current codegen/ sources, built first when needed; undefined when they cannot be built (run under tsx then).
 */
export declare function bundledGenerator(options?: {
  /** Where bundles live; default .tmp/codegen-bundle/. */
  readonly cacheDir?: string;
  /** The codegen/ folder to bundle; default the one holding bundle.mjs. */
  readonly sourceDir?: string;
  /** Called when a build actually runs. */
  readonly onBuild?: () => void;
}): Promise<{ readonly cli: string; readonly tsFiles: string; readonly sync: string } | undefined>;
