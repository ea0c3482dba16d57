/**
 * Startup: `tmlint --version` loads no parsing or linting code, and a lint run loads ajv and
 * the formatters it does not print with only when needed. The built executable runs with a
 * preload that records every module it loads, ESM and CommonJS, so no timing is involved.
 */

import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { repoRoot } from "../helpers.js";

const bin = resolve(repoRoot, "dist/src/cli/bin.js");
const bundle = resolve(repoRoot, "dist/bundle/tmlint.js");
const built = existsSync(bin);
if (!built) console.warn(`startup tests skipped: ${bin} is missing; run \`npm run build\` first.`);

const folder = mkdtempSync(join(tmpdir(), "tmlint-startup-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

// The resolve hook runs on the loader thread and appends each ESM URL to the log; the
// preload adds the CommonJS modules in require.cache when the process exits.
const HOOKS = `import { appendFileSync } from "node:fs";
export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  appendFileSync(process.env.MODULE_LOG, result.url + "\\n");
  return result;
}
`;
const PRELOAD = `import { appendFileSync } from "node:fs";
import { createRequire, register } from "node:module";
register(${JSON.stringify(pathToFileURL(join(folder, "hooks.mjs")).href)});
const require = createRequire(import.meta.url);
process.on("exit", () => appendFileSync(process.env.MODULE_LOG, Object.keys(require.cache).join("\\n") + "\\n"));
`;
writeFileSync(join(folder, "hooks.mjs"), HOOKS);
writeFileSync(join(folder, "preload.mjs"), PRELOAD);
writeFileSync(join(folder, "tm.md"), "# Threat Model\n\n[**T-0404**](#T-0404)\n");

/** Runs a built executable and returns its output and the modules it loaded. */
function loadedModules(argv: readonly string[], script = bin): { stdout: string; modules: string[] } {
  const log = join(folder, `modules-${argv.join("-").replace(/\W+/g, "_")}.log`);
  writeFileSync(log, "");
  const child = spawnSync(process.execPath, ["--import", pathToFileURL(join(folder, "preload.mjs")).href, script, ...argv], {
    cwd: folder,
    encoding: "utf8",
    env: { ...process.env, MODULE_LOG: log },
  });
  const modules = readFileSync(log, "utf8").split("\n").filter(Boolean);
  return { stdout: child.stdout, modules };
}

const PARSING = /\/(remark-parse|micromark|mdast-util-from-markdown|unified)\/|\/dist\/src\/parse\/|\/dist\/rules\/|\/dist\/bundle\/(markdown|model|lint-files)-/;

describe.skipIf(!built)("startup", () => {
  it("--version parses nothing", () => {
    const { stdout, modules } = loadedModules(["--version"]);
    expect(stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
    expect(modules.some((module) => module.includes("/dist/src/cli/run.js"))).toBe(true);
    expect(modules.filter((module) => PARSING.test(module))).toEqual([]);
    expect(modules.filter((module) => /\/ajv\//.test(module))).toEqual([]);
  });

  it.skipIf(!existsSync(bundle))("--version of the bundle loads no linting chunk", () => {
    const { stdout, modules } = loadedModules(["--version"], bundle);
    expect(stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
    expect(modules.some((module) => module.endsWith("/dist/bundle/tmlint.js"))).toBe(true);
    expect(modules.filter((module) => PARSING.test(module))).toEqual([]);
  });

  it("a Markdown run loads no ajv and one formatter", () => {
    const { stdout, modules } = loadedModules(["--no-config", "tm.md"]);
    expect(stdout).toContain("xref-target-exists");
    expect(modules.some((module) => module.includes("/dist/src/parse/markdown.js"))).toBe(true);
    expect(modules.filter((module) => /\/ajv\//.test(module))).toEqual([]);
    const formatters = modules.filter((module) => /\/dist\/src\/formatters\/(stylish|compact|unix|json|sarif|github|junit|gitlab)\.js$/.test(module));
    expect([...new Set(formatters.map((module) => module.replace(/.*\//, "")))]).toEqual(["stylish.js"]);
  });
});
