/**
 * Lints the worked examples in `examples/` with the strict preset. The clean model must pass
 * with no findings. The faulty copy's findings are pinned in a golden file, and every Markdown
 * rule of the strict preset must fire on it at least once, so a new rule needs a planted fault.
 *
 * Running the tests with `UPDATE_GOLDEN=1` rewrites the golden file instead of comparing it;
 * review the diff like any other change.
 */

import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ruleRegistry } from "../rules/index.js";
import { loadFormatter } from "../src/formatters/index.js";
import { lintFile } from "../src/lint-files.js";
import { strict } from "../src/presets.js";
import type { LintResult, RuleSetting } from "../src/types.js";
import { repoRoot } from "./helpers.js";

const CLEAN_EXAMPLE = join(repoRoot, "examples", "quayside-parcel-lockers.md");
const FAULTY_EXAMPLE = join(repoRoot, "examples", "quayside-parcel-lockers.faulty.md");
const GOLDEN_FILE = join(repoRoot, "test", "golden", "faulty-example.strict.txt");

/** Formats results as `--format unix` prints them when tmlint runs in the repository root. */
async function unixReport(result: LintResult): Promise<string> {
  const unix = await loadFormatter("unix");
  return unix([result], { cwd: repoRoot, color: false, rules: ruleRegistry, version: "test" });
}

function severityOf(setting: RuleSetting): string {
  return typeof setting === "string" ? setting : setting[0];
}

/** The ids of the rules the strict preset turns on. */
const strictRuleIds = Object.entries(strict.rules)
  .filter(([, setting]) => severityOf(setting) !== "off")
  .map(([id]) => id);

describe("clean example", () => {
  let result: LintResult;
  beforeAll(async () => {
    result = await lintFile(CLEAN_EXAMPLE, { preset: "strict" });
  });

  it("has no findings under strict", () => {
    expect(result.fatal).toBeUndefined();
    expect(result.diagnostics.map((diagnostic) => `${diagnostic.range.start.line}: ${diagnostic.message} [${diagnostic.ruleId}]`)).toEqual([]);
  });
});

describe("faulty example", () => {
  let result: LintResult;
  beforeAll(async () => {
    result = await lintFile(FAULTY_EXAMPLE, { preset: "strict" });
  });

  it("fails with errors under strict", () => {
    expect(result.fatal).toBeUndefined();
    expect(result.errorCount).toBeGreaterThan(0);
  });

  it("matches the golden report", async () => {
    const report = await unixReport(result);
    if (process.env.UPDATE_GOLDEN === "1") {
      mkdirSync(dirname(GOLDEN_FILE), { recursive: true });
      writeFileSync(GOLDEN_FILE, report);
      return;
    }
    if (!existsSync(GOLDEN_FILE)) {
      throw new Error(`Golden file ${GOLDEN_FILE} is missing; run the tests with UPDATE_GOLDEN=1 to create it, then review it.`);
    }
    expect(report).toBe(readFileSync(GOLDEN_FILE, "utf8"));
  });

  it("names only registered rules", () => {
    const unknown = strictRuleIds.filter((id) => !ruleRegistry.has(id));
    expect(unknown).toEqual([]);
  });

  // Rules over `.tc.json` files never see a Markdown document, so they are left out here.
  // tc-json-companion is a Markdown rule, and it fires because the faulty copy has no JSON file.
  // text-encoding is left out as well: the faulty copy stays valid UTF-8 so that editors and
  // diffs show it as text, and the rule's own tests plant invalid bytes instead.
  it("triggers every Markdown rule of strict", () => {
    const fired = new Set(result.diagnostics.map((diagnostic) => diagnostic.ruleId));
    const markdownRuleIds = strictRuleIds.filter((id) => ruleRegistry.get(id)?.meta.language !== "tc-json" && id !== "text-encoding");
    const silent = markdownRuleIds.filter((id) => !fired.has(id));
    expect(silent, "plant a fault for each of these rules in the faulty example").toEqual([]);
  });
});
