/**
 * Hostile files: each must be linted, or reported with a reason that names it, and never
 * crash, hang or stop the other files from being linted. Large inputs are generated into a
 * temporary folder. The time limit runs on worker threads, which exist only in the built
 * package, so those tests run the built executable and skip without `dist/`.
 *
 * `npm run fuzz` (TMLINT_FUZZ_SCALE set) adds the slow ones: a 5 MB line, a 50 MB document,
 * tables of 100,000 rows and 10,000 nested list levels parsed without a time limit.
 */

import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { expandPaths } from "../../src/files.js";
import { lintFiles } from "../../src/lint-files.js";
import { repoRoot } from "../helpers.js";
import { runCli, tree } from "../cli/helpers.js";
import { lintAndCheck, LONG_MODE } from "./check.js";

const bin = resolve(repoRoot, "dist/src/cli/bin.js");
const built = existsSync(bin);
if (!built) console.warn(`time-limit tests skipped: ${bin} is missing; run \`npm run build\` first.`);

const folder = mkdtempSync(join(tmpdir(), "tmlint-hostile-"));
afterAll(() => {
  chmodSync(folder, 0o755);
  rmSync(folder, { recursive: true, force: true });
});

/** Writes a file into the shared temporary folder and returns its path. */
function write(name: string, content: string | Uint8Array): string {
  const path = join(folder, name);
  writeFileSync(path, content);
  return path;
}

const CLEAN = "# Threat Model\n\n## Threats\n\n| Threat ID | Threat |\n| --- | --- |\n";
const BROKEN = "# Threat Model\n\n[**T-0404**](#T-0404)\n";
const BROKEN_FINDING = "b.md:3:1: error: Threat `T-0404` is linked but not defined; add it to the Threats table or fix the link. [xref-target-exists]";
/** A configuration with one rule, so that each test sees only the finding it expects. */
const XREF_ONLY = '{ "extends": [], "rules": { "xref-target-exists": "error" } }';
const RULES = ["-f", "unix"];

/** A Threats table of `count` rows whose six-digit IDs each give an id-format finding. */
function tableOfRows(count: number): string {
  const rows = Array.from({ length: count }, (_, index) => `| T-${String(index + 1).padStart(6, "0")} | x |`);
  return ["# T", "", "## Threats", "", "| Threat ID | Threat |", "| --- | --- |", ...rows, ""].join("\n");
}

/** Runs the built executable in `cwd`; returns its exit code, output and wall time. */
function runBuilt(cwd: string, argv: readonly string[]): { code: number | null; stdout: string; stderr: string; seconds: number } {
  const started = performance.now();
  const child = spawnSync(process.execPath, [bin, ...argv], { cwd, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  return { code: child.status, stdout: child.stdout, stderr: child.stderr, seconds: (performance.now() - started) / 1000 };
}

describe.skipIf(!built)("files slow to parse, under --max-file-time", () => {
  // remark's inline parsing is superlinear on one paragraph of links or bold text: 2 MB of
  // either takes it well over two seconds on any machine, so a 1 s limit always stops it.
  it.each([
    ["links", "[a](b)"],
    ["bold text", "**b** "],
  ])("2 MB paragraph of %s is reported as too slow", (_name, unit) => {
    const root = tree({ "slow.md": "# T\n\n" + unit.repeat(Math.ceil(2_000_000 / unit.length)) + "\n", "b.md": BROKEN, ".tmlintrc.json": XREF_ONLY });
    const run = runBuilt(root, ["--max-file-time", "1", ...RULES, "slow.md", "b.md"]);
    // The limit grows by 1 s for every 4 MB: 2 MB of text get 1.5 s.
    expect(run.stderr).toBe("tmlint: slow.md: too slow to lint: stopped after 1.5 s, the --max-file-time 1 limit for its 2.0 MB; split the file, or raise the limit (0 turns it off).\n");
    expect(run.stdout).toBe(`${BROKEN_FINDING}\n`);
    expect(run.code).toBe(2);
    // The limit, plus two process and thread starts on a loaded machine.
    expect(run.seconds).toBeLessThan(30);
  }, 60_000);

  it("10,000 nested list levels end within the limit", () => {
    const root = tree({ "deep.md": "# T\n\n" + "- ".repeat(10_000) + "x\n", "b.md": BROKEN, ".tmlintrc.json": XREF_ONLY });
    const run = runBuilt(root, ["--max-file-time", "3", ...RULES, "deep.md", "b.md"]);
    // Either outcome is bounded: linted (no findings) or stopped at the limit.
    if (run.code === 2) expect(run.stderr).toContain("tmlint: deep.md: too slow to lint: stopped after 3.0 s, the --max-file-time 3 limit;");
    else expect(run.stderr).toBe("");
    expect(run.stdout).toBe(`${BROKEN_FINDING}\n`);
    expect(run.seconds).toBeLessThan(30);
  }, 60_000);

  it("a limit given on the command line applies to a small file", () => {
    // 480 KB of `www.a ` paragraph is too small and too plain for mayBeSlow, and takes remark
    // well over a second, so only a limit kept for every file stops it.
    const root = tree({ "www.md": "# T\n\n" + "www.a ".repeat(80_000) + "\n", "b.md": BROKEN, ".tmlintrc.json": XREF_ONLY });
    const run = runBuilt(root, ["--max-file-time", "0.2", ...RULES, "www.md", "b.md"]);
    expect(run.stderr).toBe("tmlint: www.md: too slow to lint: stopped after 0.2 s, the --max-file-time 0.2 limit; split the file, or raise the limit (0 turns it off).\n");
    expect(run.stdout).toBe(`${BROKEN_FINDING}\n`);
    expect(run.code).toBe(2);
  }, 60_000);

  it("a limit beyond what a timer holds is no limit", () => {
    // setTimeout fires at once for a delay over 2^31 - 1 ms; the file must still be linted.
    const root = tree({ "b.md": BROKEN, ".tmlintrc.json": XREF_ONLY });
    const run = runBuilt(root, ["--max-file-time", "3000000", ...RULES, "b.md"]);
    expect(run.stderr).toBe("");
    expect(run.stdout).toBe(`${BROKEN_FINDING}\n`);
    expect(run.code).toBe(1);
  }, 60_000);

  it("many files keep their order on worker threads", () => {
    const files: Record<string, string> = { ".tmlintrc.json": XREF_ONLY };
    // Six files of 180 KB: enough files and bytes for the run to use worker threads.
    const padding = "word ".repeat(36_000);
    for (let index = 0; index < 6; index++) files[`f${index}.md`] = `# T\n\n${padding}\n\n[**T-040${index}**](#T-040${index})\n`;
    const root = tree(files);
    const names = Object.keys(files).filter((name) => name.endsWith(".md"));
    const together = runBuilt(root, [...RULES, "--concurrency", "3", ...names]);
    const serial = runBuilt(root, [...RULES, "--concurrency", "1", ...names]);
    expect(together.stdout).toBe(serial.stdout);
    expect(together.stdout.split("\n").filter(Boolean).map((line) => line.split(":")[0])).toEqual(names);
    expect(together.code).toBe(1);
  }, 120_000);
});

describe("hostile files, linted in this thread", () => {
  it("empty file", () => {
    const { result, problems } = lintAndCheck("");
    expect(problems).toEqual([]);
    expect(result.fatal).toBeUndefined();
    expect(result.diagnostics.every((diagnostic) => diagnostic.range.start.line === 1 && diagnostic.range.start.column === 1)).toBe(true);
  });

  it("only front matter", () => {
    const text = "---\ntitle: Payments\nowner: platform\n---\n";
    const { result, problems } = lintAndCheck(text);
    expect(problems).toEqual([]);
    expect(result.fatal).toBeUndefined();
  });

  it("single 1 MB line", () => {
    const text = "# T\n\n" + "who can reach the API ".repeat(50_000) + "\n";
    expect(text.length).toBeGreaterThan(1_000_000);
    const { result, problems } = lintAndCheck(text);
    expect(problems).toEqual([]);
    expect(result.fatal).toBeUndefined();
  }, 60_000);

  it("10,000 nested block quotes", () => {
    const { result, problems } = lintAndCheck("# T\n\n" + "> ".repeat(10_000) + "x [**T-0404**](#T-0404)\n");
    expect(problems).toEqual([]);
    expect(result.fatal).toBeUndefined();
    const missing = result.diagnostics.find((diagnostic) => diagnostic.ruleId === "xref-target-exists");
    expect(missing?.range.start).toEqual({ line: 3, column: 20_003, offset: 20_007 });
  });

  it("2,000 nested list levels", () => {
    const { result, problems } = lintAndCheck("# T\n\n" + "- ".repeat(2_000) + "1. > x\n");
    expect(problems).toEqual([]);
    expect(result.fatal).toBeUndefined();
  }, 60_000);

  it("table of 10,000 rows", () => {
    const { result, problems } = lintAndCheck(tableOfRows(10_000));
    expect(problems).toEqual([]);
    expect(result.fatal).toBeUndefined();
    const formats = result.diagnostics.filter((diagnostic) => diagnostic.ruleId === "id-format");
    expect(formats).toHaveLength(10_000);
    expect(formats[9_999]?.range.start.line).toBe(10_006);
  }, 60_000);
});

describe("files that cannot be linted", () => {
  it("NUL byte is not a text file; the others are linted", async () => {
    const root = tree({ "b.md": BROKEN, ".tmlintrc.json": XREF_ONLY });
    writeFileSync(join(root, "bin.md"), Uint8Array.from([0x23, 0x20, 0x54, 0x00, 0x0a]));
    const run = await runCli(root, [...RULES, "bin.md", "b.md"]);
    expect(run.stderr).toBe("tmlint: bin.md: not a text file (NUL byte at offset 3).\n");
    expect(run.stdout).toBe(`${BROKEN_FINDING}\n`);
    expect(run.code).toBe(2);
  });

  it("invalid UTF-8 is a warning naming the byte offset", async () => {
    const root = tree({ ".tmlintrc.json": XREF_ONLY });
    writeFileSync(join(root, "latin1.md"), Buffer.concat([Buffer.from("# Caf"), Buffer.from([0xe9]), Buffer.from("\n")]));
    const run = await runCli(root, [...RULES, "--rule", "text-encoding: warn", "latin1.md"]);
    expect(run.stdout).toBe(
      "latin1.md:1:6: warning: File is not valid UTF-8: byte offset 5 starts an invalid sequence; it was read with replacement characters (U+FFFD). Save the file as UTF-8. [text-encoding]\n",
    );
    expect(run.code).toBe(0);
  });

  it("folder named x.md is walked, not read", async () => {
    const root = tree({ "x.md/inner.md": BROKEN, "a.md": CLEAN, ".tmlintrc.json": XREF_ONLY });
    const walked = await runCli(root, [...RULES, "."]);
    expect(walked.stdout).toBe(BROKEN_FINDING.replace("b.md", "x.md/inner.md") + "\n");
    expect(walked.code).toBe(1);

    const empty = tree({ "x.md/notes.txt": "", "a.md": CLEAN, ".tmlintrc.json": XREF_ONLY });
    const named = await runCli(empty, [...RULES, "x.md", "a.md"]);
    expect(named.stderr).toBe("tmlint: x.md: no Markdown or .tc.json files in this folder; check the path, or pass --no-error-on-unmatched-pattern to allow this.\n");
    expect(named.code).toBe(2);
  });

  it("symbolic link loop ends the walk and names the link", async () => {
    const root = tree({ "b.md": BROKEN, ".tmlintrc.json": XREF_ONLY });
    mkdirSync(join(root, "sub"));
    symlinkSync(root, join(root, "sub", "back"));
    symlinkSync("self.md", join(root, "self.md"));
    const walked = await runCli(root, [...RULES, "."]);
    expect(walked.stdout).toBe(`${BROKEN_FINDING}\n`);

    const named = await runCli(root, [...RULES, "self.md", "b.md"]);
    expect(named.stderr).toBe("tmlint: self.md: too many levels of symbolic links.\n");
    expect(named.stdout).toBe(`${BROKEN_FINDING}\n`);
    expect(named.code).toBe(2);
  });

  it("file without read permission", async (context) => {
    const path = write("secret.md", BROKEN);
    chmodSync(path, 0o000);
    let readable = true;
    try {
      readFileSync(path);
    } catch {
      readable = false;
    }
    // Root reads any file whatever its mode; unreadable.test.ts simulates the error instead.
    if (readable) {
      context.skip("this process reads files whatever their mode (it runs as root); unreadable.test.ts covers the error");
      return;
    }
    const [result] = await lintFiles([path], { useConfigFile: false });
    expect(result?.fatal).toBe("permission denied");
  });

  it("file that disappears between listing and reading", async () => {
    const root = tree({ "gone.md": BROKEN, "b.md": BROKEN });
    const { files } = await expandPaths(["."], { cwd: root });
    unlinkSync(join(root, "gone.md"));
    const results = await lintFiles(files, { useConfigFile: false, rules: { "xref-target-exists": "error" } });
    expect(results.map((result) => [result.filePath.slice(root.length + 1), result.fatal])).toEqual([
      ["b.md", undefined],
      ["gone.md", "file not found"],
    ]);
    expect(results[0]?.errorCount).toBe(1);
  });
});

describe.runIf(LONG_MODE)("slow hostile files (npm run fuzz)", () => {
  it("single 5 MB line", () => {
    const text = "# T\n\n" + "who can reach the API ".repeat(250_000) + "\n";
    expect(text.length).toBeGreaterThan(5_000_000);
    const { result, problems } = lintAndCheck(text);
    expect(problems).toEqual([]);
    expect(result.fatal).toBeUndefined();
  }, 0);

  it("table of 100,000 rows", () => {
    const { result, problems } = lintAndCheck(tableOfRows(100_000));
    expect(problems).toEqual([]);
    expect(result.fatal).toBeUndefined();
    const formats = result.diagnostics.filter((diagnostic) => diagnostic.ruleId === "id-format");
    expect(formats).toHaveLength(100_000);
    expect(formats[99_999]?.range.start.line).toBe(100_006);
  }, 0);

  it("50 MB document", async () => {
    const { generateDocument } = (await import("../../bench/generate.mjs")) as { generateDocument: (options: { threats: number; seed: number }) => string };
    const text = generateDocument({ threats: 12_500, seed: 7 });
    expect(text.length).toBeGreaterThan(50_000_000);
    const path = write("fifty.md", text);
    const [result] = await lintFiles([path], { preset: "strict", useConfigFile: false, maxFileTime: 0 });
    expect(result?.fatal).toBeUndefined();
    expect(result?.errorCount).toBeGreaterThan(0);
  }, 0);

  it("10,000 nested list levels, no limit", () => {
    const { result, problems } = lintAndCheck("# T\n\n" + "- ".repeat(10_000) + "x\n");
    expect(problems).toEqual([]);
    expect(result.fatal).toBeUndefined();
  }, 0);

  it("generated table of 100,000 rows", async () => {
    const { generateThreatsTable } = (await import("../../bench/generate.mjs")) as { generateThreatsTable: (options: { rows: number; seed: number }) => string };
    const { result, problems } = lintAndCheck(generateThreatsTable({ rows: 100_000, seed: 3 }));
    expect(problems).toEqual([]);
    expect(result.fatal).toBeUndefined();
  }, 0);
});
