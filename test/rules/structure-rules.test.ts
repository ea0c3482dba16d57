/**
 * Checks shared by the structure and content rules: each has a docs page that matches its
 * metadata, is registered and placed in both presets, and survives degenerate and hostile
 * documents without throwing or stalling.
 */

import { existsSync, readFileSync } from "node:fs";
import type { Heading } from "mdast";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import aiMlThreatCoverage from "../../rules/ai-ml-threat-coverage.js";
import dataflowConsistency from "../../rules/dataflow-consistency.js";
import diagramRequired from "../../rules/diagram-required.js";
import disclaimers from "../../rules/disclaimers.js";
import htmlInCells from "../../rules/html-in-cells.js";
import { builtinRules } from "../../rules/index.js";
import noCoveragePercentages from "../../rules/no-coverage-percentages.js";
import noForbiddenSections from "../../rules/no-forbidden-sections.js";
import noOrphanEntities from "../../rules/no-orphan-entities.js";
import noProseInTableSections from "../../rules/no-prose-in-table-sections.js";
import requiredSubsections from "../../rules/required-subsections.js";
import tableBlankLineBefore from "../../rules/table-blank-line-before.js";
import { recommended, strict } from "../../src/presets.js";
import { runRules } from "../../src/engine.js";
import { plainText } from "../../src/parse/cells.js";
import { parseMarkdown } from "../../src/parse/markdown.js";
import { parseThreatModel } from "../../src/parse/model.js";
import type { AnyRule, ThreatModel } from "../../src/types.js";
import { md, repoRoot, runRule } from "../helpers.js";

const RULES: AnyRule[] = [
  requiredSubsections,
  disclaimers,
  diagramRequired,
  dataflowConsistency,
  noOrphanEntities,
  htmlInCells,
  noProseInTableSections,
  noForbiddenSections,
  noCoveragePercentages,
  aiMlThreatCoverage,
  tableBlankLineBefore,
];

const DOC_HEADINGS = ["## Rule details", "## Examples", "## Options", "## Known limitations"];

const ALL_SECTIONS = md(
  "# App",
  "## Application Info",
  "## Architecture",
  "## Dataflow",
  "## Assumptions",
  "## Threats",
  "## Mitigations",
  "## Impacted Assets",
  "## Existing Controls",
  "## Residual Threats",
);

const HEADERS_ONLY = [
  md("## Dataflow", "", "| Entity | Description |", "| --- | --- |"),
  md("| Flow Identifier | Flow Description | Source Entity | Target Entity | Assets |", "| --- | --- | --- | --- | --- |"),
  md("| Boundary Identifier | Purpose | Source Entity | Target Entity |", "| --- | --- | --- | --- |"),
  md("## Threats", "", "| Threat Number | Threat | Mitigations |", "| --- | --- | --- |"),
  md("## Mitigations", "", "| Mitigation Number | Mitigation | Threats Mitigating |", "| --- | --- | --- |"),
  md("## Impacted Assets", "", "| Asset Number | Asset | Related Threats |", "| --- | --- | --- |"),
].join("\n");

const EMPTY_CELLS = md(
  "## Threats",
  "",
  "| Threat Number | Threat | Mitigations |",
  "| --- | --- | --- |",
  "|  |  |  |",
  "| T-0001 |",
  "",
  "## Dataflow",
  "",
  "| Flow Identifier | Flow Description | Source Entity | Target Entity |",
  "| --- | --- | --- | --- |",
  "|  |  |  |  |",
  "",
  "```",
  "```",
);

const DEGENERATE: [string, string][] = [
  ["an empty file", ""],
  ["a title only", md("# App")],
  ["sections without content", ALL_SECTIONS],
  ["tables with headers only", HEADERS_ONLY],
  ["rows with empty and missing cells", EMPTY_CELLS],
];

const HOSTILE_LINES = [
  "who can ".repeat(1000),
  "|".repeat(10_000),
  "\\".repeat(10_000),
  "`".repeat(10_000),
  "<".repeat(10_000),
  "<a ".repeat(5_000),
  "<p>".repeat(5_000),
  "[".repeat(10_000),
  "9".repeat(10_000) + " coverage",
  "DF1 TB1 ".repeat(2_500),
  "large " + " ".repeat(10_000) + "model",
];

// Parsed once here, since parsing these takes longer than any rule.
const HOSTILE_MODELS: ThreatModel[] = HOSTILE_LINES.map((line) =>
  parseThreatModel(
    md("## Architecture", "", line, "", "```", line, "```", "", "## Threats", "", "| Threat Number | Threat | Mitigations |", "| --- | --- | --- |") +
      md(`| T-0001 | ${line} | ${line} |`),
  ),
);

/** Lists the level-2 headings of a Markdown file, outside code blocks. */
function sectionHeadings(markdown: string): string[] {
  return parseMarkdown(markdown)
    .children.filter((node) => node.type === "heading" && node.depth === 2)
    .map((node) => `## ${plainText((node as Heading).children)}`);
}

describe.each(RULES.map((rule) => [rule.meta.id, rule] as const))("%s", (id, rule) => {
  const docPath = resolve(repoRoot, "docs", "rules", `${id}.md`);

  it("has a docs page", () => {
    expect(existsSync(docPath)).toBe(true);
  });

  it("opens its docs page with its description", () => {
    const paragraphs = readFileSync(docPath, "utf8").split(/\n{2,}/);
    expect(paragraphs[0]).toBe(`# ${id}`);
    expect(paragraphs[1]).toBe(rule.meta.description);
  });

  it("has the docs headings in order", () => {
    expect(sectionHeadings(readFileSync(docPath, "utf8"))).toEqual(DOC_HEADINGS);
  });

  it("is registered and placed in both presets", () => {
    expect(builtinRules).toContain(rule);
    expect(recommended.rules[id]).toBeDefined();
    expect(strict.rules[id]).toBeDefined();
  });

  it.each(DEGENERATE)("does not throw on %s", (_name, text) => {
    const diagnostics = runRule(rule, text);
    // A rule that throws becomes a diagnostic without a message id.
    expect(diagnostics.filter((diagnostic) => diagnostic.messageId === undefined)).toEqual([]);
  });

  it("stays fast on hostile lines", () => {
    const resolved = [{ rule, severity: "error" as const, options: rule.meta.defaultOptions as Record<string, unknown> }];
    const started = performance.now();
    for (const model of HOSTILE_MODELS) {
      const diagnostics = runRules(model, resolved);
      expect(diagnostics.filter((diagnostic) => diagnostic.messageId === undefined)).toEqual([]);
    }
    // NOTE: measured at under 0.5 s per rule for all lines together; the margin absorbs slow CI machines.
    expect(performance.now() - started).toBeLessThan(3000);
  });
});
