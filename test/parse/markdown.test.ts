/**
 * The parser runs with exactly GFM and front matter: the GFM constructs are read, and
 * syntax from other extensions (directives, math, wiki links) stays text, so that it
 * cannot change a heading's slug.
 */

import type { Nodes } from "mdast";
import { visit } from "unist-util-visit";
import { describe, expect, it } from "vitest";
import { PARSER_EXTENSIONS, parseMarkdown } from "../../src/parse/markdown.js";
import { parseThreatModel } from "../../src/parse/model.js";
import { md } from "../helpers.js";

function nodeTypes(text: string): Set<string> {
  const types = new Set<string>();
  visit(parseMarkdown(text), (node: Nodes) => {
    types.add(node.type);
  });
  return types;
}

describe("parser extensions", () => {
  it("lists gfm and front matter only", () => {
    expect([...PARSER_EXTENSIONS]).toEqual(["gfm", "frontmatter:yaml", "frontmatter:toml"]);
  });

  const gfm: [string, string, string][] = [
    // [construct, Markdown, node type]
    ["table", md("| a |", "| - |"), "table"],
    ["strikethrough", "~~old~~\n", "delete"],
    ["autolink literal", "see www.example.com\n", "link"],
    ["footnote", md("a[^1]", "", "[^1]: note"), "footnoteDefinition"],
    ["task list", "- [x] done\n", "listItem"],
    ["YAML front matter", "---\na: 1\n---\n", "yaml"],
  ];

  it.each(gfm)("reads a %s", (_construct, text, type) => {
    expect(nodeTypes(text).has(type)).toBe(true);
  });

  it("reads a task list item as checked", () => {
    const root = parseMarkdown("- [x] done\n");
    const list = root.children[0];
    expect(list?.type === "list" ? list.children[0]?.checked : undefined).toBe(true);
  });

  const foreign: [string, string][] = [
    // [construct, Markdown]
    ["text directive", "a :exists[x] b\n"],
    ["container directive", ":::note\nbody\n:::\n"],
    ["inline math", "area $x^2$ here\n"],
    ["wiki link", "see [[Threats]]\n"],
  ];

  it.each(foreign)("leaves a %s as text", (_construct, text) => {
    expect([...nodeTypes(text)].sort()).toEqual(["paragraph", "root", "text"]);
  });

  // A directive extension would read `:exists` as syntax and change the slug.
  it("slugs a heading with colon words as text", () => {
    const model = parseThreatModel(md("## Check :exists and :lock: here"));
    expect(model.headings[0]?.text).toBe("Check :exists and :lock: here");
    expect(model.headings[0]?.slug).toBe("check-exists-and-lock-here");
  });
});
