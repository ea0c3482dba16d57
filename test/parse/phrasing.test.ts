/**
 * The one walk over phrasing content that cell pieces and text runs share.
 */

import type { Paragraph, PhrasingContent } from "mdast";
import { describe, expect, it } from "vitest";
import { proseOf, textRuns } from "../../src/content-util.js";
import { flattenPhrasing, walkPhrasing } from "../../src/parse/cells.js";
import { parseMarkdown } from "../../src/parse/markdown.js";
import { parseThreatModel } from "../../src/parse/model.js";

/** Parses one paragraph and returns its phrasing content. */
function phrasing(text: string): PhrasingContent[] {
  const paragraph = parseMarkdown(text).children[0] as Paragraph;
  expect(paragraph.type).toBe("paragraph");
  return paragraph.children;
}

const MIXED = "a *b **c*** `d`<br>[e *f*](#T-0001) ![g](g.png) ~~h~~[^1]\n\n[^1]: note";

describe("walkPhrasing", () => {
  it("visits leaves in reading order without entering links", () => {
    const visited: string[] = [];
    walkPhrasing(phrasing(MIXED), (node) => {
      visited.push(node.type === "link" || node.type === "image" ? node.type : `${node.type}:${node.value}`);
    });
    expect(visited).toEqual(["text:a ", "text:b ", "text:c", "text: ", "inlineCode:d", "html:<br>", "link", "text: ", "image", "text: ", "text:h"]);
  });

  it("enters a link when the visitor asks", () => {
    const visited: string[] = [];
    walkPhrasing(phrasing("[e *f*](#T-0001) g"), (node) => {
      if (node.type === "text") visited.push(node.value);
      return node.type === "link";
    });
    expect(visited).toEqual(["e ", "f", " g"]);
  });

  it("walks emphasis nested 20,000 levels deep", () => {
    let node: PhrasingContent = { type: "text", value: "deep" };
    for (let depth = 0; depth < 20_000; depth++) node = { type: "emphasis", children: [node] };
    const visited: string[] = [];
    walkPhrasing([node], (leaf) => {
      if (leaf.type === "text") visited.push(leaf.value);
    });
    expect(visited).toEqual(["deep"]);
  });
});

describe("phrasing readers", () => {
  it("flattens a link into one piece and an image into its alt text", () => {
    const pieces = flattenPhrasing(phrasing(MIXED)).map((piece) => {
      if (piece.type === "text") return `text:${piece.value}`;
      if (piece.type === "link") return `link:${piece.link.text}`;
      if (piece.type === "html") return `html:${piece.html.value}`;
      return piece.type;
    });
    expect(pieces).toEqual(["text:a ", "text:b ", "text:c", "text: ", "text:d", "html:<br>", "break", "link:e f", "text: ", "text:g", "text: ", "text:h"]);
  });

  it("reads link text into text runs", () => {
    const model = parseThreatModel(MIXED);
    const children = phrasing(MIXED);
    expect(textRuns(model, children).map((run) => `${run.kind}:${run.value}`)).toEqual([
      "text:a ",
      "text:b ",
      "text:c",
      "text: ",
      "code:d",
      "break:\n",
      "text:e ",
      "text:f",
      "text: ",
      "text: ",
      "text:h",
    ]);
  });

  it("leaves code and images out of prose", () => {
    expect(proseOf(parseThreatModel(MIXED), phrasing(MIXED))).toBe("a b c   e f  h");
  });
});
