/**
 * The `text-encoding` rule through the CLI: it is listed, reported at the bad byte, and
 * turned off by `--rule` and by a configuration file, in-process and in the built executable.
 */

import { spawnSync } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../helpers.js";
import { runCli, tree } from "./helpers.js";

/** `# Café` saved as Latin-1: the byte 0xE9 at offset 5 is not valid UTF-8. */
const LATIN1 = Buffer.concat([Buffer.from("# Caf"), Buffer.from([0xe9]), Buffer.from("\n")]);

/** A ThreatComposer file with the same byte in a string on line 2. */
const LATIN1_JSON = Buffer.concat([Buffer.from('{\n  "schema": 1, "note": "Caf'), Buffer.from([0xe9]), Buffer.from('"\n}\n')]);

const MESSAGE = (byteOffset: number) =>
  `File is not valid UTF-8: byte offset ${byteOffset} starts an invalid sequence; it was read with replacement characters (U+FFFD). Save the file as UTF-8. [text-encoding]`;

/** Makes a folder with both files and a configuration that runs text-encoding alone. */
function latin1Tree(rules = '{ "text-encoding": "warn" }'): string {
  const root = tree({ ".tmlintrc.json": `{ "extends": [], "rules": ${rules} }` });
  writeFileSync(join(root, "latin1.md"), LATIN1);
  writeFileSync(join(root, "latin1.tc.json"), LATIN1_JSON);
  return root;
}

const EXPECTED = `latin1.md:1:6: warning: ${MESSAGE(5)}\nlatin1.tc.json:2:28: warning: ${MESSAGE(29)}\n`;

describe("text-encoding in the CLI", () => {
  it("reports both files at the bad byte", async () => {
    const result = await runCli(latin1Tree(), ["-f", "unix", "latin1.md", "latin1.tc.json"]);
    expect(result.stdout).toBe(EXPECTED);
    expect(result.code).toBe(0);
  });

  it("is turned off by --rule", async () => {
    const result = await runCli(latin1Tree(), ["-f", "unix", "--rule", "text-encoding: off", "latin1.md", "latin1.tc.json"]);
    expect(result.stderr).toBe("");
    expect(result.stdout).toBe("");
    expect(result.code).toBe(0);
  });

  it("is turned off by the configuration", async () => {
    const result = await runCli(latin1Tree('{ "text-encoding": "off" }'), ["-f", "unix", "latin1.md", "latin1.tc.json"]);
    expect(result.stdout).toBe("");
    expect(result.code).toBe(0);
  });

  it("is an error when set so", async () => {
    const result = await runCli(latin1Tree('{ "text-encoding": "error" }'), ["-f", "unix", "latin1.tc.json"]);
    expect(result.stdout).toBe(`latin1.tc.json:2:28: error: ${MESSAGE(29)}\n`);
    expect(result.code).toBe(1);
  });

  it("is listed by tmlint rules", async () => {
    const result = await runCli(tree({}), ["rules"]);
    expect(result.stdout.split("\n").find((line) => line.startsWith("text-encoding "))).toMatch(
      /^text-encoding +warn +warn +warn +- +Require files to be valid UTF-8\.$/,
    );
  });
});

// The built executable, run as a separate process, as a user runs it.
const bin = resolve(repoRoot, "dist/src/cli/bin.js");
const built = existsSync(bin);
if (!built) console.warn(`text-encoding tests of the built executable skipped: ${bin} is missing; run \`npm run build\` first.`);

describe.skipIf(!built)("text-encoding in the built executable", () => {
  const runBin = (cwd: string, argv: string[]) => spawnSync(process.execPath, [bin, ...argv], { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });

  it("reports both files at the bad byte", () => {
    const result = runBin(latin1Tree(), ["-f", "unix", "latin1.md", "latin1.tc.json"]);
    expect(result.stdout).toBe(EXPECTED);
    expect(result.status).toBe(0);
  });

  it("is turned off by --rule", () => {
    const result = runBin(latin1Tree(), ["-f", "unix", "--rule", "text-encoding: off", "latin1.md", "latin1.tc.json"]);
    expect(result.stderr).toBe("");
    expect(result.stdout).toBe("");
    expect(result.status).toBe(0);
  });
});
