/**
 * Front matter is parsed in place with remark-frontmatter, so every later position stays in
 * file coordinates. A leading thematic break must not be read as front matter.
 */

import type { Root } from "mdast";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { describe, expect, it } from "vitest";
import xrefTargetExists from "../../rules/xref-target-exists.js";
import { parseMarkdown } from "../../src/parse/markdown.js";
import { parseThreatModel } from "../../src/parse/model.js";
import type { Range } from "../../src/types.js";
import { findings } from "../helpers.js";

function at(range: Range | undefined): string {
  if (!range) return "none";
  return `${range.start.line}:${range.start.column}-${range.end.line}:${range.end.column}`;
}

function shape(root: Root): string[] {
  return root.children.map((node) => `${node.type}${"depth" in node ? node.depth : ""}@${at(node.position as Range)}`);
}

describe("blank lines after front matter", () => {
  const cases: [number, number][] = [
    // [blank lines after the closing fence, line of the broken link]
    [2, 8],
    [1, 7],
    [0, 6],
  ];

  it.each(cases)("with %i blank lines puts the link on line %i", (blankLines, line) => {
    const text = ["---", "title: Lockers threat model", "---", ...Array<string>(blankLines).fill(""), "## Threats", "", "Link to [**T-0007**](#T-0007).", ""].join("\n");
    expect(findings(xrefTargetExists, text)).toEqual([
      {
        messageId: "missingEntity",
        message: "Threat `T-0007` is linked but not defined; add it to the Threats table or fix the link.",
        line,
        column: 9,
        endLine: line,
        endColumn: 30,
      },
    ]);
    expect(parseThreatModel(text).section("threats")?.heading.range.start.line).toBe(line - 2);
  });
});

describe("front matter versus headings", () => {
  const text = "---\ntitle: Lockers threat model\nowner: platform\n---\n\n# Threat Model\n\n## Assets\n";

  it("reads YAML front matter as one node", () => {
    const model = parseThreatModel(text);
    expect(shape(model.root)).toEqual(["yaml@1:1-4:4", "heading1@6:1-6:15", "heading2@8:1-8:10"]);
    expect(model.title?.text).toBe("Threat Model");
    expect(model.sections.map((section) => [section.kind, section.heading.range.start.line])).toEqual([["impacted-assets", 8]]);
  });

  // Without the extension the fence becomes a thematic break and the YAML a setext heading.
  it("needs the front matter extension", () => {
    const bare = unified().use(remarkParse).use(remarkGfm).parse(text);
    expect(shape(bare)).toEqual(["thematicBreak@1:1-1:4", "heading2@2:1-4:4", "heading1@6:1-6:15", "heading2@8:1-8:10"]);
  });

  it("reads front matter after a byte order mark", () => {
    const model = parseThreatModel(`\ufeff${text}`);
    expect(shape(model.root)).toEqual(["yaml@1:1-4:4", "heading1@6:1-6:15", "heading2@8:1-8:10"]);
  });

  it.each([
    ["CRLF", "\r\n"],
    ["CR", "\r"],
  ])("reads front matter with %s line endings", (_name, eol) => {
    const model = parseThreatModel(text.replace(/\n/g, eol));
    expect(shape(model.root)).toEqual(["yaml@1:1-4:4", "heading1@6:1-6:15", "heading2@8:1-8:10"]);
  });

  it("reads TOML front matter", () => {
    expect(shape(parseMarkdown("+++\ntitle = 'Lockers'\n+++\n# Threat Model\n"))).toEqual(["toml@1:1-3:4", "heading1@4:1-4:15"]);
  });

  // Front matter starts on the first line; after a blank line the dashes are a thematic
  // break and the YAML lines a setext heading, as CommonMark reads them.
  it("reads dashes after a blank first line as a thematic break", () => {
    expect(shape(parseMarkdown("\n---\ntitle: x\n---\n"))).toEqual(["thematicBreak@2:1-2:4", "heading2@3:1-4:4"]);
  });
});

describe("a thematic break at the start", () => {
  it("is no front matter when a blank line follows it", () => {
    const model = parseThreatModel("---\n\n# Threat Model\n\n## Threats\n");
    expect(shape(model.root)).toEqual(["thematicBreak@1:1-1:4", "heading1@3:1-3:15", "heading2@5:1-5:11"]);
    expect(model.title?.text).toBe("Threat Model");
  });

  // remark-frontmatter alone reads everything up to the second break as YAML and so
  // swallows the title and the first section.
  it("keeps the headings before a second break", () => {
    const model = parseThreatModel("---\n\n# Threat Model\n\n## Threats\n\n---\n\n## Mitigations\n");
    expect(shape(model.root)).toEqual([
      "thematicBreak@1:1-1:4",
      "heading1@3:1-3:15",
      "heading2@5:1-5:11",
      "thematicBreak@7:1-7:4",
      "heading2@9:1-9:15",
    ]);
    expect(model.sections.map((section) => section.kind)).toEqual(["threats", "mitigations"]);
  });

  it.each([
    ["CRLF", "\r\n"],
    ["CR", "\r"],
  ])("keeps the headings with %s line endings", (_name, eol) => {
    const model = parseThreatModel(["---", "", "# Threat Model", "", "---", ""].join(eol));
    expect(shape(model.root)).toEqual(["thematicBreak@1:1-1:4", "heading1@3:1-3:15", "thematicBreak@5:1-5:4"]);
  });
});
