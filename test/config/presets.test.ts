import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { readConfigSchema, validateConfigData, validateRuleOptions } from "../../src/config/validate.js";
import { lintText } from "../../src/lint.js";
import { SECTION_ORDER } from "../../src/parse/vocabulary.js";
import { presets } from "../../src/presets.js";
import { ruleRegistry } from "../../rules/index.js";

const corpus = resolve(dirname(fileURLToPath(import.meta.url)), "../../../shared/corpus/tc-md");
const hasCorpus = existsSync(corpus);
if (!hasCorpus) console.warn(`threat-composer corpus test skipped: ${corpus} is absent.`);

describe("presets", () => {
  it("name only registered rules, with options their schemas accept", async () => {
    for (const [name, preset] of Object.entries(presets)) {
      expect(await validateConfigData({ rules: preset.rules }), name).toEqual([]);
      for (const [id, setting] of Object.entries(preset.rules)) {
        const rule = ruleRegistry.get(id);
        expect(rule, `${name}: ${id}`).toBeDefined();
        if (!rule || !Array.isArray(setting) || setting[1] === undefined) continue;
        expect(await validateRuleOptions(rule, { ...(rule.meta.defaultOptions as object), ...setting[1] }), `${name}: ${id}`).toEqual([]);
      }
    }
  });

  it("threat-composer reads ThreatComposer's anchors, statuses and grammar", () => {
    const rules = presets["threat-composer"]?.rules ?? {};
    expect(rules["id-anchor"]).toEqual(["error", { requireUnlinked: false }]);
    expect(rules["threat-statement-grammar"]).toEqual(["warn", { grammar: "threat-composer" }]);
    expect(rules["table-columns"]).toEqual([
      "error",
      { optional: ["threats.status", "mitigations.status", "threats.mitigations", "threats.assumptions"], allowExtra: true },
    ]);
  });

  it("threat-composer flags a status ThreatComposer never writes", () => {
    const text = [
      "## Threats",
      "",
      "",
      "| Threat Number | Threat | Mitigations | Assumptions | Status | Priority | STRIDE | Comments |",
      "| --- | --- | --- | --- | --- | --- | --- | --- |",
      '| <a name="T-0001"></a>T-0001 | A threat actor with network access can replay a token, which leads to account takeover |  |  |  Done | High | S |  |',
      "",
      "",
    ].join("\n");
    const result = lintText(text, { preset: "threat-composer" });
    expect(result.diagnostics.filter((diagnostic) => diagnostic.severity === "error").map((diagnostic) => diagnostic.ruleId)).toEqual(["cell-values"]);
  });
});

describe("config schema", () => {
  it("lists the section kinds the parser knows", () => {
    const schema = readConfigSchema() as { properties: { sections: { propertyNames: { enum: string[] } } } };
    expect(schema.properties.sections.propertyNames.enum).toEqual([...SECTION_ORDER]);
  });
});

describe.skipIf(!hasCorpus)("threat-composer preset on ThreatComposer exports", () => {
  const files = hasCorpus ? readdirSync(corpus).filter((name) => name.endsWith(".md")).sort() : [];

  it("finds the exports", () => {
    expect(files.length).toBeGreaterThanOrEqual(16);
  });

  it.each(files)("%s has no errors", (name) => {
    const result = lintText(readFileSync(join(corpus, name), "utf8"), { filePath: name, preset: "threat-composer" });
    const errors = result.diagnostics.filter((diagnostic) => diagnostic.severity === "error");
    expect(errors.map((error) => `${error.range.start.line}:${error.range.start.column} ${error.ruleId} ${error.message}`)).toEqual([]);
  });
});
