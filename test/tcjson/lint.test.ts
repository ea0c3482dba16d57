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

describe("parseTcJson", () => {
  it("finds the range of a key, a value and an object start", () => {
    const json = parseTcJson('{\n  "threats": [\n    { "id": "a" }\n  ]\n}');
    expect(json.rangeAt(["threats", 0, "id"])).toMatchObject({ start: { line: 3, column: 13 }, end: { line: 3, column: 16 } });
    expect(json.rangeAt(["threats", 0, "id"], "key")).toMatchObject({ start: { line: 3, column: 7 }, end: { line: 3, column: 11 } });
    expect(json.rangeAt(["threats", 0], "start")).toMatchObject({ start: { line: 3, column: 5 }, end: { line: 3, column: 6 } });
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
