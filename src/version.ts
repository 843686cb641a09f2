/**
 * The package version, sent in the user agent. The one copy in src/; test/client/version.test.ts holds it equal to
 * package.json's `version` (src/ cannot read package.json: browsers and bundles have no file system).
 */
export const packageVersion = "0.1.0";

/** `together-clusters/<version>`. */
export const userAgent = `together-clusters/${packageVersion}`;
