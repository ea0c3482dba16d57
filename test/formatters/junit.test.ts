import { describe, expect, test } from "vitest";
import junit, { escapeXml } from "../../src/formatters/junit.js";
import { fixtureContext, fixtureResults } from "./fixture.js";
import { expectGolden } from "./golden.js";

interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  text: string;
  children: XmlElement[];
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function decode(text: string): string {
  const stray = /&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.exec(text);
  if (stray) throw new Error(`unescaped & at ${stray.index} in ${JSON.stringify(text)}`);
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (_, name: string) =>
    name.startsWith("#x") ? String.fromCodePoint(parseInt(name.slice(2), 16)) : name.startsWith("#") ? String.fromCodePoint(Number(name.slice(1))) : ENTITIES[name]!,
  );
}

/**
 * Parses the XML subset the JUnit formatter writes (declaration, elements, double-quoted
 * attributes, text, the five entities and character references) and throws on anything that
 * is not well-formed XML 1.0 in that subset.
 */
function parseXml(xml: string): XmlElement {
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/.test(xml)) throw new Error("character not allowed in XML 1.0");
  const declaration = '<?xml version="1.0" encoding="UTF-8"?>\n';
  if (!xml.startsWith(declaration)) throw new Error("missing XML declaration");

  const token = /<(\/?)([A-Za-z_][\w.-]*)((?:\s+[A-Za-z_][\w.-]*="[^"<]*")*)\s*(\/?)>|([^<]+)/y;
  const root: XmlElement = { name: "#document", attributes: {}, text: "", children: [] };
  const stack: XmlElement[] = [root];
  token.lastIndex = declaration.length;

  while (token.lastIndex < xml.length) {
    const start = token.lastIndex;
    const match = token.exec(xml);
    if (!match) throw new Error(`not well-formed at ${start}: ${JSON.stringify(xml.slice(start, start + 40))}`);
    const [, closing, name, attributeText, selfClosing, text] = match;
    const current = stack.at(-1)!;
    if (text !== undefined) {
      current.text += decode(text);
      continue;
    }
    if (closing) {
      if (current.name !== name) throw new Error(`</${name}> closes <${current.name}>`);
      stack.pop();
      continue;
    }
    const attributes: Record<string, string> = {};
    for (const [, key, value] of (attributeText ?? "").matchAll(/([A-Za-z_][\w.-]*)="([^"]*)"/g)) {
      if (key! in attributes) throw new Error(`duplicate attribute ${key}`);
      attributes[key!] = decode(value!);
    }
    const element: XmlElement = { name: name!, attributes, text: "", children: [] };
    current.children.push(element);
    if (!selfClosing) stack.push(element);
  }
  if (stack.length !== 1) throw new Error(`unclosed <${stack.at(-1)!.name}>`);
  if (root.children.length !== 1) throw new Error("more than one root element");
  return root.children[0]!;
}

describe("junit formatter", () => {
  test("golden output", () => {
    expectGolden("junit.xml", junit(fixtureResults, fixtureContext()));
  });

  test("output is well-formed XML", () => {
    expect(() => parseXml(junit(fixtureResults, fixtureContext()))).not.toThrow();
  });

  test("one test case per file, one failure per error", () => {
    const suites = parseXml(junit(fixtureResults, fixtureContext()));
    const suite = suites.children.find((child) => child.name === "testsuite")!;
    const cases = suite.children.filter((child) => child.name === "testcase");
    expect(cases.map((testCase) => testCase.attributes.name)).toEqual([
      "docs/threat models/pay#1.md",
      "docs/tm.md",
      "notes/a,b: c.md",
      "C:\\work\\repo\\docs\\win.md",
      "/elsewhere/outside.md",
      "clean.md",
      "locked.md",
    ]);
    expect(cases.map((testCase) => testCase.children.filter((child) => child.name === "failure").length)).toEqual([4, 0, 1, 0, 1, 0, 0]);
    expect(cases[6]!.children.map((child) => child.name)).toEqual(["error"]);
    expect(suites.attributes).toEqual({ name: "tmlint", tests: "7", failures: "3", errors: "1" });
  });

  test("failure message attributes round-trip", () => {
    const suite = parseXml(junit(fixtureResults, fixtureContext())).children[0]!;
    const failures = suite.children[1]!.children.filter((child) => child.name === "failure");
    expect(failures.map((failure) => failure.attributes.message)).toEqual([
      "Section `Threats` is missing; add a `## Threats` heading.",
      "Threat ID `T-0001` is already defined at line 4; give this row its own ID.",
      "Link target `quota\n::warning file=README.md::injected` is not defined; add it or fix the link.",
      "Link target `\\x1b[2J\\x1b[31mred\r\\x07\\x9b` is not defined;  add it  or fix the link.",
    ]);
    expect(failures.map((failure) => failure.attributes.type)).toEqual(["section-required", "id-unique", "xref-target-exists", "xref-target-exists"]);
  });

  test("warnings are listed in system-out", () => {
    const suite = parseXml(junit(fixtureResults, fixtureContext())).children[0]!;
    const out = suite.children[2]!.children.find((child) => child.name === "system-out");
    expect(out?.text).toBe(
      "warning: docs/tm.md:3:1: Section `Assets` comes after `Threats`; move it above. [section-order] " +
        "https://github.com/tmlint/tmlint/blob/main/docs/rules/section-order.md",
    );
  });

  test("no line starts with document text", () => {
    for (const line of junit(fixtureResults, fixtureContext()).split("\n")) {
      expect(line).toMatch(/^(?:<|\s+<|$)/);
    }
  });

  test("escapeXml", () => {
    expect(escapeXml(`a<b>&"c"'d'`)).toBe("a&lt;b&gt;&amp;&quot;c&quot;&apos;d&apos;");
    expect(escapeXml("x\u0000\u001by\r\n")).toBe("x\\x00\\x1by&#13;&#10;");
    expect(escapeXml("\ud800 \uffff")).toBe("\ufffd \\uffff");
  });

  test("empty run", () => {
    const root = parseXml(junit([], fixtureContext()));
    expect(root.attributes).toEqual({ name: "tmlint", tests: "0", failures: "0", errors: "0" });
  });
});
