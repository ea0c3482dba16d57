import { symlinkSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, tree } from "./helpers.js";

const UNMATCHED_HINT = "check the path, or pass --no-error-on-unmatched-pattern to allow this.";

describe("messages about inputs", () => {
  it("follow the order of the arguments", async () => {
    const root = tree({
      ".tmlintrc.json": '{ "ignores": ["ignored.md"] }',
      "empty.md": "",
      "nul.md": "a\u0000b",
      "x.md/notes.txt": "x",
      "ignored.md": "# Ignored\n",
      "bom-crlf.md": "\uFEFF# Title\r\n",
    });
    symlinkSync("loop-b.md", join(root, "loop-a.md"));
    symlinkSync("loop-a.md", join(root, "loop-b.md"));

    const result = await runCli(root, ["-f", "stylish", "empty.md", "nul.md", "loop-a.md", "x.md", "ignored.md", "bom-crlf.md", "missing.md"]);
    expect(result.stderr.split("\n")).toEqual([
      "tmlint: nul.md: not a text file (NUL byte at offset 1).",
      "tmlint: loop-a.md: too many levels of symbolic links.",
      `tmlint: x.md: no Markdown or .tc.json files in this folder; ${UNMATCHED_HINT}`,
      "tmlint: warning: ignored.md is ignored by the pattern `ignored.md` in the configuration file .tmlintrc.json, so it was not linted; remove the pattern to lint it.",
      `tmlint: missing.md: no such file or folder; ${UNMATCHED_HINT}`,
      "",
    ]);
    expect(result.code).toBe(2);
  });

  it("come before a --rule error", async () => {
    const root = tree({ "tm.md": "# Clean\n" });
    const result = await runCli(root, ["--rule", "nope-rule: warn", "missing.md", "tm.md"]);
    expect(result.stderr.split("\n")).toEqual([
      `tmlint: missing.md: no such file or folder; ${UNMATCHED_HINT}`,
      "tmlint: --rule: nope-rule: unknown rule `nope-rule`; run `tmlint rules` to list the rule ids.",
      "",
    ]);
    expect(result.code).toBe(2);
  });
});
