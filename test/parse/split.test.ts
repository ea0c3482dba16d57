import { isDeepStrictEqual } from "node:util";
import { describe, expect, it } from "vitest";
import { parseMarkdown, parseMarkdownWhole } from "../../src/parse/markdown.js";
import { splitPoints, TABLE_ROW_GROUP } from "../../src/parse/split.js";

/** A table of `rows` threat rows with a blank line before and after it. */
function table(rows: number, first = 1): string {
  const lines = ["| Threat Number | Threat | Priority |", "| --- | --- | :-: |"];
  for (let i = first; i < first + rows; i++) {
    lines.push(`| <a id="T-${i}"></a>T-${i} | A user who can do ${i} things, which leads to *loss* | [High](#h) |`);
  }
  return lines.join("\n") + "\n\n";
}

/** A document whose parts exercise each block a heading line cannot end. */
function document(newline: string): string {
  const text = [
    "---\ntitle: Split test\n---\n\n# Title\n\n",
    "## Application Info\n\nSome text.\n\n",
    "```text\n## not a heading inside a fence\n```\n\n",
    "<!--\n## not a heading inside a comment\n-->\n\n",
    "<details>\n## not a heading inside an HTML block\n</details>\n\n",
    "## Threats\n\n",
    table(1234),
    "Text after the table.\n\n",
    "## Mitigations\n\nA paragraph\n## interrupted by a heading\n\n",
    "> quoted\n## after a quote\n\n",
    table(20, 5000).trimEnd() + "\n",
  ].join("");
  return text.replace(/\n/g, newline);
}

describe("splitting at top-level headings", () => {
  it.each([
    ["LF", "\n"],
    ["CRLF", "\r\n"],
    ["CR", "\r"],
  ])("gives the same tree as one parse with %s line endings", (_name, newline) => {
    const text = document(newline);
    expect(splitPoints(text, 64).length).toBeGreaterThan(4);
    expect(isDeepStrictEqual(parseMarkdown(text, 64), parseMarkdownWhole(text))).toBe(true);
  });

  it("parses a long table in groups of rows", () => {
    const text = document("\n");
    const grouped = splitPoints(text, 64).filter((point) => point.tablePrefix !== undefined);
    // The 1,234-row table: its first group follows the header, each later group is a part.
    expect(grouped.length).toBe(Math.ceil(1234 / TABLE_ROW_GROUP) - 1);
  });

  it("does not cut inside a fence, a comment or an HTML block", () => {
    const text = document("\n");
    const cuts = splitPoints(text, 64).map((point) => text.slice(point.offset, text.indexOf("\n", point.offset)));
    expect(cuts.filter((line) => line.includes("not a heading"))).toEqual([]);
  });

  it("does not cut a document with reference definitions", () => {
    const text = "# A\n\n" + "x\n".repeat(70000) + "## B\n\n[ref]: #a\n";
    expect(splitPoints(text, 64)).toHaveLength(1);
  });

  it("does not cut inside unclosed front matter", () => {
    const text = "---\ntitle: x\n\n## B\n\n" + "y\n".repeat(70000);
    expect(splitPoints(text, 64)).toHaveLength(1);
  });
});
