import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseTcJson } from "../../src/tcjson/document.js";
import { isThreatComposerFile, lintTcJsonText } from "../../src/tcjson/lint.js";
import { CORPUS_SKIP_REASON, corpusDir, md } from "../helpers.js";
import { lintText } from "../../src/lint.js";

describe("isThreatComposerFile", () => {
  it("takes every .tc.json file", () => {
    expect(isThreatComposerFile("a/model.tc.json")).toBe(true);
    expect(isThreatComposerFile("a/MODEL.TC.JSON", "not json")).toBe(true);
  });

  it("takes a .json file whose content is a ThreatComposer workspace", () => {
    expect(isThreatComposerFile("GenAI_ThreatComposer.json", '{"schema": 1, "threats": []}')).toBe(true);
  });

  it("leaves other JSON and other files alone", () => {
    expect(isThreatComposerFile("package.json", '{"name": "x", "version": "1.0.0"}')).toBe(false);
    expect(isThreatComposerFile("schema.json", '{"schema": 1}')).toBe(false);
    expect(isThreatComposerFile("broken.json", "{")).toBe(false);
    expect(isThreatComposerFile("model.md", '{"schema": 1, "threats": []}')).toBe(false);
  });
});

describe("lintTcJsonText", () => {
  it("runs only tc-json rules", () => {
    const result = lintTcJsonText('{"schema": 1, "threats": [{"id": "t", "numericId": 1, "status": "Open"}]}', "x.tc.json");
    expect(result.diagnostics.map((diagnostic) => [diagnostic.ruleId, diagnostic.severity])).toEqual([["tc-json-schema", "error"]]);
    expect(result.errorCount).toBe(1);
  });

  it("reports invalid JSON even with tc-json-schema off", () => {
    const result = lintTcJsonText('{"schema": 1 "threats": []}', "x.tc.json", { rules: { "tc-json-schema": "off" } });
    expect(result.diagnostics.map((diagnostic) => [diagnostic.ruleId, diagnostic.message, diagnostic.range.start.column])).toEqual([
      ["tc-json-schema", "File is not valid JSON: expected `,` between items (found `\"threats\"`).", 14],
    ]);
  });

  it("never runs tc-json rules on Markdown", () => {
    const result = lintText(md("# Shop", "", "## Threats", "", "| Threat Number | Threat |", "| --- | --- |", "| T-0001 | x |"), {
      rules: { "tc-json-schema": "error", "tc-json-links": "error" },
    });
    expect(result.diagnostics.filter((diagnostic) => diagnostic.ruleId.startsWith("tc-json-"))).toEqual([]);
  });
});

/** Lints JSON text and returns each finding as `line:column-endColumn message`. */
function findings(text: string): string[] {
  return lintTcJsonText(text, "x.tc.json").diagnostics.map(
    (diagnostic) => `${diagnostic.range.start.line}:${diagnostic.range.start.column}-${diagnostic.range.end.column} ${diagnostic.message}`,
  );
}

const DOUBLE_RANGE = "use a number between -1.7976931348623157e+308 and 1.7976931348623157e+308.";

describe("tc-json-schema on numbers out of range", () => {
  it("names the literal as written", () => {
    expect(findings('{"schema":1,"threats":[{"id":"a","numericId":1e400,"statement":"x"}]}')).toEqual([
      `1:46-51 threats[0].numericId: number \`1e400\` is out of range, so JavaScript reads it as Infinity; ${DOUBLE_RANGE}`,
    ]);
  });

  it("names a negative literal where another value is expected", () => {
    expect(findings('{"schema": -1e400}')).toEqual([
      `1:12-18 schema: number \`-1e400\` is out of range, so JavaScript reads it as -Infinity; ${DOUBLE_RANGE}`,
    ]);
  });

  it("shows a top-level number as Infinity", () => {
    expect(findings("1e400")).toEqual(["1:1-6 (top level): `Infinity` is a number; use an object or an array."]);
  });
});

describe("tc-json-schema on duplicate keys", () => {
  it("reports the second key with the line of the first", () => {
    expect(findings('{"schema":1,"schema":2}')).toEqual([
      "1:13-21 Key `schema` is duplicated (first at line 1); JSON.parse keeps only this last value, so remove or rename the other.",
      "1:22-23 schema: version `2` is not supported; ThreatComposer imports only version 1, so write `\"schema\": 1`.",
    ]);
  });

  it("lists every earlier line of a key written three times", () => {
    expect(findings('{"schema":1,\n"schema":1,\n"schema":1}')).toEqual([
      "3:1-9 Key `schema` is duplicated (also at lines 1 and 2); JSON.parse keeps only this last value, so remove or rename the others.",
    ]);
  });

  it("names the object of a nested duplicate", () => {
    const text = '{"schema": 1, "threats": [{"id": "a", "numericId": 1, "statement": "x",\n "numericId": "2"}]}';
    expect(findings(text)).toEqual([
      "2:2-13 threats[0]: key `numericId` is duplicated (first at line 1); JSON.parse keeps only this last value, so remove or rename the other.",
      '2:15-18 threats[0].numericId: `"2"` is a string; use a number.',
    ]);
  });
});

describe("tc-json-schema on a truncated file", () => {
  it("names every unclosed container in one finding", () => {
    expect(findings('{ "schema": 1, "threats": [ ')).toEqual([
      "1:29-29 File is not valid JSON: the file ends inside the `threats` array and the top-level object; close them with `]}`.",
    ]);
  });

  it("names nested objects by their path", () => {
    expect(findings('{"threats":[{"id":"a"},{"x":[')).toEqual([
      "1:30-30 File is not valid JSON: the file ends inside the `threats[1].x` array, the `threats[1]` object, the `threats` array and the top-level object; close them with `]}]}`.",
    ]);
  });

  it("says what is missing before the closers", () => {
    expect(findings('{"a": ')).toEqual([
      "1:7-7 File is not valid JSON: the file ends where a value is expected, inside the top-level object; add the value and close it with `}`.",
    ]);
    expect(findings('{"a"')).toEqual([
      "1:5-5 File is not valid JSON: the file ends where `:` is expected, inside the top-level object; add `:` and the value, and close it with `}`.",
    ]);
    expect(findings('[1, ')).toEqual([
      "1:5-5 File is not valid JSON: the file ends after a `,` inside the top-level array; add the next item or remove the comma, and close it with `]`.",
    ]);
  });

  it("keeps an unterminated string as its own finding", () => {
    expect(findings('{"a": "xy')).toEqual([
      '1:7-10 File is not valid JSON: unterminated string; close it with `"` (found `"xy`).',
      "1:10-10 File is not valid JSON: the file ends inside the top-level object; close it with `}`.",
    ]);
  });

  it("keeps the message for an empty file", () => {
    expect(findings("")).toEqual(["1:1-1 File is not valid JSON: expected a value (found the end of the file)."]);
  });
});

describe("parseTcJson", () => {
  it("finds the range of a key, a value and an object start", () => {
    const json = parseTcJson('{\n  "threats": [\n    { "id": "a" }\n  ]\n}');
    expect(json.rangeAt(["threats", 0, "id"])).toMatchObject({ start: { line: 3, column: 13 }, end: { line: 3, column: 16 } });
    expect(json.rangeAt(["threats", 0, "id"], "key")).toMatchObject({ start: { line: 3, column: 7 }, end: { line: 3, column: 11 } });
    expect(json.rangeAt(["threats", 0], "start")).toMatchObject({ start: { line: 3, column: 5 }, end: { line: 3, column: 6 } });
  });

  it("finds the last duplicate key", () => {
    const json = parseTcJson('{"schema": 1, "schema": 2}');
    expect(json.rangeAt(["schema"])).toMatchObject({ start: { column: 25 }, end: { column: 26 } });
    expect(json.rangeAt(["schema"], "key")).toMatchObject({ start: { column: 15 }, end: { column: 23 } });
  });

  it("falls back to the nearest existing ancestor", () => {
    const json = parseTcJson('{"threats": []}');
    expect(json.rangeAt(["threats", 4, "id"])).toMatchObject({ start: { line: 1, column: 13 }, end: { line: 1, column: 15 } });
  });
});

describe.skipIf(corpusDir === undefined)(`ThreatComposer files of the corpus (${corpusDir === undefined ? CORPUS_SKIP_REASON : "tc-json/"})`, () => {
  const folder = join(corpusDir ?? "", "tc-json");
  const files = corpusDir === undefined ? [] : readdirSync(folder);
  /** The files with links to IDs they do not define: 10 assumption links and 4 mitigation links each. */
  const DANGLING = new Set(["ThreatComposer.tc.json", "ThreatComposerWorkspace-reinforce2024-ex1.tc.json", "ThreatComposerWorkspace-reinforce2024-ex2.tc.json"]);

  it.each(files)("%s has no errors", (name) => {
    const text = readFileSync(join(folder, name), "utf8");
    expect(isThreatComposerFile(name, text)).toBe(true);
    const result = lintTcJsonText(text, name);
    expect(result.diagnostics.filter((diagnostic) => diagnostic.severity === "error")).toEqual([]);

    const warnings = result.diagnostics.filter((diagnostic) => diagnostic.severity === "warning");
    expect(warnings.every((diagnostic) => diagnostic.ruleId === "tc-json-links" && diagnostic.messageId === "dangling")).toBe(true);
    if (!DANGLING.has(name)) {
      expect(warnings).toEqual([]);
      return;
    }
    // A link whose two ends are both missing gives two warnings, so count the links.
    const links = new Set(warnings.map((diagnostic) => diagnostic.message.replace(/\.(?:assumptionId|mitigationId|linkedId):.*$/, "")));
    expect([...links].filter((link) => link.startsWith("assumptionLinks")).length).toBe(10);
    expect([...links].filter((link) => link.startsWith("mitigationLinks")).length).toBe(4);
  });
});
