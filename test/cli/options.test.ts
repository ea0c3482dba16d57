import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FORMAT_NAMES } from "../../src/cli/run.js";
import { BROKEN, BROKEN_LINES, runCli, tree } from "./helpers.js";

/** A configuration that runs one rule: a dangling link is an error, or a warning with `warn`. */
const XREF_ERROR = '{ "extends": [], "rules": { "xref-target-exists": "error" } }';
const XREF_WARN = '{ "extends": [], "rules": { "xref-target-exists": "warn" } }';
const DANGLING = "# Threat Model\n\n[**T-0404**](#T-0404)\n";
const CLEAN = "# Threat Model\n\nNo links.\n";

describe("--format", () => {
  it("accepts all eight format names", async () => {
    expect(FORMAT_NAMES).toEqual(["stylish", "compact", "unix", "json", "sarif", "github", "junit", "gitlab"]);
    const root = tree({ "tm.md": BROKEN });
    for (const format of FORMAT_NAMES) {
      const result = await runCli(root, ["--no-config", "--format", format, "tm.md"]);
      expect(result.code, format).toBe(1);
      expect(result.stderr, format).toBe("");
      expect(result.stdout.length, format).toBeGreaterThan(0);
    }
  });

  it("prints unix lines relative to the working folder", async () => {
    const root = tree({ "tm.md": BROKEN });
    const result = await runCli(root, ["--no-config", "-f", "unix", "tm.md"]);
    expect(result.stdout).toBe(BROKEN_LINES.join("\n") + "\n");
  });

  it("rejects an unknown format", async () => {
    const result = await runCli(tree({ "tm.md": BROKEN }), ["--format", "xml", "tm.md"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('tmlint: Invalid values:\n  Argument: format, Given: "xml", Choices: "stylish", "compact", "unix", "json", "sarif", "github", "junit", "gitlab"');
  });

  it("sarif lists the severity each rule ran at", async () => {
    const config = {
      extends: [],
      rules: { "section-required": "warn", "xref-target-exists": "warn" },
      overrides: [{ files: ["strict/**"], rules: { "xref-target-exists": "error" } }],
    };
    const root = tree({ "a.md": DANGLING, "strict/b.md": DANGLING, ".tmlintrc.json": JSON.stringify(config) });
    const log = JSON.parse((await runCli(root, ["-f", "sarif", "a.md", "strict/b.md"])).stdout) as {
      runs: { tool: { driver: { rules: { id: string; defaultConfiguration: unknown }[] } }; results: { ruleId: string; level: string }[] }[];
    };
    const run = log.runs[0]!;
    const levels = Object.fromEntries(run.tool.driver.rules.map((rule) => [rule.id, rule.defaultConfiguration]));
    // `section-required` is an error by default; the configuration made it a warning.
    expect(levels["section-required"]).toEqual({ level: "warning" });
    // A warning in a.md and an error in strict/b.md: the rule is listed at the higher one.
    expect(levels["xref-target-exists"]).toEqual({ level: "error" });
    expect(run.results.filter((result) => result.ruleId === "xref-target-exists").map((result) => result.level)).toEqual(["warning", "error"]);
    // A rule this configuration leaves out did not run.
    expect(levels["id-format"]).toEqual({ enabled: false, level: "error" });
  });

  it("stylish ends with the linted-files summary", async () => {
    const root = tree({ "a.md": CLEAN, "b.md": CLEAN, ".tmlintrc.json": XREF_ERROR });
    expect((await runCli(root, ["a.md", "b.md"])).stdout).toBe("Linted 2 files: no problems.\n");
  });
});

describe("--output-file", () => {
  it("writes the report to a file and nothing to standard output", async () => {
    const root = tree({ "tm.md": BROKEN });
    const result = await runCli(root, ["--no-config", "-f", "unix", "--output-file", "reports/out/tmlint.txt", "tm.md"]);
    expect(result.stdout).toBe("");
    expect(result.code).toBe(1);
    expect(readFileSync(join(root, "reports/out/tmlint.txt"), "utf8")).toBe(BROKEN_LINES.join("\n") + "\n");
    // write-file-atomic writes a temporary file and renames it; none may be left behind.
    expect(readdirSync(join(root, "reports/out"))).toEqual(["tmlint.txt"]);
  });

  it("replaces an existing report whole", async () => {
    const root = tree({ "tm.md": CLEAN, "out.txt": "old report that is longer than the new one\n", ".tmlintrc.json": XREF_ERROR });
    await runCli(root, ["-f", "unix", "-o", "out.txt", "tm.md"]);
    expect(readFileSync(join(root, "out.txt"), "utf8")).toBe("");
  });

  it("fails with exit 2 when the file cannot be written", async () => {
    const root = tree({ "tm.md": CLEAN, "blocker": "a file where a folder should be" });
    const result = await runCli(root, ["--no-config", "-o", "blocker/out.txt", "tm.md"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe("tmlint: cannot write --output-file blocker/out.txt: a part of the path is not a folder.\n");
  });
});

describe("--quiet and --max-warnings", () => {
  it("--quiet leaves warnings out", async () => {
    const root = tree({ "tm.md": BROKEN });
    const result = await runCli(root, ["--no-config", "-f", "unix", "--quiet", "tm.md"]);
    expect(result.stdout).toBe(`${BROKEN_LINES[1]}\n`);
    expect(result.code).toBe(1);
  });

  it("--max-warnings fails when warnings exceed it", async () => {
    const root = tree({ "a.md": DANGLING, "b.md": DANGLING, ".tmlintrc.json": XREF_WARN });
    expect((await runCli(root, ["-f", "unix", "a.md", "b.md"])).code).toBe(0);
    expect((await runCli(root, ["-f", "unix", "--max-warnings", "2", "a.md", "b.md"])).code).toBe(0);
    const over = await runCli(root, ["-f", "unix", "--max-warnings", "1", "a.md", "b.md"]);
    expect(over.code).toBe(1);
    expect(over.stderr).toBe("tmlint: 2 warnings found, more than --max-warnings 1 allows.\n");
  });

  it("--max-warnings still counts warnings under --quiet", async () => {
    const root = tree({ "a.md": DANGLING, ".tmlintrc.json": XREF_WARN });
    const result = await runCli(root, ["-f", "unix", "--quiet", "--max-warnings", "0", "a.md"]);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe("tmlint: 1 warning found, more than --max-warnings 0 allows.\n");
    expect(result.code).toBe(1);
  });

  it("warns that --max-file-time does not apply to --stdin", async () => {
    const result = await runCli(tree({}), ["--stdin", "--max-file-time", "2", "-f", "unix"], { stdin: CLEAN });
    expect(result.stderr).toBe("tmlint: warning: --max-file-time does not apply to --stdin, which is linted without a time limit; lint a file to have the limit.\n");
  });

  it("rejects a negative or fractional --max-warnings", async () => {
    for (const value of ["-1", "1.5", "many"]) {
      const result = await runCli(tree({ "a.md": CLEAN }), ["--max-warnings", value, "a.md"]);
      expect(result.code, value).toBe(2);
      expect(result.stderr, value).toBe("tmlint: --max-warnings must be a whole number of 0 or more, such as `--max-warnings 0`.\nRun `tmlint --help` for usage.\n");
    }
  });
});

describe("--color", () => {
  const RED = "\u001b[31m";

  it("is on for a terminal and off otherwise", async () => {
    const root = tree({ "tm.md": BROKEN });
    expect((await runCli(root, ["--no-config", "tm.md"], { isTTY: true })).stdout).toContain(RED);
    expect((await runCli(root, ["--no-config", "tm.md"], { isTTY: false })).stdout).not.toContain(RED);
  });

  it("is off when NO_COLOR is set, unless --color forces it", async () => {
    const root = tree({ "tm.md": BROKEN });
    expect((await runCli(root, ["--no-config", "tm.md"], { isTTY: true, env: { NO_COLOR: "1" } })).stdout).not.toContain(RED);
    expect((await runCli(root, ["--no-config", "--color", "tm.md"], { env: { NO_COLOR: "1" } })).stdout).toContain(RED);
    expect((await runCli(root, ["--no-config", "--no-color", "tm.md"], { isTTY: true })).stdout).not.toContain(RED);
  });

  it("is off for --output-file by default", async () => {
    const root = tree({ "tm.md": BROKEN });
    await runCli(root, ["--no-config", "-o", "out.txt", "tm.md"], { isTTY: true });
    expect(readFileSync(join(root, "out.txt"), "utf8")).not.toContain(RED);
  });
});

describe("--rule and --preset", () => {
  it("--rule sets severities and options over the configuration", async () => {
    const root = tree({ "tm.md": BROKEN });
    const off = await runCli(root, ["--no-config", "-f", "unix", "--rule", "xref-target-exists: off", "--rule", "section-required: error", "tm.md"]);
    expect(off.stdout).toBe("tm.md:1:1: error: Section `Threats` is missing; add a `## Threats` heading with its content. [section-required]\n");
    const json = await runCli(root, ["--no-config", "-f", "unix", "--rule", 'section-required: ["warn", {"sections": []}]', "tm.md"]);
    expect(json.stdout).toBe(`${BROKEN_LINES[1]}\n`);
  });

  it("--preset picks the base preset", async () => {
    const root = tree({ "tm.md": BROKEN });
    const strict = await runCli(root, ["--no-config", "-f", "unix", "--preset", "strict", "tm.md"]);
    expect(strict.stdout.split("\n").filter(Boolean).length).toBeGreaterThan(2);
    expect((await runCli(root, ["--preset", "loose", "tm.md"])).code).toBe(2);
  });

  it("--report-unused-disable-directives reports them as errors", async () => {
    const root = tree({ "tm.md": "# Threat Model\n\n<!-- tmlint-disable-next-line xref-target-exists -->\nNo link here.\n", ".tmlintrc.json": XREF_ERROR });
    expect((await runCli(root, ["tm.md"])).code).toBe(0);
    const result = await runCli(root, ["-f", "unix", "--report-unused-disable-directives", "tm.md"]);
    expect(result.stdout).toBe(
      "tm.md:3:1: error: Directive `tmlint-disable-next-line xref-target-exists` suppressed no finding of `xref-target-exists`; remove `xref-target-exists` from it. [unused-directive]\n",
    );
    expect(result.code).toBe(1);
  });
});

describe("tmlint rules", () => {
  it("lists every rule with presets and fixability", async () => {
    const root = tree({});
    const result = await runCli(root, ["rules"]);
    expect(result.code).toBe(0);
    const lines = result.stdout.split("\n");
    expect(lines[0]).toMatch(/^RULE +RECOMMENDED +STRICT +THREAT-COMPOSER +FIXABLE +DESCRIPTION$/);
    expect(lines.find((line) => line.startsWith("id-format "))).toMatch(
      /^id-format +error +error +error +- +Require IDs with their table's prefix and a four-digit zero-padded number\.$/,
    );
    expect(result.stdout).toMatch(/\n\d+ rules\. A preset column shows the severity that preset gives the rule; "-" means off\.\n$/);
    expect((await runCli(root, ["--list-rules"])).stdout).toBe(result.stdout);
    expect((await runCli(root, ["rules", "--format", "text"])).stdout).toBe(result.stdout);
  });

  it("rejects report formats with exit 2", async () => {
    const root = tree({});
    for (const format of ["sarif", "stylish", "unix"]) {
      const result = await runCli(root, ["rules", "-f", format]);
      expect(result.stdout, format).toBe("");
      expect(result.stderr, format).toBe(`tmlint: Invalid values:\n  Argument: format, Given: "${format}", Choices: "text", "json"\nRun \`tmlint --help\` for usage.\n`);
      expect(result.code, format).toBe(2);
    }
    const listed = await runCli(root, ["--list-rules", "-f", "sarif"]);
    expect(listed.stdout).toBe("");
    expect(listed.stderr).toBe(
      "tmlint: --list-rules prints a text table, or JSON with `--format json`; it cannot print `sarif`, which is a format for findings.\nRun `tmlint --help` for usage.\n",
    );
    expect(listed.code).toBe(2);
  });

  it("rejects lint options", async () => {
    const result = await runCli(tree({}), ["rules", "--quiet"]);
    expect(result.stderr).toBe("tmlint: Unknown argument: quiet\nRun `tmlint --help` for usage.\n");
    expect(result.code).toBe(2);
  });

  it("lists rules as JSON, plugin rules included", async () => {
    const plugin = "export default [{ meta: { id: 'mine', description: 'Mine.', messages: {}, schema: {}, defaultOptions: {}, defaultSeverity: 'warning' }, check() {} }];\n";
    const root = tree({ "p.mjs": plugin, ".tmlintrc.json": '{ "plugins": ["./p.mjs"] }' });
    const listings = JSON.parse((await runCli(root, ["rules", "--format", "json"])).stdout) as { id: string; plugin: boolean; presets: Record<string, string> }[];
    expect(listings.at(-1)).toMatchObject({ id: "mine", plugin: true, presets: { recommended: "off", strict: "off", "threat-composer": "off" } });
    expect(listings.find((listing) => listing.id === "id-format")).toMatchObject({ plugin: false, presets: { recommended: "error", strict: "error", "threat-composer": "error" } });
  });
});

describe("usage errors", () => {
  const cases: [string[], string][] = [
    [[], "tmlint: no files given; pass files, folders or globs (e.g. `tmlint docs/`), use --files-from or --stdin, or list globs under `files` in a configuration file.\nRun `tmlint --help` for usage.\n"],
    [["--stdin", "a.md"], "tmlint: --stdin lints standard input alone; drop the file arguments and --files-from, or drop --stdin.\nRun `tmlint --help` for usage.\n"],
    [["--stdin-filename", "a.md"], "tmlint: --stdin-filename names the --stdin text; add --stdin or drop --stdin-filename.\nRun `tmlint --help` for usage.\n"],
    [["--config", "", "a.md"], "tmlint: --config needs a file path, such as `--config .tmlintrc.json`.\nRun `tmlint --help` for usage.\n"],
    [["--bogus", "a.md"], "tmlint: Unknown argument: bogus\nRun `tmlint --help` for usage.\n"],
    [["--bogus-opt", "a.md"], "tmlint: Unknown argument: bogus-opt\nRun `tmlint --help` for usage.\n"],
    [["--bogus_opt", "a.md"], "tmlint: Unknown argument: bogus_opt\nRun `tmlint --help` for usage.\n"],
    [["--first-bad", "--second-bad", "a.md"], "tmlint: Unknown arguments: first-bad, second-bad\nRun `tmlint --help` for usage.\n"],
    // An empty value would read as 0 and turn the limit off without a word.
    [["--max-file-time", "", "a.md"], "tmlint: --max-file-time must be a number of seconds of 0 or more, such as `--max-file-time 60`; 0 turns the limit off.\nRun `tmlint --help` for usage.\n"],
    [["--max-file-time", "  ", "a.md"], "tmlint: --max-file-time must be a number of seconds of 0 or more, such as `--max-file-time 60`; 0 turns the limit off.\nRun `tmlint --help` for usage.\n"],
    [["--max-file-time", "-1", "a.md"], "tmlint: --max-file-time must be a number of seconds of 0 or more, such as `--max-file-time 60`; 0 turns the limit off.\nRun `tmlint --help` for usage.\n"],
    [["--max-file-time", "5", "--max-file-time", "1", "a.md"], "tmlint: --max-file-time was given more than once; give it once.\nRun `tmlint --help` for usage.\n"],
  ];
  it.each(cases)("%j", async (argv, stderr) => {
    const result = await runCli(tree({ "a.md": CLEAN }), argv);
    expect(result.stderr).toBe(stderr);
    expect(result.code).toBe(2);
  });

  it("--help and --version exit 0", async () => {
    const root = tree({});
    const help = await runCli(root, ["--help"]);
    expect(help.code).toBe(0);
    for (const option of ["--config", "--preset", "--rule", "--format", "--output-file", "--quiet", "--max-warnings", "--color", "--stdin", "--stdin-filename", "--files-from", "--ignore-pattern", "--error-on-unmatched-pattern", "--report-unused-disable-directives", "--print-config", "--list-rules"]) {
      expect(help.stdout, option).toContain(option);
    }
    expect(await runCli(root, ["--version"])).toMatchObject({ code: 0, stdout: expect.stringMatching(/^\d+\.\d+\.\d+\n$/) as unknown as string });
    expect(existsSync(join(root, "out.txt"))).toBe(false);
  });

  it("help keeps words whole within 80 columns", async () => {
    const root = tree({});
    // Each text must survive the layout whole: wrapping may only turn its spaces into line breaks.
    const texts: [string[], string][] = [
      [["--help"], "Apply this preset over the configuration: recommended, strict, threat-composer; recommended by default"],
      [["--help"], "Output format: stylish, compact, unix, json, sarif, github, junit, gitlab; stylish by default"],
      [["--help"], "Write the ThreatComposer .tc.json file of a Markdown threat model (FILE.tc.json beside it, or --output-file)."],
      [["--help"], "Exit codes: 0 no errors, 1 errors found (or more warnings than --max-warnings), 2 usage, configuration or I/O error."],
      [["--help"], "--report-unused-disable-directives"],
      [["--help"], "tmlint --preset strict -f unix docs/"],
      [["export", "--help"], "Write the .tc.json file here instead of beside the Markdown file; - writes to standard output"],
      [["rules", "--help"], "Output format: text (an aligned table) or json; text by default"],
    ];
    for (const [argv, text] of texts) {
      const help = await runCli(root, argv);
      expect(help.code, text).toBe(0);
      expect(help.stdout.replace(/\s+/g, " "), text).toContain(text);
      for (const line of help.stdout.split("\n")) expect(line.length, line).toBeLessThanOrEqual(80);
    }
  });

  it("export --help lists only export options", async () => {
    const help = (await runCli(tree({}), ["export", "--help"])).stdout;
    for (const option of ["--output-file", "--seed", "--help"]) expect(help, option).toContain(option);
    // Each example command stays on one line, so that it can be copied.
    expect(help).toMatch(/^ {2}tmlint export tm\.md -o out\/tm\.tc\.json +Write it elsewhere$/m);
    for (const option of ["--config", "--preset", "--format", "--quiet", "--stdin", "--max-file-time", "--list-rules", "Configuration:"]) {
      expect(help, option).not.toContain(option);
    }
  });

  it("rules --help lists only rules options", async () => {
    const help = (await runCli(tree({}), ["rules", "--help"])).stdout;
    for (const option of ["--config", "--format", "--help"]) expect(help, option).toContain(option);
    for (const option of ["--preset", "--rule", "--quiet", "--output-file", "--stdin", "--max-file-time", "--list-rules", "--seed"]) {
      expect(help, option).not.toContain(option);
    }
  });
});
