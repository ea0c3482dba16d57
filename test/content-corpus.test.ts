/**
 * The content rules on real documents: the strict-template document gets the findings a
 * reviewer makes by hand, each at its line, and the example model passes them under strict.
 */

import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { lintFile } from "../src/lint-files.js";
import type { Diagnostic, LintResult } from "../src/types.js";
import { CORPUS_SKIP_REASON, corpusDir, repoRoot } from "./helpers.js";

const CONTENT_RULES = [
  "xref-format",
  "xref-full-statement",
  "xref-statement-sync",
  "id-anchor",
  "threat-statement-grammar",
  "threat-evidence-prefix",
  "threat-quantified-impact",
  "no-generic-component-names",
  "cell-values",
  "well-architected-ids",
];

const describeCorpus = corpusDir === undefined ? describe.skip : describe;
if (corpusDir === undefined) console.warn(`content corpus tests skipped: ${CORPUS_SKIP_REASON}`);

const results = new Map<string, Promise<LintResult>>();

/** Lints a file under strict once per run and returns one rule's findings. */
async function findingsOf(path: string, ruleId: string): Promise<Diagnostic[]> {
  let result = results.get(path);
  if (!result) results.set(path, (result = lintFile(path, { preset: "strict" })));
  return (await result).diagnostics.filter((diagnostic) => diagnostic.ruleId === ruleId);
}

describe("example models under strict", () => {
  // The faulty copy breaks these rules on purpose, and test/examples.test.ts pins its findings.
  const examples = readdirSync(join(repoRoot, "examples")).filter(
    (name) => name.endsWith(".md") && name !== "README.md" && !name.endsWith(".faulty.md"),
  );

  it.each(examples)("%s breaks no content rule", async (name) => {
    const result = await lintFile(join(repoRoot, "examples", name), { preset: "strict" });
    const content = result.diagnostics.filter((diagnostic) => CONTENT_RULES.includes(diagnostic.ruleId));
    expect(content.map((diagnostic) => `${diagnostic.range.start.line}: ${diagnostic.message}`)).toEqual([]);
  });
});

describeCorpus("strict-template document under strict", () => {
  // vitest runs the body of a skipped describe too, so the folder is read only when present.
  const names = corpusDir === undefined ? [] : readdirSync(join(corpusDir, "md"));
  const file = join(corpusDir ?? "", "md", names.find((name) => name.startsWith("strict-template_")) ?? "");

  it("names the threat each mis-numbered assumption link really quotes", async () => {
    const misnumbered = (await findingsOf(file, "xref-statement-sync")).filter((diagnostic) => diagnostic.messageId === "misnumbered");
    const pairs = misnumbered.map((diagnostic) => {
      const [, linked, matched] = /^Quote after `([\w-]+)`.*which matches \w+ `([\w-]+)`/.exec(diagnostic.message) ?? [];
      return [diagnostic.range.start.line, linked, matched];
    });
    expect(pairs).toEqual([
      [249, "T-0004", "T-0003"],
      [251, "T-0006", "T-0009"],
      [252, "T-0007", "T-0004"],
      [252, "T-0008", "T-0005"],
      [253, "T-0009", "T-0006"],
    ]);
  });

  it("reports relabelled mitigations as stale quotes", async () => {
    const drift = (await findingsOf(file, "xref-statement-sync")).filter((diagnostic) => diagnostic.messageId === "drift");
    expect(drift.map((diagnostic) => [diagnostic.range.start.line, /^Quote after `([\w-]+)`/.exec(diagnostic.message)?.[1]])).toEqual([
      [268, "M-0001"],
      [329, "M-0001"],
      [329, "M-0009"],
      [330, "M-0004"],
      [332, "M-0008"],
    ]);
  });

  it("reports short labels in place of full statements", async () => {
    const labels = await findingsOf(file, "xref-full-statement");
    expect(labels).toHaveLength(117);
    expect(labels.every((diagnostic) => diagnostic.messageId === "label")).toBe(true);
    expect(labels[0]?.range.start.line).toBe(248);
    expect(labels[0]?.message).toMatch(/^Cross-reference to `T-0001` quotes `Tampered distribution`, a short label/);
  });

  it("reports each mis-numbered link once", async () => {
    const misnumbered = (await findingsOf(file, "xref-statement-sync")).filter((diagnostic) => diagnostic.messageId === "misnumbered");
    const labels = await findingsOf(file, "xref-full-statement");
    const labelStarts = new Set(labels.map((diagnostic) => `${diagnostic.range.start.line}:${diagnostic.range.start.column}`));
    expect(misnumbered).toHaveLength(5);
    expect(misnumbered.filter((diagnostic) => labelStarts.has(`${diagnostic.range.start.line}:${diagnostic.range.start.column}`))).toEqual([]);
  });

  it("reports every dead self-link in an ID cell", async () => {
    const anchors = await findingsOf(file, "id-anchor");
    expect(anchors).toHaveLength(51);
    expect(anchors.every((diagnostic) => diagnostic.messageId === "selfLink")).toBe(true);
    expect(anchors[0]?.range.start).toMatchObject({ line: 248, column: 3 });
  });

  it("reports the combined control type", async () => {
    const values = await findingsOf(file, "cell-values");
    const controlTypes = values.filter((diagnostic) => diagnostic.message.startsWith("Control Type"));
    expect(controlTypes.map((diagnostic) => [diagnostic.range.start.line, diagnostic.message])).toEqual([
      [321, "Control Type value `Detective/Preventive` is not allowed; write `Preventive`, `Detective` or `Corrective`."],
    ]);
  });

  it("reports the statements that lack a part of the grammar", async () => {
    const grammar = await findingsOf(file, "threat-statement-grammar");
    const missing = grammar.map((diagnostic) => [diagnostic.range.start.line, /`([\w-]+)` statement has no (.*); write/.exec(diagnostic.message)?.slice(1)]);
    expect(missing).toEqual([
      [264, ["T-0003", "`who` clause"]],
      [265, ["T-0004", "`who` clause"]],
      [266, ["T-0005", "`who` clause"]],
      [267, ["T-0006", "`who` clause"]],
      [268, ["T-0007", "`can` clause"]],
      [269, ["T-0008", "`A`/`An` opening and no `who` clause"]],
      [270, ["T-0009", "`A`/`An` opening, no `who` clause and no `can` clause"]],
      [330, ["RT-0002", "`who` clause and no `can` clause"]],
      [331, ["RT-0003", "`who` clause and no `can` clause"]],
      [332, ["RT-0004", "`who` clause and no `can` clause"]],
      [333, ["RT-0005", "`who` clause and no `can` clause"]],
    ]);
  });
});
