/**
 * Anchors: heading slugs as GitHub makes them (github-slugger 2), explicit `id` and `name`
 * attributes, fragment decoding, and the case policy that xref-target-exists applies.
 */

import { describe, expect, it } from "vitest";
import rule from "../../rules/xref-target-exists.js";
import { decodeFragment } from "../../src/parse/cells.js";
import { parseThreatModel } from "../../src/parse/model.js";
import type { Anchor, Range } from "../../src/types.js";
import { findings, md } from "../helpers.js";

function at(range: Range | undefined): string {
  if (!range) return "none";
  return `${range.start.line}:${range.start.column}-${range.end.line}:${range.end.column}`;
}

function anchorsOf(text: string): [string, Anchor["kind"], string][] {
  return parseThreatModel(text).anchors.map((anchor) => [anchor.name, anchor.kind, at(anchor.range)]);
}

describe("heading slugs", () => {
  const cases: [string, string][] = [
    // [heading text as written, slug]
    ["Details", "details"],
    ["`--strict` mode", "--strict-mode"],
    [":lock: Auth flow", "lock-auth-flow"],
    ["🔥 Hot path", "-hot-path"],
    ["T-0001: Spoofing (STRIDE/S)", "t-0001-spoofing-strides"],
    ["Übersicht", "übersicht"],
    ["Datenfluss & Vertrauensgrenzen", "datenfluss--vertrauensgrenzen"],
    ["威胁 模型", "威胁-模型"],
    ["Heading <em>with</em> HTML", "heading-with-html"],
    ["**Bold** and _emphasis_", "bold-and-emphasis"],
    ["[Linked](https://example.com) title", "linked-title"],
    ["- leading hyphen", "--leading-hyphen"],
    ["Trailing space   ", "trailing-space"],
    ["Section 3: Dataflow", "section-3-dataflow"],
  ];

  it.each(cases)("slugs `%s` as `%s`", (heading, slug) => {
    const model = parseThreatModel(md(`## ${heading}`));
    expect(model.headings.map((info) => info.slug)).toEqual([slug]);
    expect(model.anchors).toEqual([{ name: slug, kind: "heading", range: model.headings[0]?.range }]);
  });

  // GitHub slugs the heading's text content, where `<br>` adds nothing and a setext
  // heading keeps its line ending, which the slugger then drops.
  it("slugs a heading with a br tag", () => {
    const model = parseThreatModel(md("## Foo<br>Bar"));
    expect(model.headings[0]?.text).toBe("Foo Bar");
    expect(model.headings[0]?.slug).toBe("foobar");
  });

  it("slugs a setext heading over two lines", () => {
    const model = parseThreatModel(md("Foo", "Bar", "==="));
    expect(model.headings[0]?.text).toBe("Foo Bar");
    expect(model.headings[0]?.slug).toBe("foobar");
  });

  it("numbers duplicates with the collision loop", () => {
    const model = parseThreatModel(md("## Details", "", "## Details", "", "## Details-1", "", "### Details"));
    expect(model.headings.map((info) => info.slug)).toEqual(["details", "details-1", "details-1-1", "details-2"]);
  });

  it("uses a fresh slugger for each file", () => {
    const text = md("## Details", "", "## Details");
    const first = parseThreatModel(text).headings.map((info) => info.slug);
    const second = parseThreatModel(text).headings.map((info) => info.slug);
    expect(second).toEqual(first);
    expect(second).toEqual(["details", "details-1"]);
  });

  it("slugs headings inside containers", () => {
    const model = parseThreatModel(md("> ## Quoted", "", "- item", "", "  ## In a list"));
    expect(model.headings.map((info) => [info.slug, at(info.range)])).toEqual([
      ["quoted", "1:3-1:12"],
      ["in-a-list", "5:3-5:15"],
    ]);
  });
});

describe("HTML anchors", () => {
  // An `<a>` line is a paragraph with inline HTML, so the anchor sits at the opening tag.
  // A `<div>` line is an HTML block, and the anchor sits at the whole block.
  const forms: [string, string, Anchor["kind"], string][] = [
    // [markup, anchor name, kind, position]
    ['<a id="T-0001"></a>', "T-0001", "html-id", "1:1-1:16"],
    ["<a id='T-0001'></a>", "T-0001", "html-id", "1:1-1:16"],
    ["<a id=T-0001></a>", "T-0001", "html-id", "1:1-1:14"],
    ['<A ID="T-0001"></A>', "T-0001", "html-id", "1:1-1:16"],
    ['<a Id = "T-0001"></a>', "T-0001", "html-id", "1:1-1:18"],
    ['<a name="T-0001"></a>', "T-0001", "html-name", "1:1-1:18"],
    ["<A NAME=T-0001></A>", "T-0001", "html-name", "1:1-1:16"],
    ['<div id="T-0001"></div>', "T-0001", "html-id", "1:1-1:24"],
    ['<span id="T-0001"/>', "T-0001", "html-id", "1:1-1:20"],
  ];

  it.each(forms)("reads %s on its own line", (markup, name, kind, position) => {
    expect(anchorsOf(md(markup))).toEqual([[name, kind, position]]);
  });

  it.each(forms)("reads %s inline in a paragraph", (markup, name, kind, _position) => {
    const anchors = anchorsOf(md(`See ${markup} here.`));
    expect(anchors.map(([anchorName, anchorKind]) => [anchorName, anchorKind])).toEqual([[name, kind]]);
  });

  it("reads an anchor inside a heading", () => {
    expect(anchorsOf(md('## <a id="intro"></a>Introduction'))).toEqual([
      ["intro", "html-id", "1:4-1:18"],
      ["introduction", "heading", "1:1-1:34"],
    ]);
  });

  it("reads an anchor inside a table cell", () => {
    const text = md("| ID | Name |", "| --- | --- |", '| <a name="AS-0001"></a>AS-0001 | Tokens |');
    expect(anchorsOf(text)).toEqual([["AS-0001", "html-name", "3:3-3:21"]]);
  });

  it("reads both attributes of one element", () => {
    expect(anchorsOf(md('<a id="one" name="two"></a>')).map(([name, kind]) => [name, kind])).toEqual([
      ["one", "html-id"],
      ["two", "html-name"],
    ]);
  });

  // Browsers scroll to a `name` only on `<a>`; on other elements it is no target.
  it("ignores name on elements other than a", () => {
    expect(anchorsOf(md('<span name="T-0001"></span>'))).toEqual([]);
  });

  it("ignores closing tags, comments and code", () => {
    const text = md("<!-- <a id=\"hidden\"></a> -->", "", "`<a id=\"code\"></a>`", "", "```html", '<a id="fenced"></a>', "```");
    expect(anchorsOf(text)).toEqual([]);
  });
});

describe("fragment decoding", () => {
  const cases: [string, string | undefined][] = [
    // [URL, decoded fragment]
    ["#T-0001", "T-0001"],
    ["#%C3%BCbersicht", "übersicht"],
    ["#u%CC%88bersicht", "übersicht"],
    ["#%ZZ", "%ZZ"],
    ["#", ""],
    ["other.md#T-0001", undefined],
    ["https://example.com/#x", undefined],
  ];

  it.each(cases)("decodes %s", (url, fragment) => {
    expect(decodeFragment(url)).toBe(fragment);
  });
});

describe("links against anchors", () => {
  it("finds only the missing duplicate slug", () => {
    const text = md(
      "## Details",
      "",
      "## Details",
      "",
      "## Details-1",
      "",
      "See [second](#details-1) and [third](#details-1-1); [bad](#details-2) is broken.",
    );
    expect(findings(rule, text)).toEqual([
      {
        messageId: "missingAnchor",
        message: "Link fragment `#details-2` matches no heading or anchor in this file; fix the fragment or add the target.",
        line: 7,
        column: 53,
        endLine: 7,
        endColumn: 70,
      },
    ]);
  });

  it("resolves emoji, shortcode and code headings", () => {
    const text = md(
      "## `--strict` mode",
      "",
      "## :lock: Auth flow",
      "",
      "## 🔥 Hot path",
      "",
      "[a](#--strict-mode) [b](#lock-auth-flow) [c](#-hot-path) [d](#strict-mode)",
    );
    expect(findings(rule, text).map((finding) => [finding.messageId, finding.column])).toEqual([["missingAnchor", 58]]);
  });

  it("resolves non-ASCII and ampersand headings, encoded or not", () => {
    const text = md(
      "## Übersicht",
      "",
      "## Datenfluss & Vertrauensgrenzen",
      "",
      "[a](#übersicht) [b](#%C3%BCbersicht) [c](#datenfluss--vertrauensgrenzen) [d](#datenfluss-vertrauensgrenzen)",
    );
    expect(findings(rule, text).map((finding) => finding.message)).toEqual([
      "Link fragment `#datenfluss-vertrauensgrenzen` matches no heading or anchor in this file; fix the fragment or add the target.",
    ]);
  });

  // Policy: explicit anchors and heading slugs match exactly; a match that needs case
  // folding gets its own message, since only GitHub's script resolves it.
  it("applies the case policy to ids and slugs", () => {
    const text = md(
      '<a id="T-0001"></a>',
      "",
      "### T-0001: Token replay",
      "",
      "[**T-0001**](#T-0001) [**T-0001**](#t-0001-token-replay) [**T-0001**](#T-0001-Token-Replay) [**T-0001**](#t-0001)",
    );
    expect(findings(rule, text)).toEqual([
      {
        messageId: "caseMismatch",
        message: "Link fragment `#T-0001-Token-Replay` matches `t-0001-token-replay` only when case is ignored; write `#t-0001-token-replay`.",
        line: 5,
        column: 58,
        endLine: 5,
        endColumn: 92,
      },
      {
        messageId: "caseMismatch",
        message: "Link fragment `#t-0001` matches `T-0001` only when case is ignored; write `#T-0001`.",
        line: 5,
        column: 93,
        endLine: 5,
        endColumn: 114,
      },
    ]);
  });

  it("resolves a link to an anchor inside a heading", () => {
    const text = md('## <a id="intro"></a>Introduction', "", "[Up](#intro) [Again](#introduction)");
    expect(findings(rule, text)).toEqual([]);
  });

  it("collects a fragment link written inside a heading", () => {
    const model = parseThreatModel(md("## About [T-0001](#T-0001)"));
    expect(model.fragmentLinks.map((link) => [link.fragment, at(link.range)])).toEqual([["T-0001", "1:10-1:27"]]);
  });
});
