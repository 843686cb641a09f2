/**
 * Redocly's "recommended" ruleset over one spec text: the real OpenAPI validator sync runs before it writes anything.
 *
 * @redocly/openapi-core is imported here, on first use, never at module load: loading it is the largest cost of a
 * sync after parsing the upstream document. In the bundled sync CLI (bundle.mjs) it is bundled in, which loads in
 * about half the time of its few hundred separate modules.
 */

/** One error of the ruleset (warnings are left out). */
export interface LintProblem {
  /** Where Redocly located it, e.g. `#/paths/~1compute~1clusters/get`. */
  readonly pointer: string;
  readonly ruleId: string;
  readonly message: string;
}

/** The errors Redocly's recommended ruleset finds in `text`, reported under the name `absoluteRef`. */
export async function lintSpec(text: string, absoluteRef: string): Promise<LintProblem[]> {
  const { createConfig, lintFromString } = await import("@redocly/openapi-core");
  const config = await createConfig({ extends: ["recommended"] });
  return (await lintFromString({ source: text, absoluteRef, config }))
    .filter((problem) => problem.severity === "error")
    .map((problem) => ({ pointer: problem.location[0]?.pointer ?? "#/", ruleId: problem.ruleId, message: problem.message }));
}
