/**
 * The shared corpus of real threat models: no file crashes a rule, ThreatComposer's own
 * exports get no errors under recommended, and the one strict-template document gets the
 * findings a reviewer makes by hand.
 */

import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { lintFile } from "../src/lint-files.js";
import { CORPUS_SKIP_REASON, corpusDir } from "./helpers.js";

const describeCorpus = corpusDir === undefined ? describe.skip : describe;
if (corpusDir === undefined) console.warn(`corpus tests skipped: ${CORPUS_SKIP_REASON}`);

function filesIn(folder: string): string[] {
  if (corpusDir === undefined) return [];
  return readdirSync(join(corpusDir, folder))
    .filter((name) => name.endsWith(".md") || name.endsWith(".json"))
    .sort()
    .map((name) => join(corpusDir as string, folder, name));
}

describeCorpus("corpus", () => {
  const all = [...filesIn("md"), ...filesIn("tc-md"), ...filesIn("tc-json")];

  it.each(all.flatMap((file) => [[file, "recommended"], [file, "strict"]]))("lints %s under %s without a rule failure", async (file, preset) => {
    const result = await lintFile(file, { preset });
    expect(result.fatal).toBeUndefined();
    const failures = result.diagnostics.filter((diagnostic) => diagnostic.message.includes("failed on this file"));
    expect(failures).toEqual([]);
    for (const diagnostic of result.diagnostics) {
      expect(diagnostic.range.start.line).toBeGreaterThanOrEqual(1);
      expect(diagnostic.range.start.column).toBeGreaterThanOrEqual(1);
      expect(diagnostic.range.end.offset).toBeGreaterThanOrEqual(diagnostic.range.start.offset);
    }
  });

  it.each(filesIn("tc-md"))("finds no errors in ThreatComposer export %s under recommended", async (file) => {
    const result = await lintFile(file, { preset: "recommended" });
    expect(result.diagnostics.filter((diagnostic) => diagnostic.severity === "error")).toEqual([]);
  });

  describe("strict-template document under strict", () => {
    const file = filesIn("md").find((path) => path.includes("strict-template_"));

    it("reports the Partial control that no residual threat covers", async () => {
      const result = await lintFile(file as string, { preset: "strict" });
      const coverage = result.diagnostics.filter((diagnostic) => diagnostic.ruleId === "residual-threat-coverage");
      expect(coverage.map((diagnostic) => [diagnostic.range.start.line, diagnostic.message])).toEqual([
        [315, "Existing control `EC-0002` is `Partial` but no residual threat cites it in Current Control Gaps; add a residual threat for its gap."],
        [325, "The document has 5 residual threats for 7 Partial or Ineffective existing controls; add at least 2 more."],
      ]);
    });

    it("reports the 17 assumption–threat and threat–mitigation links that are not returned", async () => {
      const result = await lintFile(file as string, { preset: "strict" });
      const oneWay = result.diagnostics.filter((diagnostic) => diagnostic.ruleId === "xref-bidirectional");
      const threatLinks = oneWay.filter((diagnostic) => /`[AT]-\d+` links `[TA]-\d+`|`T-\d+` links `M-\d+`|`M-\d+` links `T-\d+`/.test(diagnostic.message));
      expect(threatLinks).toHaveLength(17);
    });
  });
});
