/**
 * Text handling: the byte order mark, the line index (CRLF, lone CR, LF), tabs and UTF-16
 * columns, on inline documents and on the byte-exact edge inputs of the shared spec.
 */

import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Code, Paragraph } from "mdast";
import { describe, expect, it } from "vitest";
import xrefTargetExists from "../../rules/xref-target-exists.js";
import { runRules } from "../../src/engine.js";
import { parseThreatModel } from "../../src/parse/model.js";
import { LineIndex, stripBom } from "../../src/parse/text.js";
import type { Range } from "../../src/types.js";
import { specDir } from "../helpers.js";

function at(range: Range | undefined): string {
  if (!range) return "none";
  return `${range.start.line}:${range.start.column}-${range.end.line}:${range.end.column}`;
}

/** Reads an edge input from the shared spec, or returns undefined when it is absent. */
function edgeInput(name: string): string | undefined {
  if (specDir === undefined) return undefined;
  const file = join(specDir, "edge-inputs", name);
  return existsSync(file) ? readFileSync(file, "utf8") : undefined;
}

const EDGE_SKIP = "../shared/spec/edge-inputs is absent; the inline equivalents still run";

function brokenLinks(text: string): string[] {
  const model = parseThreatModel(text);
  return runRules(model, [{ rule: xrefTargetExists, severity: "error", options: {} }]).map(
    (diagnostic) => `${at(diagnostic.range)} ${diagnostic.messageId}`,
  );
}

describe("stripBom", () => {
  it("removes one leading byte order mark", () => {
    expect(stripBom("\ufeff# T")).toEqual({ text: "# T", hasBom: true });
  });

  it("keeps a second byte order mark", () => {
    expect(stripBom("\ufeff\ufeff# T")).toEqual({ text: "\ufeff# T", hasBom: true });
  });

  it("keeps text without one", () => {
    expect(stripBom("# T")).toEqual({ text: "# T", hasBom: false });
  });
});

describe("LineIndex", () => {
  const endings: [string, string][] = [
    ["LF", "\n"],
    ["CRLF", "\r\n"],
    ["CR", "\r"],
  ];

  it.each(endings)("splits lines at %s", (_name, eol) => {
    const text = ["ab", "", "cd"].join(eol);
    const index = new LineIndex(text);
    expect(index.lineCount).toBe(3);
    expect(index.lineText(1)).toBe("ab");
    expect(index.lineText(2)).toBe("");
    expect(index.lineText(3)).toBe("cd");
    expect(index.pointAt(text.indexOf("c"))).toEqual({ line: 3, column: 1, offset: text.indexOf("c") });
  });

  it("reads mixed endings as micromark does", () => {
    const text = "a\r\nb\rc\nd";
    const index = new LineIndex(text);
    expect(index.lineCount).toBe(4);
    expect([1, 2, 3, 4].map((line) => index.lineText(line))).toEqual(["a", "b", "c", "d"]);
    expect(index.pointAt(7)).toEqual({ line: 4, column: 1, offset: 7 });
  });

  it("places a line ending on its own line", () => {
    const index = new LineIndex("ab\r\ncd");
    expect(index.pointAt(2)).toEqual({ line: 1, column: 3, offset: 2 });
    expect(index.pointAt(3)).toEqual({ line: 1, column: 4, offset: 3 });
    expect(index.pointAt(4)).toEqual({ line: 2, column: 1, offset: 4 });
  });

  it("clamps offsets to the text", () => {
    const index = new LineIndex("ab\ncd");
    expect(index.pointAt(-5)).toEqual({ line: 1, column: 1, offset: 0 });
    expect(index.pointAt(99)).toEqual({ line: 2, column: 3, offset: 5 });
  });

  it("makes a range from two offsets", () => {
    const index = new LineIndex("ab\ncd");
    expect(index.rangeOf(1, 4)).toEqual({ start: { line: 1, column: 2, offset: 1 }, end: { line: 2, column: 2, offset: 4 } });
  });

  it("has one empty line for empty text", () => {
    const index = new LineIndex("");
    expect(index.lineCount).toBe(1);
    expect(index.lineText(1)).toBe("");
    expect(index.lineText(2)).toBe("");
  });

  it("agrees with the parser on every line start", () => {
    const text = "# A\r\n\r\nB\rC\n\n## D\r";
    const model = parseThreatModel(text);
    const index = new LineIndex(text);
    for (const heading of model.headings) {
      expect(index.pointAt(heading.range.start.offset)).toEqual(heading.range.start);
      expect(index.pointAt(heading.range.end.offset)).toEqual(heading.range.end);
    }
  });
});

describe("byte order mark in a document", () => {
  // Same layout as the spec's B14 input, written fresh: a BOM, a title, a section, an
  // evidence line and a link to an asset that is not defined.
  const inline = "\ufeff# Threat Model: Lockers\n\n## Assets\n\n**Found in repo**: src/lock.ts\n\nSee [**AS-0001**](#AS-0001).\n";

  function checkBom(text: string): void {
    const model = parseThreatModel(text);
    expect(model.hasBom).toBe(true);
    expect(model.text.charCodeAt(0)).not.toBe(0xfeff);
    expect(model.title?.range.start).toEqual({ line: 1, column: 1, offset: 0 });
    expect(model.root.children[0]?.type).toBe("heading");
    const link = model.fragmentLinks[0];
    expect(link).toBeDefined();
    if (!link) return;
    // Offsets index the text without the BOM, so slicing it gives the link's own source.
    expect(model.text.slice(link.range.start.offset, link.range.end.offset)).toBe("[**AS-0001**](#AS-0001)");
    expect(at(link.range)).toBe("7:5-7:28");
  }

  it("reads the inline document", () => {
    checkBom(inline);
    expect(brokenLinks(inline)).toEqual(["7:5-7:28 missingEntity"]);
  });

  const file = edgeInput("B14.md");
  it.skipIf(file === undefined)(`reads edge input B14 (${file === undefined ? EDGE_SKIP : "present"})`, () => {
    checkBom(file as string);
  });
});

describe("CRLF and lone CR in a document", () => {
  // Same layout as the spec's B15 input, written fresh: CRLF throughout, one lone CR inside
  // the evidence paragraph, and a two-row table at the end.
  const inline = [
    "# Threat Model",
    "",
    "## Threats",
    "",
    "**Found in repo**: src/session.ts",
    "line two after CRLF\rline three after a lone CR",
    "",
    "| ID | Threat |",
    "| --- | --- |",
    "| T-0001 | Fixation |",
    "",
  ].join("\r\n");

  function checkLineEndings(text: string, statement: string): void {
    const model = parseThreatModel(text);
    const row = model.tables[0]?.rows[0];
    expect(row?.range.start.line).toBe(11);
    expect(row?.cells[0]?.text).toBe("T-0001");
    expect(row?.cells[1]?.text).toBe(statement);
    const paragraph = model.root.children[2] as Paragraph;
    expect(paragraph.type).toBe("paragraph");
    expect(paragraph.position?.start.line).toBe(5);
    expect(paragraph.position?.end.line).toBe(7);
    // Text values keep the line endings as written.
    const last = paragraph.children[paragraph.children.length - 1];
    const value = last?.type === "text" ? last.value : "";
    expect(value).toContain("\r\n");
    expect(value).toMatch(/[^\n]\r[^\n]/);
  }

  it("reads the inline document", () => {
    checkLineEndings(inline, "Fixation");
  });

  const file = edgeInput("B15.md");
  it.skipIf(file === undefined)(`reads edge input B15 (${file === undefined ? EDGE_SKIP : "present"})`, () => {
    checkLineEndings(file as string, "Replay");
  });
});

describe("tabs", () => {
  // Same layout as the spec's B16 input, written fresh: a list line indented with a tab,
  // then a table whose cells contain tabs and a link to a mitigation that is not defined.
  const inline = "## Threats\n\n\t- T-0001 indented with a tab\n\n| ID\t| Threat |\n| --- | --- |\n| T-0002\t| Spoofed [**M-0001**](#M-0009) |\n";

  function checkTabs(text: string, cellText: string, link: string): void {
    const model = parseThreatModel(text);
    const code = model.root.children[1] as Code;
    // A tab at the start of a block makes an indented code block, so that ID disappears.
    expect(code.type).toBe("code");
    expect(code.position?.start.line).toBe(3);
    expect(model.entities.map((entity) => entity.id)).toEqual(["T-0002"]);

    const cell = model.tables[0]?.rows[0]?.cells[1];
    expect(cell?.text).toBe(cellText);
    const firstText = cell?.node.children[0];
    // A tab counts as one column: the text after `| T-0002<tab>| ` starts at column 12.
    expect(firstText?.position?.start).toMatchObject({ line: 7, column: 12 });
    expect(brokenLinks(text)).toEqual([`${link} missingEntity`]);
  }

  it("reads the inline document", () => {
    checkTabs(inline, "Spoofed M-0001", "7:20-7:41");
  });

  const file = edgeInput("B16.md");
  it.skipIf(file === undefined)(`reads edge input B16 (${file === undefined ? EDGE_SKIP : "present"})`, () => {
    checkTabs(file as string, "Replay M-0001", "7:19-7:40");
  });

  it("counts a tab in a header cell as one column", () => {
    const model = parseThreatModel("| ID\t| Threat |\n| --- | --- |\n");
    expect(model.tables[0]?.columns.map((column) => at(column.range))).toEqual(["1:3-1:5", "1:8-1:14"]);
  });
});

describe("UTF-16 columns", () => {
  // 威 and 胁 are one UTF-16 unit and three UTF-8 bytes each; 🔥 and 𝒳 are astral: two
  // UTF-16 units, one code point and four UTF-8 bytes each.
  const line = "威胁 🔥 𝒳 [x](#missing)";
  const text = `${line}\n`;

  it("counts columns in UTF-16 code units", () => {
    const model = parseThreatModel(text);
    expect(model.fragmentLinks.map((link) => at(link.range))).toEqual(["1:10-1:23"]);
  });

  it("differs from code points and bytes", () => {
    const before = line.slice(0, line.indexOf("["));
    expect(before.length + 1).toBe(10);
    expect([...before].length + 1).toBe(8);
    expect(Buffer.byteLength(before, "utf8") + 1).toBe(18);
  });

  it("counts CJK table cells in UTF-16", () => {
    const model = parseThreatModel("| 编号 | 威胁 🔥 |\n| --- | --- |\n| T-0001 | 重放 𝒳 |\n");
    expect(model.tables[0]?.rows[0]?.cells.map((cell) => at(cell.range))).toEqual(["3:3-3:9", "3:12-3:17"]);
  });
});
