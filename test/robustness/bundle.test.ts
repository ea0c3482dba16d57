/**
 * The bundled executable (`dist/bundle/tmlint.js`, the package's `tmlint`) behaves like the
 * compiled sources it is built from: the same output and exit code, the same help, and a
 * lint worker it can find. Skips when the bundle has not been built.
 */

import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { tree } from "../cli/helpers.js";
import { EXAMPLE_PATH } from "./arbitraries.js";
import { repoRoot } from "../helpers.js";

const bundle = resolve(repoRoot, "dist/bundle/tmlint.js");
const compiled = resolve(repoRoot, "dist/src/cli/bin.js");
const built = existsSync(bundle) && existsSync(compiled);
if (!built) console.warn(`bundle tests skipped: ${bundle} or ${compiled} is missing; run \`npm run build\` first.`);

function run(script: string, argv: readonly string[], cwd = repoRoot): { code: number | null; stdout: string; stderr: string } {
  const child = spawnSync(process.execPath, [script, ...argv], { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  return { code: child.status, stdout: child.stdout, stderr: child.stderr };
}

describe.skipIf(!built)("bundled executable", () => {
  it.each([
    ["the example, strict, unix", ["--preset", "strict", "-f", "unix", EXAMPLE_PATH]],
    ["the example, sarif", ["-f", "sarif", EXAMPLE_PATH]],
    ["--help", ["--help"]],
    ["--version", ["--version"]],
    ["an unknown option", ["--no-such-option"]],
  ])("matches the compiled sources: %s", (_name, argv) => {
    expect(run(bundle, argv)).toEqual(run(compiled, argv));
  });

  it("finds its lint worker for the time limit", () => {
    const root = tree({ "slow.md": "# T\n\n" + "[a](b)".repeat(350_000) + "\n" });
    const result = run(bundle, ["--max-file-time", "1", "slow.md"], root);
    expect(result.stderr).toMatch(/^tmlint: slow\.md: too slow to lint: stopped after 1\.5 s/);
    expect(result.code).toBe(2);
  }, 60_000);
});
