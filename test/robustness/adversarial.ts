/**
 * Adversarial lines for regular-expression cost, and documents that place one such line in
 * every table cell and every section of a threat model.
 */

import { readFileSync } from "node:fs";
import { EXAMPLE_PATH } from "./arbitraries.js";

/** A named adversarial line: `unit` repeated to `length` UTF-16 code units. */
export interface AdversarialLine {
  name: string;
  text: string;
}

function repeatTo(unit: string, length: number): string {
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}

/** Patterns that make backtracking or repeated scanning costly, each `length` code units long. */
export function adversarialLines(length: number): AdversarialLine[] {
  const patterns: [string, string][] = [
    ["repeated `who can`", "who can "],
    ["grammar words without an end", "A threat actor who can with access to which leads to resulting in "],
    ["unclosed brackets", "["],
    ["unclosed parentheses", "("],
    ["unclosed links", "[**T-0001**](#T-0001 "],
    ["links without the colon", "[**T-0001**](#T-0001) "],
    ["run of pipes", "|"],
    ["escaped pipes", "\\|"],
    ["backslashes", "\\"],
    ["backticks", "`"],
    ["code spans left open", "`a "],
    ["`<a` without `>`", "<a "],
    ["anchors left open", '<a id="T-0001'],
    ["br tags", "<br/>"],
    ["IDs", "T-0001 "],
    ["evidence prefixes", "Found in repo: "],
    ["percentages", "100% "],
    ["emphasis runs", "*_"],
    ["digits", "0"],
    ["spaces", " "],
    ["tabs", "\t"],
    ["colons", ":"],
    ["hyphens", "-"],
    ["letters", "a"],
    ["hashes", "#"],
    ["underscores", "_"],
    ["asterisks", "*"],
  ];
  return patterns.map(([name, unit]) => ({ name, text: repeatTo(unit, length) }));
}

/** The table rows and section headings of the worked example, as line numbers. */
interface ExampleLayout {
  lines: string[];
  /** Index of each delimiter row. */
  delimiters: number[];
}

function exampleLayout(): ExampleLayout {
  const lines = readFileSync(EXAMPLE_PATH, "utf8").split("\n");
  const delimiters = lines.flatMap((line, index) => (/^\|\s*:?-{3,}/.test(line) ? [index] : []));
  return { lines, delimiters };
}

/** A document built around an adversarial line, and how many times the line occurs in it. */
export interface AdversarialDocument {
  text: string;
  placements: number;
}

/**
 * Builds the worked example with each table reduced to its header and one row, and `line` in every
 * cell of that row except the ID. The first table also gets a row with `line` as its ID.
 * A paragraph holding `line` follows every heading.
 */
export function documentWithLine(line: string): AdversarialDocument {
  const { lines, delimiters } = exampleLayout();
  const out: string[] = [];
  let index = 0;
  let firstTable = true;
  let placements = 0;
  while (index < lines.length) {
    const current = lines[index] as string;
    if (delimiters.includes(index)) {
      out.push(current);
      const firstRow = lines[index + 1] ?? "";
      const cells = firstRow.split("|").slice(1, -1);
      const idCell = cells[0] ?? "";
      const row = [idCell, ...cells.slice(1).map(() => ` ${line} `)];
      out.push(`|${row.join("|")}|`);
      placements += row.length - 1;
      if (firstTable) {
        out.push(`|${[` ${line} `, ...cells.slice(1)].join("|")}|`);
        placements++;
      }
      firstTable = false;
      index++;
      while (index < lines.length && (lines[index] as string).startsWith("|")) index++;
      continue;
    }
    out.push(current);
    if (current.startsWith("#")) {
      out.push("", line, "");
      placements++;
    }
    index++;
  }
  return { text: out.join("\n"), placements };
}
