import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { runCli, tree } from "./helpers.js";

const XREF_ERROR = '{ "extends": [], "rules": { "xref-target-exists": "error" } }';
const XREF_WARN = '{ "extends": [], "rules": { "xref-target-exists": "warn" } }';
const DANGLING = "# Threat Model\n\n[**T-0404**](#T-0404)\n";

/** Each case: a name, the files, the arguments, and the exit code every environment must give. */
const CASES: { name: string; files: Record<string, string>; argv: string[]; code: number }[] = [
  { name: "clean file", files: { "tm.md": "# Clean\n", ".tmlintrc.json": XREF_ERROR }, argv: ["tm.md"], code: 0 },
  { name: "warnings only", files: { "tm.md": DANGLING, ".tmlintrc.json": XREF_WARN }, argv: ["tm.md"], code: 0 },
  { name: "warnings over --max-warnings", files: { "tm.md": DANGLING, ".tmlintrc.json": XREF_WARN }, argv: ["--max-warnings", "0", "tm.md"], code: 1 },
  { name: "errors found", files: { "tm.md": DANGLING, ".tmlintrc.json": XREF_ERROR }, argv: ["tm.md"], code: 1 },
  { name: "errors hidden by nothing under --quiet", files: { "tm.md": DANGLING, ".tmlintrc.json": XREF_ERROR }, argv: ["--quiet", "tm.md"], code: 1 },
  { name: "errors in the github format", files: { "tm.md": DANGLING, ".tmlintrc.json": XREF_ERROR }, argv: ["-f", "github", "tm.md"], code: 1 },
  { name: "errors in the sarif format", files: { "tm.md": DANGLING, ".tmlintrc.json": XREF_ERROR }, argv: ["-f", "sarif", "tm.md"], code: 1 },
  { name: "usage error", files: {}, argv: ["--no-such-option", "tm.md"], code: 2 },
  { name: "configuration error", files: { "tm.md": "# Clean\n", ".tmlintrc.json": '{ "rules": { "id-format": "loud" } }' }, argv: ["tm.md"], code: 2 },
  { name: "missing file", files: {}, argv: ["tm.md"], code: 2 },
];

const CI_ENV = { GITHUB_ACTIONS: "true", CI: "true", GITHUB_WORKSPACE: "/github/workspace" };

describe("exit codes", () => {
  for (const { name, files, argv, code } of CASES) {
    it(`${name}: ${code} with and without CI variables`, async () => {
      const root = tree(files);
      expect((await runCli(root, argv, { env: {} })).code).toBe(code);
      expect((await runCli(root, argv, { env: CI_ENV })).code).toBe(code);
    });
  }
});

// The built executable, run as a separate process with the CI variables in its real environment.
const bin = resolve(dirname(fileURLToPath(import.meta.url)), "../../dist/src/cli/bin.js");
const built = existsSync(bin);
if (!built) console.warn(`exit codes of the built executable skipped: ${bin} is missing; run \`npm run build\` first.`);

describe.skipIf(!built)("exit codes of the built executable", () => {
  it("are the same with and without GITHUB_ACTIONS and CI", () => {
    for (const { name, files, argv, code } of CASES) {
      const root = tree(files);
      const { GITHUB_ACTIONS: _actions, CI: _ci, ...plain } = process.env;
      const without = spawnSync(process.execPath, [bin, ...argv], { cwd: root, env: plain, encoding: "utf8" });
      const withCi = spawnSync(process.execPath, [bin, ...argv], { cwd: root, env: { ...plain, ...CI_ENV }, encoding: "utf8" });
      expect(without.status, name).toBe(code);
      expect(withCi.status, name).toBe(code);
      expect(withCi.stderr, name).not.toMatch(/\n\s+at /);
    }
    // Twenty process starts; slow when the whole suite runs in parallel.
  }, 120_000);

  it("--version and --help load no configuration code", () => {
    // NODE_DEBUG=module logs each CommonJS module Node loads; ajv and lilconfig are CommonJS.
    for (const flag of ["--version", "--help"]) {
      const result = spawnSync(process.execPath, [bin, flag], { env: { ...process.env, NODE_DEBUG: "module" }, encoding: "utf8" });
      expect(result.status, flag).toBe(0);
      expect(result.stderr, flag).not.toMatch(/node_modules\/(ajv|lilconfig)\//);
    }
  });

  it("reads --stdin and --files-from - from a real pipe", () => {
    const root = tree({ "a.md": DANGLING, ".tmlintrc.json": XREF_ERROR });
    const stdin = spawnSync(process.execPath, [bin, "--stdin", "-f", "unix"], { cwd: root, input: DANGLING, encoding: "utf8" });
    expect(stdin.stdout).toBe("<stdin>:3:1: error: Threat `T-0404` is linked but not defined; add it to the Threats table or fix the link. [xref-target-exists]\n");
    expect(stdin.status).toBe(1);
    const list = spawnSync(process.execPath, [bin, "--files-from", "-", "-f", "unix"], { cwd: root, input: "a.md\n", encoding: "utf8" });
    expect(list.stdout).toBe("a.md:3:1: error: Threat `T-0404` is linked but not defined; add it to the Threats table or fix the link. [xref-target-exists]\n");
  });
});
