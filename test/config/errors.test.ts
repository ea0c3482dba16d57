import { describe, expect, it } from "vitest";
import { BROKEN, runCli, tree } from "../cli/helpers.js";

/** Runs `tmlint tm.md` next to the given files and expects exit 2 with exactly these stderr lines. */
async function expectConfigError(files: Record<string, string>, lines: string[], argv: string[] = ["tm.md"]): Promise<void> {
  const root = tree({ "tm.md": BROKEN, ...files });
  const result = await runCli(root, argv);
  expect(result.stderr.split("\n")).toEqual([...lines, ""]);
  expect(result.stdout).toBe("");
  expect(result.code).toBe(2);
}

describe("configuration errors", () => {
  it("rule option outside its enum", async () => {
    await expectConfigError({ ".tmlintrc.json": '{ "rules": { "threat-statement-grammar": ["warn", { "grammar": "tc" }] } }' }, [
      'tmlint: .tmlintrc.json: rules.threat-statement-grammar[1].grammar: must be one of "methodology", "threat-composer"; got `"tc"`.',
    ]);
  });

  it("rule option of the wrong type and out of range", async () => {
    await expectConfigError({ ".tmlintrc.json": '{ "rules": { "id-format": ["error", { "digits": "4" }], "id-anchor": ["error", { "requireUnlinked": 1 }] } }' }, [
      'tmlint: .tmlintrc.json: rules.id-format[1].digits: must be an integer; got `"4"`.',
      "tmlint: .tmlintrc.json: rules.id-anchor[1].requireUnlinked: must be a boolean (true or false); got `1`.",
    ]);
    await expectConfigError({ ".tmlintrc.json": '{ "rules": { "id-format": ["error", { "digits": 12 }] } }' }, [
      "tmlint: .tmlintrc.json: rules.id-format[1].digits: must be at most 9; got `12`.",
    ]);
  });

  it("unknown rule option", async () => {
    await expectConfigError({ ".tmlintrc.json": '{ "rules": { "id-format": ["error", { "digit": 4 }] } }' }, [
      "tmlint: .tmlintrc.json: rules.id-format[1].digit: is not an allowed key; use one of `digits`.",
    ]);
  });

  it("unknown rule id, with and without a suggestion", async () => {
    await expectConfigError({ ".tmlintrc.json": '{ "rules": { "id-formatt": "warn", "no-such-rule-at-all": "off" } }' }, [
      "tmlint: .tmlintrc.json: rules.id-formatt: unknown rule `id-formatt` (did you mean `id-format`?); run `tmlint rules` to list the rule ids.",
      "tmlint: .tmlintrc.json: rules.no-such-rule-at-all: unknown rule `no-such-rule-at-all`; run `tmlint rules` to list the rule ids.",
    ]);
  });

  it("bad severity words and shapes", async () => {
    await expectConfigError({ ".tmlintrc.json": '{ "rules": { "id-format": "on", "id-unique": ["warn", 3], "section-order": ["warn", {}, 1], "xref-format": [] } }' }, [
      'tmlint: .tmlintrc.json: rules.id-format: must be one of "off", "warn", "error"; got `"on"`.',
      "tmlint: .tmlintrc.json: rules.id-unique[1]: must be an object; got `3`.",
      'tmlint: .tmlintrc.json: rules.section-order: must have at most 2 items; got `["warn",{},1]`.',
      "tmlint: .tmlintrc.json: rules.xref-format: must have at least 1 item; got `[]`.",
    ]);
  });

  it("unknown top-level key", async () => {
    await expectConfigError({ ".tmlintrc.json": '{ "rule": {} }' }, [
      "tmlint: .tmlintrc.json: rule: is not an allowed key; use one of `extends`, `rules`, `files`, `ignores`, `sections`, `columns`, `overrides`, `plugins`, `reportUnusedDisableDirectives`.",
    ]);
  });

  it("keys of the wrong type", async () => {
    await expectConfigError({ ".tmlintrc.json": '{ "ignores": "drafts/", "extends": 3, "plugins": ["./a.mjs", "./a.mjs"] }' }, [
      'tmlint: .tmlintrc.json: extends: must be a string; got `3`.',
      'tmlint: .tmlintrc.json: ignores: must be an array; got `"drafts/"`.',
      'tmlint: .tmlintrc.json: plugins: must not list `"./a.mjs"` twice.',
    ]);
  });

  it("unknown section kind and column key", async () => {
    await expectConfigError({ ".tmlintrc.json": '{ "sections": { "hot": ["Hot"] }, "columns": { "Threats.id": ["x"] } }' }, [
      'tmlint: .tmlintrc.json: sections.hot: is not an allowed key; use one of "application-info", "architecture", "dataflow", "assumptions", "threats", "mitigations", "impacted-assets", "existing-controls", "residual-threats", "well-architected".',
      'tmlint: .tmlintrc.json: columns["Threats.id"]: is not an allowed key; keys must match `^([a-z][a-z-]*\\.)?[a-z][a-z-]*$`.',
    ]);
  });

  it("column key naming no table or no role", async () => {
    await expectConfigError({ ".tmlintrc.json": '{ "columns": { "threat.id": ["x"], "threats.owner": ["Owner"] } }' }, [
      "tmlint: .tmlintrc.json: columns.threat.id: names no table; use one of `assumptions`, `threats`, `mitigations`, `impacted-assets`, `existing-controls`, `residual-threats`, `entities`, `data-flows`, `trust-boundaries`, `threat-sources`.",
      "tmlint: .tmlintrc.json: columns.threats.owner: names no column of the threats table; use one of `threats.id`, `threats.threat`, `threats.mitigations`, `threats.assumptions`, `threats.status`, `threats.priority`, `threats.stride`, `threats.comments`.",
    ]);
  });

  it("override without files", async () => {
    await expectConfigError({ ".tmlintrc.json": '{ "overrides": [{ "rules": {} }] }' }, [
      "tmlint: .tmlintrc.json: overrides[0]: is missing the required key `files`.",
    ]);
  });

  it("invalid JSON with its position", async () => {
    await expectConfigError({ ".tmlintrc.json": '{\n  "rules": {\n    "id-format": "off",,\n  }\n}\n' }, [
      "tmlint: .tmlintrc.json: is not valid JSON: property name expected at line 3, column 24.",
    ]);
  });

  it("invalid YAML with its position", async () => {
    await expectConfigError({ ".tmlintrc.yaml": "rules:\n  id-format: [off\n  x: y\n" }, [
      "tmlint: .tmlintrc.yaml: is not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a ] at line 3, column 3.",
    ]);
  });

  it("duplicate YAML key", async () => {
    await expectConfigError({ ".tmlintrc.yml": "rules: {}\nrules: {}\n" }, [
      "tmlint: .tmlintrc.yml: is not valid YAML: Map keys must be unique at line 2, column 1.",
    ]);
  });

  it("package.json with a bad tmlint key", async () => {
    await expectConfigError({ "package.json": '{ "name": "x", "tmlint": { "rules": { "id-format": "loud" } } }' }, [
      'tmlint: package.json: rules.id-format: must be one of "off", "warn", "error"; got `"loud"`.',
    ]);
  });

  it("--config naming a missing file, or package.json without the key", async () => {
    await expectConfigError({}, ["tmlint: nope.json: cannot be read: file not found."], ["--config", "nope.json", "tm.md"]);
    await expectConfigError({ "package.json": '{ "name": "x" }' }, [
      "tmlint: package.json: has no `tmlint` key; add one or name another configuration file.",
    ], ["--config", "package.json", "tm.md"]);
    await expectConfigError({ "tmlint.toml": "x = 1" }, [
      "tmlint: tmlint.toml: is not a configuration file tmlint can read; use a .json, .yaml or .yml file, or package.json.",
    ], ["--config", "tmlint.toml", "tm.md"]);
  });

  it("extends: unknown preset, missing file, cycle", async () => {
    await expectConfigError({ ".tmlintrc.json": '{ "extends": "tmlint:loose" }' }, [
      'tmlint: .tmlintrc.json: extends: unknown preset `tmlint:loose`; use one of "tmlint:recommended", "tmlint:strict", "tmlint:threat-composer", or a path to a configuration file.',
    ]);
    await expectConfigError({ ".tmlintrc.json": '{ "extends": ["tmlint:strict", "./base.json"] }' }, [
      expect.stringMatching(
        /^tmlint: \.tmlintrc\.json: extends\[1\]: `\.\/base\.json` cannot be read: file not found at \/.*\/base\.json; check the path, which is relative to this configuration file\.$/,
      ) as unknown as string,
    ]);
    await expectConfigError({ ".tmlintrc.json": '{ "extends": "./a.json" }', "a.json": '{ "extends": "./b.json" }', "b.json": '{ "extends": "./a.json" }' }, [
      expect.stringMatching(/^tmlint: b\.json: extends: forms a cycle: .*\.tmlintrc\.json -> .*a\.json -> .*b\.json -> .*a\.json; remove one of the links\.$/) as unknown as string,
    ]);
  });

  it("missing extended file names both files", async () => {
    await expectConfigError({ ".tmlintrc.json": '{ "extends": "./shared/base.json" }', "shared/base.json": '{ "extends": "../nowhere/base.json" }' }, [
      expect.stringMatching(
        /^tmlint: shared\/base\.json: extends: `\.\.\/nowhere\/base\.json` cannot be read: file not found at \/.*\/nowhere\/base\.json; check the path, which is relative to this configuration file\.$/,
      ) as unknown as string,
    ]);
  });

  it("every problem of a file at once", async () => {
    const config = {
      rule: {},
      rules: { "id-format": ["error", { digits: 12 }], "id-unique": "on", "id-formatt": "warn" },
      columns: { "threat.id": ["x"] },
      ignores: "drafts/",
    };
    await expectConfigError({ ".tmlintrc.json": JSON.stringify(config) }, [
      "tmlint: .tmlintrc.json: rule: is not an allowed key; use one of `extends`, `rules`, `files`, `ignores`, `sections`, `columns`, `overrides`, `plugins`, `reportUnusedDisableDirectives`.",
      'tmlint: .tmlintrc.json: rules.id-unique: must be one of "off", "warn", "error"; got `"on"`.',
      'tmlint: .tmlintrc.json: ignores: must be an array; got `"drafts/"`.',
      "tmlint: .tmlintrc.json: columns.threat.id: names no table; use one of `assumptions`, `threats`, `mitigations`, `impacted-assets`, `existing-controls`, `residual-threats`, `entities`, `data-flows`, `trust-boundaries`, `threat-sources`.",
      "tmlint: .tmlintrc.json: rules.id-format[1].digits: must be at most 9; got `12`.",
      "tmlint: .tmlintrc.json: rules.id-formatt: unknown rule `id-formatt` (did you mean `id-format`?); run `tmlint rules` to list the rule ids.",
    ]);
  });

  it("unusable plugin hides no option problem", async () => {
    await expectConfigError({ ".tmlintrc.json": '{ "plugins": ["./nowhere.mjs"], "rules": { "mine": "warn", "id-format": ["error", { "digits": 0 }] } }' }, [
      expect.stringMatching(/^tmlint: \.tmlintrc\.json: plugins\[0\]: plugin `\.\/nowhere\.mjs` not found at /) as unknown as string,
      // `mine` may be a rule of the plugin that failed to load, so it is not called unknown.
      "tmlint: .tmlintrc.json: rules.id-format[1].digits: must be at least 1; got `0`.",
    ]);
  });

  it("unknown preset in extends hides no unknown rule", async () => {
    await expectConfigError({ ".tmlintrc.json": '{ "extends": "tmlint:nope", "rules": { "nope-rule": "warn" } }' }, [
      'tmlint: .tmlintrc.json: extends: unknown preset `tmlint:nope`; use one of "tmlint:recommended", "tmlint:strict", "tmlint:threat-composer", or a path to a configuration file.',
      "tmlint: .tmlintrc.json: rules.nope-rule: unknown rule `nope-rule`; run `tmlint rules` to list the rule ids.",
    ]);
  });

  it("unreadable extended file hides unknown rules", async () => {
    // The missing file may have loaded a plugin that defines `mine`, so `mine` is not called unknown.
    await expectConfigError({ ".tmlintrc.json": '{ "extends": ["tmlint:nope", "./base.json"], "rules": { "mine": "warn" } }' }, [
      'tmlint: .tmlintrc.json: extends[0]: unknown preset `tmlint:nope`; use one of "tmlint:recommended", "tmlint:strict", "tmlint:threat-composer", or a path to a configuration file.',
      expect.stringMatching(/^tmlint: \.tmlintrc\.json: extends\[1\]: `\.\/base\.json` cannot be read: file not found at /) as unknown as string,
    ]);
  });

  it("whole file of the wrong type", async () => {
    await expectConfigError({ ".tmlintrc.json": "[1]" }, ["tmlint: .tmlintrc.json: must be an object; got `[1]`."]);
  });

  it("problems in an extended file name that file", async () => {
    await expectConfigError({ ".tmlintrc.json": '{ "extends": "./shared/base.yaml" }', "shared/base.yaml": "rules:\n  section-order: sometimes\n" }, [
      'tmlint: shared/base.yaml: rules.section-order: must be one of "off", "warn", "error"; got `"sometimes"`.',
    ]);
  });

  it("override rule options name the override", async () => {
    await expectConfigError({ ".tmlintrc.json": '{ "overrides": [{ "files": ["*.md"], "rules": { "id-format": ["warn", { "digits": 0 }] } }] }' }, [
      "tmlint: .tmlintrc.json: overrides[0].rules.id-format[1].digits: must be at least 1; got `0`.",
    ]);
  });

  it("plugin not found, by path and by package name", async () => {
    await expectConfigError({ ".tmlintrc.json": '{ "plugins": ["./nowhere.mjs"] }' }, [
      expect.stringMatching(/^tmlint: \.tmlintrc\.json: plugins\[0\]: plugin `\.\/nowhere\.mjs` not found at .*nowhere\.mjs; check the path, which is relative to the configuration file\.$/) as unknown as string,
    ]);
    await expectConfigError({ ".tmlintrc.json": '{ "plugins": ["tmlint-plugin-missing"] }' }, [
      expect.stringMatching(/^tmlint: \.tmlintrc\.json: plugins\[0\]: plugin package `tmlint-plugin-missing` not found in any node_modules folder above .*; install it or give a path starting with \.\/\.$/) as unknown as string,
    ]);
  });

  it("plugin that exports no rules, or a broken rule", async () => {
    await expectConfigError({ ".tmlintrc.json": '{ "plugins": ["./empty.mjs"] }', "empty.mjs": "export default 42;\n" }, [
      "tmlint: .tmlintrc.json: plugins[0]: plugin `./empty.mjs` exports no rules; export a rule, an array of rules, or `{ rules: [...] }` as the default export.",
    ]);
    await expectConfigError({ ".tmlintrc.json": '{ "plugins": ["./bad.mjs"] }', "bad.mjs": 'export default [{ meta: { id: "Bad Id" }, check() {} }];\n' }, [
      "tmlint: .tmlintrc.json: plugins[0]: plugin `./bad.mjs` rule 1: has the id `Bad Id`; a rule id is lower-case words joined by hyphens, such as `require-owner`.",
    ]);
    await expectConfigError({ ".tmlintrc.json": '{ "plugins": ["./throws.mjs"] }', "throws.mjs": 'throw new Error("boom");\n' }, [
      "tmlint: .tmlintrc.json: plugins[0]: plugin `./throws.mjs` failed to load: boom.",
    ]);
  });

  it("plugin rule that reuses a built-in id", async () => {
    const rule = `{ meta: { id: "id-format", description: "x", messages: {}, schema: {}, defaultOptions: {}, defaultSeverity: "error" }, check() {} }`;
    await expectConfigError({ ".tmlintrc.json": '{ "plugins": ["./clash.mjs"] }', "clash.mjs": `export default [${rule}];\n` }, [
      "tmlint: .tmlintrc.json: plugins[0]: defines the rule `id-format`, which another rule already defines; rename the plugin's rule.",
    ]);
  });

  it("--rule mistakes", async () => {
    await expectConfigError({}, [
      'tmlint: --rule "id-format": expected `id: severity`, such as `id-format: warn`, or `id: [severity, {options}]` in JSON.',
    ], ["--rule", "id-format", "tm.md"]);
    await expectConfigError({}, [
      'tmlint: --rule "id-format: [warn": the setting is not valid JSON; write it as `["warn", {"option": "value"}]`.',
    ], ["--rule", "id-format: [warn", "tm.md"]);
    await expectConfigError({}, [
      'tmlint: --rule "id-format: on": id-format: must be one of "off", "warn", "error"; got `"on"`.',
    ], ["--rule", "id-format: on", "tm.md"]);
    await expectConfigError({}, [
      "tmlint: --rule: id-formatt: unknown rule `id-formatt` (did you mean `id-format`?); run `tmlint rules` to list the rule ids.",
    ], ["--rule", "id-formatt: warn", "tm.md"]);
    await expectConfigError({}, [
      'tmlint: --rule: threat-statement-grammar[1].grammar: must be one of "methodology", "threat-composer"; got `"x"`.',
    ], ["--rule", 'threat-statement-grammar: ["warn", {"grammar": "x"}]', "tm.md"]);
  });

  it("never prints a stack trace", async () => {
    const root = tree({ "tm.md": BROKEN, ".tmlintrc.json": "[1, 2" });
    const result = await runCli(root, ["tm.md"]);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.code).toBe(2);
  });
});
