/**
 * fast-check arbitraries for robustness tests: Markdown assembled from the pieces threat
 * models are made of (headings, tables, IDs, cross-references, anchors, HTML, code), and
 * line-level mutations of valid threat models.
 */

import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import fc from "fast-check";
import { repoRoot } from "../helpers.js";

const PREFIXES = ["T", "M", "A", "AS", "EC", "RT", "X", "t", ""];

/** An ID, well formed or not: `T-0001`, `M-12`, `AS-00007`, `-0001`. */
export const anyId: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom(...PREFIXES), fc.constantFrom("-", "_", ""), fc.integer({ min: 0, max: 99999 }), fc.integer({ min: 1, max: 6 }))
  .map(([prefix, dash, number, width]) => `${prefix}${dash}${String(number).padStart(width, "0")}`);

/** A usual ID from a small pool, so that links and definitions meet often. */
const commonId = fc.constantFrom("T-0001", "T-0002", "T-0003", "M-0001", "M-0002", "A-0001", "A-0002", "AS-0001", "EC-0001", "RT-0001");

const idLike = fc.oneof({ weight: 4, arbitrary: commonId }, { weight: 1, arbitrary: anyId });

/** Short words a threat model uses, including the grammar keywords some rules look for. */
const WORDS = [
  "A", "An", "threat", "actor", "who", "can", "with", "access", "to", "which", "leads", "to", "resulting",
  "in", "reduced", "of", "the", "Found", "in", "repo:", "image:", "architecture:", "diagram:", "Line", "45",
  "100%", "50", "%", "Effective", "Partial", "Ineffective", "High", "Low", "S3", "Lambda", "Server", "Database",
  "SEC01-BP01", "REL09", "`src/app.ts`", "**bold**", "_em_", "~~del~~", "http://example.com", "user@example.com",
  "Mitigated", "Identified", "Resolved", "N/A", "-", "TBD", "Yes", "No", "AI", "LLM", "prompt", "model",
];

const word = fc.constantFrom(...WORDS);

/** Characters that parsers and regexes treat specially. */
const SPECIAL = ["|", "\\|", "\\", "`", "``", "[", "]", "(", ")", "<", ">", "*", "_", "#", "!", ":", "&", "&amp;", "\t", "\u00a0", "\u200b", "\ufeff", "\u202e", "\u001b[31m", "é", "\ud83d\udd25", "\ud800", "\r", "\u0000"];

const special = fc.constantFrom(...SPECIAL);

/** A cross-reference or link in one of the forms threat models use, and some broken ones. */
const link: fc.Arbitrary<string> = fc.oneof(
  idLike.map((id) => `[**${id}**](#${id})`),
  fc.tuple(idLike, fc.array(word, { maxLength: 6 })).map(([id, words]) => `[**${id}**](#${id}): ${words.join(" ")}`),
  idLike.map((id) => `[${id}](#${id.toLowerCase()})`),
  idLike.map((id) => `[**${id}**](#${id}`),
  idLike.map((id) => `[**${id}**(#${id})`),
  idLike.map((id) => `<a id="${id}"></a>`),
  idLike.map((id) => `<a name="${id}">`),
  idLike.map((id) => `<a id=${id}`),
  fc.constant("[x][ref]"),
  fc.constant("[ref]: #T-0001"),
  fc.constant("![img](a.png)"),
  fc.constant("<br/>"),
  fc.constant("<br>"),
  fc.constant("<BR />"),
  fc.constant("<span>"),
);

/** Inline text: words, links, IDs and special characters. */
export const inline: fc.Arbitrary<string> = fc
  .array(fc.oneof({ weight: 6, arbitrary: word }, { weight: 3, arbitrary: link }, { weight: 2, arbitrary: idLike }, { weight: 2, arbitrary: special }), {
    maxLength: 12,
  })
  .map((parts) => parts.join(" "));

const SECTION_TITLES = [
  "Application Info", "Architecture", "Dataflow", "Assumptions", "Threats", "Mitigations", "Impacted Assets",
  "Existing Controls", "Residual Threats", "AWS Well-Architected Mappings", "Threat Model", "Disclaimers",
  "Summary", "Data Flows Definition Table", "Entities Table", "Trust Boundaries Table", "Architecture Diagram",
  "Dataflow Diagram", "Coverage", "Out of scope",
];

const heading: fc.Arbitrary<string> = fc
  .tuple(fc.integer({ min: 1, max: 6 }), fc.oneof(fc.constantFrom(...SECTION_TITLES), inline))
  .map(([depth, title]) => `${"#".repeat(depth)} ${title}`);

const HEADERS = [
  ["Assumption ID", "Assumption", "Linked Threats", "Linked Mitigations", "Comments"],
  ["Threat ID", "Threat", "Assumptions", "Mitigations", "Status", "Priority", "STRIDE", "Comments"],
  ["Mitigation ID", "Mitigation", "Threats Mitigating", "Assumptions", "Status", "Comments"],
  ["Assets ID", "Asset", "Related Threats"],
  ["Control ID", "Control", "Effectiveness", "Threats Addressed", "AWS Services"],
  ["Residual Threat ID", "Residual Threat", "Control", "Likelihood", "Impact"],
  ["Pillar", "Question", "Best Practice ID"],
  ["Entity", "Description"],
  ["Flow ID", "Source", "Destination", "Data"],
  ["ID", "Name"],
];

/** A table: a known or random header, a delimiter row that may not match, and rows of any length. */
const table: fc.Arbitrary<string> = fc
  .tuple(
    fc.oneof(fc.constantFrom(...HEADERS), fc.array(fc.oneof(word, special), { minLength: 1, maxLength: 5 })),
    fc.integer({ min: -1, max: 1 }),
    fc.array(fc.tuple(idLike, fc.array(inline, { maxLength: 8 })), { maxLength: 6 }),
    fc.boolean(),
  )
  .map(([header, delimiterDelta, rows, leadingPipes]) => {
    const row = (cells: readonly string[]): string => (leadingPipes ? `| ${cells.join(" | ")} |` : cells.join(" | "));
    const delimiter = Array.from({ length: Math.max(1, header.length + delimiterDelta) }, () => "---");
    const body = rows.map(([id, cells]) => row([id, ...cells]));
    return [row(header), row(delimiter), ...body].join("\n");
  });

const codeBlock: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom("```", "~~~", "````", "```mermaid", "```text"), fc.array(inline, { maxLength: 4 }), fc.boolean())
  .map(([fence, lines, closed]) => [fence, ...lines, ...(closed ? [fence.replace(/[a-z]+$/, "")] : [])].join("\n"));

const container: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom("> ", "- ", "1. ", "  ", "    ", "\t", "> > ", "- > "), fc.oneof(inline, table))
  .map(([marker, content]) => content.split("\n").map((line) => marker + line).join("\n"));

const frontMatter: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom("---", "+++"), fc.array(fc.constantFrom("title: x", "owner: y", "a: [1, 2", "#", ""), { maxLength: 3 }), fc.boolean())
  .map(([fence, lines, closed]) => [fence, ...lines, ...(closed ? [fence] : [])].join("\n"));

const block: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: heading },
  { weight: 4, arbitrary: table },
  { weight: 3, arbitrary: inline },
  { weight: 1, arbitrary: codeBlock },
  { weight: 1, arbitrary: container },
  { weight: 1, arbitrary: fc.constantFrom("---", "***", "<!-- comment", "-->", "<div>", "</div>", "<!-- tmlint-disable -->", "<!-- tmlint-disable-next-line id-format -->", "<!-- tmlint-enable -->") },
);

/** Arbitrary Markdown built from threat-model pieces, with any line ending and an optional BOM and front matter. */
export const markdownDocument: fc.Arbitrary<string> = fc
  .tuple(
    fc.option(frontMatter, { nil: undefined }),
    fc.array(block, { maxLength: 14 }),
    fc.constantFrom("\n", "\n\n", "\r\n", "\r", "\n\n\n"),
    fc.boolean(),
    fc.boolean(),
  )
  .map(([front, blocks, separator, bom, finalNewline]) => {
    const body = [...(front === undefined ? [] : [front]), ...blocks].join(separator);
    return (bom ? "\ufeff" : "") + body + (finalNewline ? "\n" : "");
  });

/** Any string at all, for the parser's sake: full Unicode, controls and lone surrogates. */
export const anyText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: "binary", maxLength: 200 }),
  fc.string({ unit: fc.constantFrom("|", "-", "#", " ", "\n", "[", "]", "(", ")", "*", "`", "\\", "<", ">", "a", "T", "0", ":"), maxLength: 300 }),
);

/** The worked example shipped with tmlint. */
export const EXAMPLE_PATH = resolve(repoRoot, "examples/quayside-parcel-lockers.md");

/** A small valid threat model in the strict template, with every kind of table and cross-reference. */
export const SMALL_MODEL = [
  "# Small Threat Model",
  "",
  "## Assumptions",
  "",
  "| Assumption ID | Assumption | Linked Threats | Linked Mitigations | Comments |",
  "| --- | --- | --- | --- | --- |",
  '| <a id="A-0001"></a>[**A-0001**](#A-0001) | The network is private | [**T-0001**](#T-0001): A threat actor who can reach the API can replay a token, which leads to account takeover, resulting in reduced confidentiality of orders | [**M-0001**](#M-0001): Sign tokens | none |',
  "",
  "## Threats",
  "",
  "| Threat ID | Threat | Assumptions | Mitigations | Status | Priority | STRIDE | Comments |",
  "| --- | --- | --- | --- | --- | --- | --- | --- |",
  '| <a id="T-0001"></a>[**T-0001**](#T-0001) | **Found in repo**: `src/api.ts` Line 4 - A threat actor who can reach the API can replay a token, which leads to account takeover, resulting in reduced confidentiality of orders | [**A-0001**](#A-0001): The network is private | [**M-0001**](#M-0001): Sign tokens | Identified | High | S | none |',
  "",
  "## Mitigations",
  "",
  "| Mitigation ID | Mitigation | Threats Mitigating | Assumptions | Status | Comments |",
  "| --- | --- | --- | --- | --- | --- |",
  '| <a id="M-0001"></a>[**M-0001**](#M-0001) | Sign tokens | [**T-0001**](#T-0001): A threat actor who can reach the API can replay a token, which leads to account takeover, resulting in reduced confidentiality of orders | [**A-0001**](#A-0001): The network is private | Resolved | none |',
  "",
].join("\n");

/** The seed documents that mutations start from. */
export function seedDocuments(): string[] {
  return [readFileSync(EXAMPLE_PATH, "utf8"), SMALL_MODEL];
}

/** One edit to a document's lines, or to one line's table cells. */
export type Mutation =
  | { kind: "delete-line" | "duplicate-line"; at: number }
  | { kind: "swap-lines"; at: number; other: number }
  | { kind: "insert-line"; at: number; text: string }
  | { kind: "delete-cell" | "duplicate-cell"; at: number; cell: number }
  | { kind: "swap-cells"; at: number; cell: number; other: number }
  | { kind: "replace-cell" | "insert-cell"; at: number; cell: number; text: string }
  | { kind: "replace-id"; at: number; text: string }
  | { kind: "truncate-line"; at: number; keep: number };

const insertedText = fc.oneof(heading, inline, table, link, idLike, fc.constantFrom("", "|", "| --- |", "```", "<!--", "---"));

/** A mutation; `at` and `cell` are reduced modulo the line and cell counts when applied. */
export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constantFrom("delete-line" as const, "duplicate-line" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("swap-lines" as const), at: fc.nat(), other: fc.nat() }),
  fc.record({ kind: fc.constant("insert-line" as const), at: fc.nat(), text: insertedText }),
  fc.record({ kind: fc.constantFrom("delete-cell" as const, "duplicate-cell" as const), at: fc.nat(), cell: fc.nat() }),
  fc.record({ kind: fc.constant("swap-cells" as const), at: fc.nat(), cell: fc.nat(), other: fc.nat() }),
  fc.record({ kind: fc.constantFrom("replace-cell" as const, "insert-cell" as const), at: fc.nat(), cell: fc.nat(), text: fc.oneof(inline, link, idLike) }),
  fc.record({ kind: fc.constant("replace-id" as const), at: fc.nat(), text: idLike }),
  fc.record({ kind: fc.constant("truncate-line" as const), at: fc.nat(), keep: fc.nat() }),
);

const ID_IN_TEXT = /\b[A-Z]{1,2}-\d{4}\b/;

/** Applies mutations to a document's lines. Cell edits pick from the table rows only. */
export function applyMutations(text: string, mutations: readonly Mutation[]): string {
  const lines = text.split("\n");
  for (const change of mutations) {
    if (lines.length === 0) lines.push("");
    const at = change.at % lines.length;
    const line = lines[at] as string;
    switch (change.kind) {
      case "delete-line":
        lines.splice(at, 1);
        break;
      case "duplicate-line":
        lines.splice(at, 0, line);
        break;
      case "swap-lines": {
        const other = change.other % lines.length;
        lines[at] = lines[other] as string;
        lines[other] = line;
        break;
      }
      case "insert-line":
        lines.splice(at, 0, ...change.text.split("\n"));
        break;
      case "truncate-line":
        lines[at] = line.slice(0, change.keep % (line.length + 1));
        break;
      case "replace-id":
        lines[at] = line.replace(ID_IN_TEXT, change.text);
        break;
      default: {
        const rows = lines.map((candidate, index) => [candidate, index] as const).filter(([candidate]) => candidate.startsWith("|"));
        if (rows.length === 0) break;
        const [row, rowIndex] = rows[change.at % rows.length] as readonly [string, number];
        lines[rowIndex] = editCells(row, change);
      }
    }
  }
  return lines.join("\n");
}

function editCells(row: string, change: Mutation): string {
  const cells = row.split("|");
  const index = "cell" in change ? 1 + (change.cell % Math.max(1, cells.length - 2)) : 1;
  const cell = cells[index] ?? "";
  switch (change.kind) {
    case "delete-cell":
      cells.splice(index, 1);
      break;
    case "duplicate-cell":
      cells.splice(index, 0, cell);
      break;
    case "swap-cells": {
      const other = 1 + (change.other % Math.max(1, cells.length - 2));
      cells[index] = cells[other] ?? "";
      cells[other] = cell;
      break;
    }
    case "replace-cell":
      cells[index] = ` ${change.text} `;
      break;
    case "insert-cell":
      cells.splice(index, 0, ` ${change.text} `);
      break;
    default:
      break;
  }
  return cells.join("|");
}

/**
 * Returns a seed document with one to eight mutations applied. The first seed (the 98 KB example)
 * is picked once in `largeSeedOdds` cases, because one lint of it costs as much as fifty of
 * the small ones.
 */
export function mutatedDocument(seeds: readonly string[], largeSeedOdds = 8): fc.Arbitrary<string> {
  const [large, ...small] = seeds;
  const seed = small.length === 0 || large === undefined
    ? fc.constantFrom(...seeds)
    : fc.oneof({ weight: 1, arbitrary: fc.constant(large) }, { weight: largeSeedOdds - 1, arbitrary: fc.constantFrom(...small) });
  return fc.tuple(seed, fc.array(mutation, { minLength: 1, maxLength: 8 })).map(([text, mutations]) => applyMutations(text, mutations));
}
