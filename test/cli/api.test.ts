import { describe, expect, it } from "vitest";
import { formatters, lintFiles, lintText, loadConfig, ruleRegistry, ConfigFileError } from "tmlint";
import { join } from "node:path";
import { tree } from "./helpers.js";

const DANGLING = "# Threat Model\n\n[**T-0404**](#T-0404)\n";

describe("programmatic API", () => {
  it("lints files, text and formats results as the README shows", async () => {
    const root = tree({ "docs/threat-model.md": DANGLING, ".tmlintrc.json": '{ "extends": [], "rules": { "xref-target-exists": "error" } }' });
    const path = join(root, "docs/threat-model.md");

    const results = await lintFiles([path]);
    expect(results.map((result) => [result.errorCount, result.warningCount])).toEqual([[1, 0]]);

    const config = await loadConfig(path, { rules: { "xref-target-exists": "warn" } });
    const result = lintText(DANGLING, { filePath: path, config });
    expect(result.diagnostics.map((diagnostic) => `${diagnostic.ruleId} ${diagnostic.severity}`)).toEqual(["xref-target-exists warning"]);

    expect(formatters.formatterNames).toContain("sarif");
    const unix = await formatters.loadFormatter("unix");
    expect(unix(results, { cwd: root, color: false, rules: ruleRegistry, version: "0.0.0" })).toBe(
      "docs/threat-model.md:3:1: error: Threat `T-0404` is linked but not defined; add it to the Threats table or fix the link. [xref-target-exists]\n",
    );
  });

  it("raises ConfigFileError with the problems of an invalid configuration", async () => {
    const root = tree({ ".tmlintrc.json": '{ "rules": { "id-format": "loud" } }' });
    const failure = await loadConfig(join(root, "tm.md")).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ConfigFileError);
    expect((failure as ConfigFileError).problems).toEqual([
      { source: join(root, ".tmlintrc.json"), path: "rules.id-format", message: 'must be one of "off", "warn", "error"; got `"loud"`' },
    ]);
  });
});
