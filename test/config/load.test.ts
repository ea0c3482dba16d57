import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { ConfigFileError } from "../../src/config/read.js";
import { loadConfig } from "../../src/config/resolve.js";
import { lintFiles } from "../../src/lint-files.js";
import { lintText } from "../../src/lint.js";
import { presets } from "../../src/presets.js";
import { BROKEN, runCli, tree } from "../cli/helpers.js";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const examplePlugin = join(repoRoot, "examples/plugins/require-owner.mjs");

/** A plain plugin module (no `tmlint` import) whose one rule reports once per file. */
function pluginSource(id: string, marker?: string): string {
  return [
    marker ? `globalThis[${JSON.stringify(marker)}] = true;` : "",
    "export default { rules: [{",
    `  meta: { id: ${JSON.stringify(id)}, description: "Report every file.", docsUrl: "https://example.test/${id}", defaultSeverity: "warning",`,
    "    schema: { type: 'object', properties: {}, additionalProperties: false }, defaultOptions: {}, messages: { once: 'File `{{name}}` was seen.' } },",
    "  check({ model, report }) { report({ messageId: 'once', data: { name: 'x' }, range: model.rangeOf(0, 0) }); },",
    "}] };",
    "",
  ].join("\n");
}

describe("configuration discovery", () => {
  it("nearest configuration file wins, without merging parents", async () => {
    const root = tree({
      ".tmlintrc.json": '{ "rules": { "id-format": "off" } }',
      "docs/.tmlintrc.yaml": "rules:\n  xref-target-exists: warn\n",
      "docs/tm.md": BROKEN,
      "tm.md": BROKEN,
    });
    const inDocs = await loadConfig(join(root, "docs/tm.md"));
    expect(inDocs.configFile).toBe(join(root, "docs/.tmlintrc.yaml"));
    expect(inDocs.rules["xref-target-exists"]).toBe("warn");
    expect(inDocs.rules["id-format"]).toBe(presets.recommended?.rules["id-format"]);

    const atRoot = await loadConfig(join(root, "tm.md"));
    expect(atRoot.configFile).toBe(join(root, ".tmlintrc.json"));
    expect(atRoot.rules["id-format"]).toBe("off");
  });

  it("finds each configuration file name", async () => {
    for (const name of [".tmlintrc.json", ".tmlintrc.yaml", ".tmlintrc.yml", "tmlint.config.json"]) {
      const content = name.endsWith(".json") ? '{ "rules": { "id-unique": "warn" } }' : "rules:\n  id-unique: warn\n";
      const root = tree({ [`a/${name}`]: content });
      const config = await loadConfig(join(root, "a/b/tm.md"));
      expect(config.configFile).toBe(join(root, "a", name));
      expect(config.rules["id-unique"]).toBe("warn");
    }
  });

  it("reads the tmlint key of package.json and skips a package.json without one", async () => {
    const root = tree({
      "package.json": '{ "name": "outer", "tmlint": { "rules": { "id-unique": "off" } } }',
      "inner/package.json": '{ "name": "inner" }',
    });
    const config = await loadConfig(join(root, "inner/tm.md"));
    expect(config.configFile).toBe(join(root, "package.json"));
    expect(config.rules["id-unique"]).toBe("off");
  });

  it("prefers .tmlintrc.json over package.json in one folder", async () => {
    const root = tree({
      "package.json": '{ "tmlint": { "rules": { "id-unique": "off" } } }',
      ".tmlintrc.json": '{ "rules": { "id-unique": "warn" } }',
    });
    expect((await loadConfig(join(root, "tm.md"))).configFile).toBe(join(root, ".tmlintrc.json"));
  });

  it("accepts comments and trailing commas in JSON", async () => {
    const root = tree({ ".tmlintrc.json": '{\n  // House rules\n  "rules": { "id-unique": "warn", },\n}\n' });
    expect((await loadConfig(join(root, "tm.md"))).rules["id-unique"]).toBe("warn");
  });

  it("treats an empty configuration file as extending recommended", async () => {
    const root = tree({ ".tmlintrc.yaml": "" });
    const config = await loadConfig(join(root, "tm.md"));
    expect(config.configFile).toBe(join(root, ".tmlintrc.yaml"));
    expect(config.rules).toEqual(presets.recommended?.rules);
  });

  it("warns about an empty or null configuration file", async () => {
    const warning = (name: string): string =>
      `tmlint: warning: ${name}: contains no settings, so the \`tmlint:recommended\` preset applies; add settings, or write \`{}\` to keep the defaults without this warning.\n`;
    const recommended = await runCli(tree({ "tm.md": BROKEN }), ["--no-config", "-f", "unix", "tm.md"]);
    const files: [string, string][] = [
      [".tmlintrc.json", ""],
      [".tmlintrc.json", "null\n"],
      [".tmlintrc.yaml", ""],
      [".tmlintrc.yaml", "~\n"],
      [".tmlintrc.yml", "# nothing yet\n"],
    ];
    for (const [name, text] of files) {
      const result = await runCli(tree({ "tm.md": BROKEN, [name]: text }), ["-f", "unix", "tm.md"]);
      expect(result.stderr, `${name} ${JSON.stringify(text)}`).toBe(warning(name));
      expect(result.stdout, `${name} ${JSON.stringify(text)}`).toBe(recommended.stdout);
      expect(result.code, `${name} ${JSON.stringify(text)}`).toBe(recommended.code);
    }
  });

  it("warns once about an empty extended file", async () => {
    const root = tree({ "tm.md": BROKEN, "a/tm.md": BROKEN, "base.yaml": "", "a/.tmlintrc.json": '{ "extends": "../base.yaml" }', ".tmlintrc.json": '{ "extends": "./base.yaml" }' });
    const result = await runCli(root, ["-f", "unix", "tm.md", "a/tm.md"]);
    expect(result.stderr).toBe(
      "tmlint: warning: base.yaml: contains no settings, so the `tmlint:recommended` preset applies; add settings, or write `{}` to keep the defaults without this warning.\n",
    );
  });

  it("takes {} as an empty configuration without a warning", async () => {
    for (const [name, text] of [[".tmlintrc.json", "{}"], [".tmlintrc.yaml", "{}\n"]] as const) {
      expect((await runCli(tree({ "tm.md": BROKEN, [name]: text }), ["-f", "unix", "tm.md"])).stderr, name).toBe("");
    }
  });

  it("configFile replaces discovery; useConfigFile false reads none", async () => {
    const root = tree({ ".tmlintrc.json": '{ "rules": { "id-unique": "off" } }', "other.yaml": "rules:\n  id-unique: warn\n" });
    const given = await loadConfig(join(root, "tm.md"), { cwd: root, configFile: "other.yaml" });
    expect(given.configFile).toBe(join(root, "other.yaml"));
    expect(given.rules["id-unique"]).toBe("warn");

    const none = await loadConfig(join(root, "tm.md"), { useConfigFile: false });
    expect(none.configFile).toBeUndefined();
    expect(none.rules).toEqual(presets.recommended?.rules);
  });

  it("uses the preset alone when no configuration file applies", async () => {
    const config = await loadConfig("/tm.md", { useConfigFile: false, preset: "strict" });
    expect(config.rules).toEqual(presets.strict?.rules);
  });
});

describe("configuration layers", () => {
  it("extends a preset, a list, and nothing", async () => {
    const root = tree({
      "a/.tmlintrc.json": '{ "extends": "tmlint:strict" }',
      "b/.tmlintrc.json": '{ "extends": ["tmlint:strict", "tmlint:threat-composer"] }',
      "c/.tmlintrc.json": '{ "extends": [], "rules": { "id-unique": "error" } }',
    });
    expect((await loadConfig(join(root, "a/tm.md"))).rules).toEqual(presets.strict?.rules);
    const both = (await loadConfig(join(root, "b/tm.md"))).rules;
    expect(both["threat-evidence-prefix"]).toBe("error");
    expect(both["threat-statement-grammar"]).toEqual(["warn", { grammar: "threat-composer" }]);
    expect((await loadConfig(join(root, "c/tm.md"))).rules).toEqual({ "id-unique": "error" });
  });

  it("extends a file relative to the extending file", async () => {
    const root = tree({
      "repo/.tmlintrc.json": '{ "extends": "../shared/base.yaml", "rules": { "id-unique": "warn" } }',
      "shared/base.yaml": "extends: []\nrules:\n  id-format: error\n  id-unique: error\n",
    });
    expect((await loadConfig(join(root, "repo/tm.md"))).rules).toEqual({ "id-format": "error", "id-unique": "warn" });
  });

  it("a severity alone keeps the options set before it", async () => {
    const root = tree({ ".tmlintrc.json": '{ "extends": "tmlint:threat-composer", "rules": { "threat-statement-grammar": "error", "id-anchor": "off" } }' });
    const rules = (await loadConfig(join(root, "tm.md"))).rules;
    expect(rules["threat-statement-grammar"]).toEqual(["error", { grammar: "threat-composer" }]);
    expect(rules["id-anchor"]).toBe("off");
  });

  it("overrides apply to matching files only, in order", async () => {
    const root = tree({
      ".tmlintrc.json": JSON.stringify({
        extends: [],
        rules: { "id-unique": "error" },
        overrides: [
          { files: ["drafts/**"], ignores: ["drafts/final.md"], rules: { "id-unique": "warn" } },
          { files: ["*.draft.md"], rules: { "id-unique": "off" } },
        ],
      }),
    });
    expect((await loadConfig(join(root, "tm.md"))).rules).toEqual({ "id-unique": "error" });
    expect((await loadConfig(join(root, "drafts/tm.md"))).rules).toEqual({ "id-unique": "warn" });
    expect((await loadConfig(join(root, "drafts/final.md"))).rules).toEqual({ "id-unique": "error" });
    expect((await loadConfig(join(root, "drafts/deep/x.draft.md"))).rules).toEqual({ "id-unique": "off" });
  });

  it("command-line preset and rules go over the file", async () => {
    const root = tree({ ".tmlintrc.json": '{ "rules": { "id-unique": "off" } }' });
    const config = await loadConfig(join(root, "tm.md"), { preset: "strict", rules: { "id-format": ["warn", { digits: 3 }] } });
    expect(config.rules["id-unique"]).toBe("error");
    expect(config.rules["id-format"]).toEqual(["warn", { digits: 3 }]);
  });
});

describe("loadConfig options", () => {
  /** Returns the problems of the ConfigFileError that loadConfig raises with these options. */
  async function problemsOf(options: Parameters<typeof loadConfig>[1]): Promise<unknown> {
    const root = tree({ ".tmlintrc.json": "{}" });
    const failure = await loadConfig(join(root, "tm.md"), options).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ConfigFileError);
    return (failure as ConfigFileError).problems;
  }

  it("rules validated like a file", async () => {
    expect(await problemsOf({ rules: { "id-format": "wanr" as "warn" } })).toEqual([
      { source: "rules option", path: "id-format", message: 'must be one of "off", "warn", "error"; got `"wanr"`' },
    ]);
    expect(await problemsOf({ rules: { "id-unique": ["warn", 3] as unknown as "warn" } })).toEqual([
      { source: "rules option", path: "id-unique[1]", message: "must be an object; got `3`" },
    ]);
  });

  it("unknown rule names the rules option", async () => {
    expect(await problemsOf({ rules: { "id-formatt": "warn" } })).toEqual([
      { source: "rules option", path: "id-formatt", message: "unknown rule `id-formatt` (did you mean `id-format`?); run `tmlint rules` to list the rule ids" },
    ]);
  });

  it("command-line rules name --rule", async () => {
    expect(await problemsOf({ rules: { "id-formatt": "warn" }, fromCommandLine: true })).toEqual([
      { source: "--rule", path: "id-formatt", message: "unknown rule `id-formatt` (did you mean `id-format`?); run `tmlint rules` to list the rule ids" },
    ]);
  });

  it("unknown preset names the preset option", async () => {
    expect(await problemsOf({ preset: "loose" })).toEqual([
      { source: "preset option", path: "", message: "unknown preset `loose`; use one of recommended, strict, threat-composer" },
    ]);
  });
});

describe("sections and columns", () => {
  const swedish = [
    "# Hotmodell",
    "",
    "## Hot",
    "",
    "| Hot # | Hot | Prioritet |",
    "| --- | --- | --- |",
    '| <a name="T-0001"></a>T-0001 | En angripare som når API:et kan spela upp en token. | Hög |',
    "",
  ].join("\n");

  it("teach the parser a team's names", async () => {
    const root = tree({
      "tm.md": swedish,
      ".tmlintrc.yaml": [
        "extends: []",
        "rules:",
        "  section-required: [error, { sections: [threats] }]",
        "  table-required: [error, { tables: [threats] }]",
        "sections:",
        "  threats: [Hot]",
        "columns:",
        '  threats.id: ["Hot #"]',
        "  threats.threat: [Hot]",
        "  priority: [Prioritet]",
        "",
      ].join("\n"),
    });
    const [withNames] = await lintFiles([join(root, "tm.md")]);
    expect(withNames?.diagnostics).toEqual([]);

    const config = await loadConfig(join(root, "tm.md"));
    expect(config.sections).toEqual({ threats: ["Hot"] });
    expect(config.columns).toEqual({ "threats.id": ["Hot #"], "threats.threat": ["Hot"], priority: ["Prioritet"] });

    const withoutNames = lintText(swedish, { config: { ...config, sections: {}, columns: {} } });
    expect(withoutNames.diagnostics.map((diagnostic) => diagnostic.ruleId)).toEqual(["section-required"]);
  });
});

describe("sections and columns in Japanese", () => {
  it("find the Threats table under a translated heading", async () => {
    const japanese = ["# 脅威モデル", "", "## 脅威", "", "| 脅威番号 | 脅威 |", "| --- | --- |", '| <a name="T-0001"></a>T-0001 | 攻撃者はトークンを再利用できる。 |', ""].join("\n");
    const root = tree({
      "tm.md": japanese,
      ".tmlintrc.json": JSON.stringify({
        extends: [],
        rules: { "section-required": ["error", { sections: ["threats"] }], "table-required": ["error", { tables: ["threats"] }] },
        sections: { threats: ["脅威"] },
        columns: { "threats.id": ["脅威番号"], "threats.threat": ["脅威"] },
      }),
    });
    const [result] = await lintFiles([join(root, "tm.md")]);
    expect(result?.diagnostics).toEqual([]);
  });
});

describe("plugins", () => {
  it("loads the example plugin and runs its rule", async () => {
    const root = tree({
      ".tmlintrc.json": JSON.stringify({ extends: [], plugins: [examplePlugin], rules: { "require-owner": "error" } }),
      "tm.md": "## Threats\n\n| Threat Number | Threat | Owner |\n| --- | --- | --- |\n| T-0001 | A threat. | |\n| T-0002 | Another. | Payments team |\n",
      "no-owner.md": "## Threats\n\n| Threat Number | Threat |\n| --- | --- |\n| T-0001 | A threat. |\n",
    });
    const results = await lintFiles([join(root, "tm.md"), join(root, "no-owner.md")]);
    expect(results.map((result) => result.diagnostics.map((d) => `${d.range.start.line}:${d.range.start.column} ${d.ruleId} ${d.message}`))).toEqual([
      ["5:23 require-owner Threat `T-0001` has no owner; name a team or a person in its `Owner` cell."],
      ["3:1 require-owner Threats table has no `Owner` column; add one that names who owns each threat."],
    ]);
    const config = await loadConfig(join(root, "tm.md"));
    expect(config.plugins).toEqual([examplePlugin]);
    expect(config.registry.get("require-owner")?.meta.docsUrl).toBe("https://github.com/tmlint/tmlint/blob/main/docs/custom-rules.md");
  });

  it("validates a plugin rule's options against its schema", async () => {
    const root = tree({ ".tmlintrc.json": JSON.stringify({ plugins: [examplePlugin], rules: { "require-owner": ["error", { column: "" }] } }), "tm.md": BROKEN });
    const result = await runCli(root, ["tm.md"]);
    expect(result.stderr).toBe("tmlint: .tmlintrc.json: rules.require-owner[1].column: must not be empty.\n");
    expect(result.code).toBe(2);
  });

  it("loads a plugin by package name from node_modules", async () => {
    const root = tree({
      "node_modules/tmlint-plugin-seen/package.json": '{ "name": "tmlint-plugin-seen", "type": "module", "exports": { ".": { "import": "./lib/index.mjs" } } }',
      "node_modules/tmlint-plugin-seen/lib/index.mjs": pluginSource("seen/every-file"),
      "docs/.tmlintrc.json": '{ "extends": [], "plugins": ["tmlint-plugin-seen"], "rules": { "seen/every-file": "warn" } }',
      "docs/tm.md": "# T\n",
    });
    const [result] = await lintFiles([join(root, "docs/tm.md")]);
    expect(result?.diagnostics.map((d) => `${d.ruleId} ${d.severity} ${d.message}`)).toEqual(["seen/every-file warning File `x` was seen."]);
  });

  it("never loads a plugin the configuration does not name", async () => {
    const marker = `tmlint-test-${Date.now()}`;
    const root = tree({ "plugins/marker.mjs": pluginSource("marked", marker), ".tmlintrc.json": '{ "rules": {} }', "tm.md": "# T\n" });
    await lintFiles([join(root, "tm.md")]);
    expect((globalThis as Record<string, unknown>)[marker]).toBeUndefined();

    const named = tree({ "plugins/marker.mjs": pluginSource("marked", marker), ".tmlintrc.json": '{ "plugins": ["./plugins/marker.mjs"] }', "tm.md": "# T\n" });
    await lintFiles([join(named, "tm.md")]);
    expect((globalThis as Record<string, unknown>)[marker]).toBe(true);
  });
});

describe("--print-config", () => {
  it("prints the resolved configuration of a file", async () => {
    const root = tree({
      ".tmlintrc.json": JSON.stringify({
        extends: [],
        rules: { "id-format": ["warn", { digits: 3 }], "id-unique": "error", "section-order": "off" },
        ignores: ["drafts/"],
        sections: { threats: ["Hot"] },
        reportUnusedDisableDirectives: "warn",
      }),
    });
    const result = await runCli(root, ["--print-config", "docs/tm.md"]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      configFile: ".tmlintrc.json",
      ignored: false,
      rules: { "id-format": ["warn", { digits: 3 }], "id-unique": ["error", {}], "section-order": "off" },
      sections: { threats: ["Hot"] },
      columns: {},
      plugins: [],
      reportUnusedDisableDirectives: "warn",
    });

    const ignored = await runCli(root, ["--print-config", "drafts/tm.md", "--rule", "id-unique: off"]);
    expect(JSON.parse(ignored.stdout)).toMatchObject({ ignored: { pattern: "drafts/", source: ".tmlintrc.json" }, rules: { "id-unique": "off" } });
  });
});
