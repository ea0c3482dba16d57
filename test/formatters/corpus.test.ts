/**
 * Formats real findings. Every Markdown file of the shared corpus is linted under the strict
 * preset, which gives the most findings. The SARIF and JSON reports must pass their schemas,
 * and the ESLint matchers must read every finding of the stylish and compact output.
 */

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import compact from "../../src/formatters/compact.js";
import github from "../../src/formatters/github.js";
import json from "../../src/formatters/json.js";
import sarif from "../../src/formatters/sarif.js";
import stylish from "../../src/formatters/stylish.js";
import type { FormatterContext } from "../../src/formatters/types.js";
import { lintText } from "../../src/lint.js";
import type { LintResult } from "../../src/types.js";
import { ruleRegistry } from "../../rules/index.js";
import { CORPUS_SKIP_REASON, corpusDir } from "../helpers.js";
import { runLineMatcher, runLoopMatcher, vscodeCompact, vscodeStylishFile, vscodeStylishRow } from "./matchers.js";
import { describeErrors, reportValidator, sarifValidator } from "./schemas.js";

const describeCorpus = corpusDir === undefined ? describe.skip : describe;
if (corpusDir === undefined) console.warn(`formatter corpus tests skipped: ${CORPUS_SKIP_REASON}`);

function lintCorpus(): LintResult[] {
  if (corpusDir === undefined) return [];
  return ["md", "tc-md"].flatMap((folder) =>
    readdirSync(join(corpusDir as string, folder))
      .filter((name) => name.endsWith(".md"))
      .sort()
      .map((name) => {
        const filePath = join(corpusDir as string, folder, name);
        return lintText(readFileSync(filePath, "utf8"), { filePath, preset: "strict" });
      }),
  );
}

describeCorpus("formatters on the corpus", () => {
  const results = lintCorpus();
  const context: FormatterContext = { cwd: corpusDir ?? "/", color: false, rules: ruleRegistry, version: "0.0.0", env: {} };
  const findings = results.reduce((sum, result) => sum + result.diagnostics.length, 0);

  test("corpus has findings", () => {
    expect(findings).toBeGreaterThan(0);
  });

  test("SARIF passes the 2.1.0 schema", () => {
    const validate = sarifValidator();
    expect(validate(JSON.parse(sarif(results, context))), describeErrors(validate)).toBe(true);
  });

  test("JSON passes the report schema", () => {
    const validate = reportValidator();
    expect(validate(JSON.parse(json(results, context))), describeErrors(validate)).toBe(true);
  });

  test("$eslint-stylish reads every finding", () => {
    expect(runLoopMatcher(stylish(results, context), vscodeStylishFile, vscodeStylishRow)).toHaveLength(findings);
  });

  test("$eslint-compact reads every finding", () => {
    expect(runLineMatcher(compact(results, context), vscodeCompact).problems).toHaveLength(findings);
  });

  test("github writes one command per finding", () => {
    const lines = github(results, context).trimEnd().split("\n");
    const annotations = lines.filter((line) => /^::(error|warning) file=/.test(line));
    expect(annotations).toHaveLength(findings);
    for (const line of lines) expect(line).toMatch(/^::(error|warning|notice) /);
  });
});
