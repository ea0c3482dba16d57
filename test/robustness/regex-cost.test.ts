/**
 * Regular-expression cost: every rule runs on documents that hold an adversarial line in
 * every table cell and after every heading, and each rule's `check` must finish in under
 * 100 ms: for the whole document in `npm test`, and per placement of the 100 KB line in
 * `npm run fuzz`. Only the rules are timed, not parsing: remark's own inline parsing is
 * superlinear on some of these lines, and the CLI's per-file time limit covers that.
 *
 * The normal suite uses lines of 2,000 code units (500 for lines that are slow to parse)
 * plus lines of one character in the Threats table, 100 KB long (20 KB for `#`, `_` and
 * `*`, which remark parses slowly); `npm run fuzz` uses 100 KB (10 KB for lines that are
 * slow to parse) everywhere.
 */

import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { runJsonRules, runRules, type ResolvedRule } from "../../src/engine.js";
import { parseThreatModel } from "../../src/parse/model.js";
import { strict } from "../../src/presets.js";
import { parseTcJson } from "../../src/tcjson/document.js";
import { cellTextsOf, commentText } from "../../src/tcjson/markdown-text.js";
import { ruleRegistry } from "../../rules/index.js";
import type { ThreatModel } from "../../src/types.js";
import { repoRoot } from "../helpers.js";
import { adversarialLines, documentWithLine, type AdversarialLine } from "./adversarial.js";
import { LONG_MODE } from "./check.js";

const BUDGET_MS = 100;

/** Lines whose Markdown parse is superlinear in remark; shorter so that the test ends. */
const SLOW_TO_PARSE = new Set([
  "unclosed brackets",
  "unclosed links",
  "links without the colon",
  "run of pipes",
  "escaped pipes",
  "backslashes",
  "code spans left open",
  "`<a` without `>`",
  "anchors left open",
  "br tags",
  "emphasis runs",
]);

const SINGLE_CHARACTER = new Set(["digits", "spaces", "tabs", "colons", "hyphens", "letters", "hashes", "underscores", "asterisks"]);

/** Single characters whose 100 KB lines take remark seconds to parse; 20 KB in the normal suite. */
const SLOW_SINGLE_CHARACTER = new Set(["hashes", "underscores", "asterisks"]);

/** Every rule, with the strict preset's options where it sets some and else its defaults. */
const RESOLVED: ResolvedRule[] = [...ruleRegistry.values()].map((rule) => {
  const setting = strict.rules[rule.meta.id];
  const options = Array.isArray(setting) ? setting[1] : {};
  return { rule, severity: "error", options: { ...(rule.meta.defaultOptions as object), ...options } };
});

const EXAMPLE_JSON = readFileSync(resolve(repoRoot, "examples/quayside-parcel-lockers.tc.json"), "utf8");

/**
 * The example ThreatComposer file with `line` in every string value that is not an ID, in
 * the first item of each list only, so that each kind of field holds the line once.
 */
function jsonWithLine(line: string): string {
  const replace = (value: unknown, key: string): unknown => {
    if (typeof value === "string") return /id$/i.test(key) ? value : line;
    if (Array.isArray(value)) return value.map((item, index) => (index === 0 ? replace(item, key) : item));
    if (value && typeof value === "object") {
      return Object.fromEntries(Object.entries(value).map(([name, item]) => [name, replace(item, name)]));
    }
    return value;
  };
  return JSON.stringify(replace(JSON.parse(EXAMPLE_JSON), ""), null, 2);
}

/** Returns the fastest of up to three runs of `run`, in milliseconds; three only when the first is over budget. */
function fastestMs(run: () => void, budgetMs = BUDGET_MS): number {
  let best = Infinity;
  for (let attempt = 0; attempt < 3 && best >= budgetMs; attempt++) {
    const started = performance.now();
    run();
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

/** Returns the texts tc-json-companion reads as Markdown: statements, contents and `Comments` metadata. */
function markdownTextsOf(jsonText: string): { texts: string[]; comments: string[] } {
  const texts: string[] = [];
  const comments: string[] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    if (!value || typeof value !== "object" || Array.isArray(value)) return;
    const record = value as Record<string, unknown>;
    for (const key of ["statement", "content"]) if (typeof record[key] === "string") texts.push(record[key] as string);
    if (record.key === "Comments" && typeof record.value === "string") comments.push(record.value);
    Object.values(record).forEach(walk);
  };
  walk(JSON.parse(jsonText));
  return { texts, comments };
}

/**
 * Times, once, the Markdown parses tc-json-companion makes: it reads the JSON texts back
 * the way ThreatComposer's export shows them, and the comments as Markdown, with remark.
 * Like the document's own parse, that parse is left out of the rule's budget.
 */
function companionParseMs(jsonText: string): number {
  const { texts, comments } = markdownTextsOf(jsonText);
  const started = performance.now();
  cellTextsOf(texts);
  for (const comment of comments) commentText(comment);
  return performance.now() - started;
}

/**
 * Times every rule on a document and returns the rules over `budgetMs`. A rule's time
 * excludes parsing, except the Markdown parse inside tc-json-companion, which is measured
 * on its own and subtracted.
 */
function slowRules(model: ThreatModel, jsonText: string, budgetMs = BUDGET_MS): string[] {
  const json = parseTcJson(jsonText, "tm.tc.json");
  const slow: string[] = [];
  for (const resolved of RESOLVED) {
    const id = resolved.rule.meta.id;
    const run =
      resolved.rule.meta.language === "tc-json"
        ? () => runJsonRules(json, [resolved])
        : () => runRules(model, [resolved], { readFile: () => jsonText });
    const elapsed = fastestMs(run, budgetMs);
    if (elapsed < budgetMs) continue;
    const parsing = id === "tc-json-companion" ? companionParseMs(jsonText) : 0;
    if (elapsed - parsing >= budgetMs) slow.push(`${id} took ${Math.round(elapsed)} ms, ${Math.round(parsing)} ms of it parsing Markdown`);
  }
  return slow;
}

function lineLength(line: AdversarialLine, normal: number, fuzz: number): number {
  const length = LONG_MODE ? fuzz : normal;
  if (!SLOW_TO_PARSE.has(line.name)) return length;
  return LONG_MODE ? length / 10 : length / 4;
}

describe("rule cost on adversarial lines", () => {
  const names = adversarialLines(1).map((line) => line.name);
  for (const name of names) {
    it(`${name} in every cell and section`, () => {
      const probe = adversarialLines(1).find((line) => line.name === name) as AdversarialLine;
      const length = lineLength(probe, 2_000, 100_000);
      const line = adversarialLines(length).find((candidate) => candidate.name === name) as AdversarialLine;
      const document = documentWithLine(line.text);
      const model = parseThreatModel(document.text, { filePath: "/virtual/tm.md" });
      // The normal suite allows 100 ms for the whole document. The long lines of `npm run fuzz`
      // fill it with megabytes, so there each placement of the line gets 100 ms.
      expect(slowRules(model, jsonWithLine(line.text), LONG_MODE ? BUDGET_MS * document.placements : BUDGET_MS)).toEqual([]);
    }, LONG_MODE ? 0 : 60_000);
  }
});

describe("rule cost on 100 KB of one character", () => {
  for (const name of [...SINGLE_CHARACTER]) {
    const length = LONG_MODE || !SLOW_SINGLE_CHARACTER.has(name) ? 100_000 : 20_000;
    const line = adversarialLines(length).find((candidate) => candidate.name === name) as AdversarialLine;
    it(`${line.name} in the Threats table and section`, () => {
      const row = `| T-0001 | ${line.text} | ${line.text} | ${line.text} | Identified | High | S | ${line.text} |`;
      const text = [
        "# Threat Model",
        "",
        "## Threats",
        "",
        line.text,
        "",
        "| Threat ID | Threat | Mitigations | Assumptions | Status | Priority | STRIDE | Comments |",
        "| --- | --- | --- | --- | --- | --- | --- | --- |",
        row,
        "",
      ].join("\n");
      const model = parseThreatModel(text, { filePath: "/virtual/tm.md" });
      expect(slowRules(model, jsonWithLine(line.text))).toEqual([]);
    }, 60_000);
  }
});
