import { existsSync, mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BROKEN_LINES, runCli, tree } from "./helpers.js";

const XREF_ERROR = '{ "extends": [], "rules": { "xref-target-exists": "error" } }';
const DANGLING = "# Threat Model\n\n[**T-0404**](#T-0404)\n";

/** The unix line XREF_ERROR gives for DANGLING at a path. */
function dangling(path: string): string {
  return `${path}:3:1: error: Threat \`T-0404\` is linked but not defined; add it to the Threats table or fix the link. [xref-target-exists]`;
}

describe("--stdin", () => {
  it("lints standard input as <stdin>", async () => {
    const root = tree({ ".tmlintrc.json": XREF_ERROR });
    const result = await runCli(root, ["--stdin", "-f", "unix"], { stdin: DANGLING });
    expect(result.stdout).toBe(`${dangling("<stdin>")}\n`);
    expect(result.code).toBe(1);
  });

  it("uses --stdin-filename for configuration and output", async () => {
    const root = tree({ "docs/.tmlintrc.json": XREF_ERROR, ".tmlintrc.json": '{ "extends": [] }' });
    const result = await runCli(root, ["--stdin", "--stdin-filename", "docs/tm.md", "-f", "unix"], { stdin: DANGLING });
    expect(result.stdout).toBe(`${dangling("docs/tm.md")}\n`);
    expect((await runCli(root, ["--stdin", "-f", "unix"], { stdin: DANGLING })).stdout).toBe("");
  });

  it("warns and lints nothing when --stdin-filename is ignored", async () => {
    const root = tree({ ".tmlintrc.json": '{ "extends": [], "rules": { "xref-target-exists": "error" }, "ignores": ["drafts/"] }' });
    const result = await runCli(root, ["--stdin", "--stdin-filename", "drafts/tm.md", "-f", "unix"], { stdin: DANGLING });
    expect(result.stderr).toBe(
      "tmlint: warning: drafts/tm.md is ignored by the pattern `drafts/` in the configuration file .tmlintrc.json, so it was not linted; remove the pattern to lint it.\n",
    );
    expect(result.stdout).toBe("");
    expect(result.code).toBe(0);
  });

  it("reports binary input and lints text that is not UTF-8 with a warning", async () => {
    const root = tree({ ".tmlintrc.json": XREF_ERROR });
    const binary = await runCli(root, ["--stdin"], { stdin: new Uint8Array([0x23, 0x00, 0x41]) });
    expect(binary.stderr).toBe("tmlint: standard input: not a text file (NUL byte at offset 1).\n");
    expect(binary.code).toBe(2);
    const latin1 = await runCli(root, ["--stdin", "-f", "unix", "--rule", "text-encoding: warn"], { stdin: new Uint8Array([0x23, 0x20, 0xe9, 0x0a]) });
    expect(latin1.stdout).toBe(
      "<stdin>:1:3: warning: File is not valid UTF-8: byte offset 2 starts an invalid sequence; it was read with replacement characters (U+FFFD). Save the file as UTF-8. [text-encoding]\n",
    );
    expect(latin1.code).toBe(0);
  });

  it("lints a .tc.json name as JSON", async () => {
    const root = tree({});
    const result = await runCli(root, ["--no-config", "--stdin", "--stdin-filename", "model.tc.json", "-f", "unix"], { stdin: "{ not json" });
    expect(result.stdout).toMatch(/^model\.tc\.json:1:\d+: error: .*\[tc-json-schema\]\n/);
    expect(result.code).toBe(1);
  });
});

describe("--files-from", () => {
  it("reads paths from a file, one per line, CRLF and blank lines allowed", async () => {
    const root = tree({ ".tmlintrc.json": XREF_ERROR, "a.md": DANGLING, "b dir/b.md": DANGLING, "list.txt": "a.md\r\n\r\nb dir/b.md\r\n" });
    const result = await runCli(root, ["--files-from", "list.txt", "-f", "unix"]);
    expect(result.stdout).toBe(`${dangling("a.md")}\n${dangling("b dir/b.md")}\n`);
    expect(result.code).toBe(1);
  });

  it("reads paths from standard input with -", async () => {
    const root = tree({ ".tmlintrc.json": XREF_ERROR, "a.md": DANGLING });
    const result = await runCli(root, ["--files-from", "-", "-f", "unix"], { stdin: "a.md\n" });
    expect(result.stdout).toBe(`${dangling("a.md")}\n`);
  });

  it("reports a missing list file", async () => {
    const result = await runCli(tree({}), ["--files-from", "nope.txt"]);
    expect(result.stderr).toBe("tmlint: --files-from nope.txt: file not found.\n");
    expect(result.code).toBe(2);
  });

  it("lints thousands of files, with the same findings in one batch or many", async () => {
    const count = 2100;
    const root = tree({ ".tmlintrc.json": XREF_ERROR });
    const names: string[] = [];
    for (let index = 1; index <= count; index++) {
      const folder = join(root, "docs", String(index % 20));
      mkdirSync(folder, { recursive: true });
      const name = `docs/${index % 20}/tm-${index}.md`;
      // Every third file has a dangling link; the others are clean.
      writeFileSync(join(root, name), index % 3 === 0 ? DANGLING : `# TM ${index}\n`);
      names.push(name);
    }
    writeFileSync(join(root, "all.txt"), names.join("\n") + "\n");

    const whole = await runCli(root, ["--files-from", "all.txt", "-f", "unix"]);
    expect(whole.code).toBe(1);
    expect(whole.stdout.split("\n").filter(Boolean)).toHaveLength(count / 3);

    // pre-commit splits long file lists into batches and runs one process per batch.
    let batched = "";
    for (let start = 0; start < count; start += 700) {
      writeFileSync(join(root, "batch.txt"), names.slice(start, start + 700).join("\n"));
      batched += (await runCli(root, ["--files-from", "batch.txt", "-f", "unix"])).stdout;
    }
    expect(batched).toBe(whole.stdout);

    const summary = await runCli(root, ["--files-from", "all.txt", "--quiet"]);
    expect(summary.stdout.endsWith(`\nLinted ${count} files.\n`)).toBe(true);
  }, 60_000);
});

describe("ignores", () => {
  const files = {
    ".tmlintrc.json": '{ "extends": [], "rules": { "xref-target-exists": "error" }, "ignores": ["drafts/", "*.draft.md"] }',
    "docs/a.md": DANGLING,
    "docs/a.draft.md": DANGLING,
    "docs/drafts/b.md": DANGLING,
    "drafts/c.md": DANGLING,
  };

  it("skip files found in folders and globs silently", async () => {
    const root = tree(files);
    const folder = await runCli(root, ["-f", "unix", "."]);
    expect(folder.stdout).toBe(`${dangling("docs/a.md")}\n`);
    expect(folder.stderr).toBe("");
    expect((await runCli(root, ["-f", "unix", "docs/**/*.md"])).stdout).toBe(`${dangling("docs/a.md")}\n`);
  });

  it("warn about an explicitly named ignored file", async () => {
    const root = tree(files);
    const result = await runCli(root, ["-f", "unix", "docs/a.md", "docs/a.draft.md"]);
    expect(result.stdout).toBe(`${dangling("docs/a.md")}\n`);
    expect(result.stderr).toBe(
      "tmlint: warning: docs/a.draft.md is ignored by the pattern `*.draft.md` in the configuration file .tmlintrc.json, so it was not linted; remove the pattern to lint it.\n",
    );
    expect(result.code).toBe(1);
  });

  it("--ignore-pattern adds patterns relative to the working folder", async () => {
    const root = tree(files);
    const result = await runCli(root, ["-f", "unix", "--ignore-pattern", "docs/a.md", "--ignore-pattern", "nothing", "."]);
    expect(result.stdout).toBe("");
    expect(result.code).toBe(2);
    expect(result.stderr).toBe("tmlint: .: every file in this folder is ignored; check the path, or pass --no-error-on-unmatched-pattern to allow this.\n");
    const explicit = await runCli(root, ["--ignore-pattern", "docs/a.md", "docs/a.md"]);
    expect(explicit.stderr).toBe("tmlint: warning: docs/a.md is ignored by the pattern `docs/a.md` in --ignore-pattern, so it was not linted; remove the pattern to lint it.\n");
  });
});

describe("unmatched paths and globs", () => {
  it("are exit-2 errors that name each input", async () => {
    const root = tree({ "a.md": DANGLING, "empty/notes.txt": "x", ".tmlintrc.json": XREF_ERROR });
    const result = await runCli(root, ["-f", "unix", "missing.md", "*.mdx", "empty", "a.md"]);
    expect(result.stderr).toBe(
      [
        "tmlint: missing.md: no such file or folder; check the path, or pass --no-error-on-unmatched-pattern to allow this.",
        "tmlint: *.mdx: no files match this pattern; check the path, or pass --no-error-on-unmatched-pattern to allow this.",
        "tmlint: empty: no Markdown or .tc.json files in this folder; check the path, or pass --no-error-on-unmatched-pattern to allow this.",
        "",
      ].join("\n"),
    );
    // The files that were found are still linted and reported.
    expect(result.stdout).toBe(`${dangling("a.md")}\n`);
    expect(result.code).toBe(2);
  });

  it("are allowed with --no-error-on-unmatched-pattern", async () => {
    const root = tree({ "a.md": "# Clean\n", ".tmlintrc.json": XREF_ERROR });
    const result = await runCli(root, ["--no-error-on-unmatched-pattern", "missing.md", "*.mdx", "a.md"]);
    expect(result).toEqual({ code: 0, stdout: "Linted 1 file: no problems.\n", stderr: "" });
  });

  it("print no report when nothing was linted", async () => {
    const root = tree({ ".tmlintrc.json": XREF_ERROR });
    for (const format of ["stylish", "json", "sarif"]) {
      const result = await runCli(root, ["-f", format, "missing.md"]);
      expect(result.stdout, format).toBe("");
      expect(result.stderr, format).toBe("tmlint: missing.md: no such file or folder; check the path, or pass --no-error-on-unmatched-pattern to allow this.\n");
      expect(result.code, format).toBe(2);
    }
    await runCli(root, ["-f", "sarif", "-o", "tmlint.sarif", "missing.md"]);
    expect(existsSync(join(root, "tmlint.sarif"))).toBe(false);
  });

  it("print no all-clear summary after a failure", async () => {
    const root = tree({ "clean.md": "# Clean\n", "a.md": DANGLING, "bin.md": "\u0000", ".tmlintrc.json": XREF_ERROR });
    const missing = await runCli(root, ["clean.md", "missing.md"]);
    expect(missing.stdout).toBe("");
    expect(missing.code).toBe(2);
    const unreadable = await runCli(root, ["clean.md", "bin.md"]);
    expect(unreadable.stdout).toBe("");
    expect(unreadable.stderr).toBe("tmlint: bin.md: not a text file (NUL byte at offset 0).\n");
    expect(unreadable.code).toBe(2);
    // Findings are still printed, with their count.
    const findings = await runCli(root, ["a.md", "missing.md"]);
    expect(findings.stdout).toContain("Threat `T-0404` is linked but not defined");
    expect(findings.stdout.endsWith("Linted 1 file.\n")).toBe(true);
    expect(findings.code).toBe(2);
  });

  it("an unreadable file is exit 2", async () => {
    const root = tree({ "bin.md": "\u0000\u0001", ".tmlintrc.json": XREF_ERROR });
    const result = await runCli(root, ["bin.md"]);
    expect(result.stderr).toBe("tmlint: bin.md: not a text file (NUL byte at offset 0).\n");
    expect(result.code).toBe(2);
  });

  it("an unreadable file is listed in report formats", async () => {
    const root = tree({ "bin.md": "\u0000\u0001", "a.md": "# Clean\n", ".tmlintrc.json": XREF_ERROR });
    const sarif = await runCli(root, ["-f", "sarif", "a.md", "bin.md"]);
    const invocation = JSON.parse(sarif.stdout).runs[0].invocations[0];
    expect(invocation.executionSuccessful).toBe(false);
    expect(invocation.toolExecutionNotifications[0].message.text).toBe("not a text file (NUL byte at offset 0)");
    expect(sarif.code).toBe(2);

    const json = await runCli(root, ["-f", "json", "a.md", "bin.md"]);
    expect(JSON.parse(json.stdout).map((file: { fatal?: string }) => file.fatal)).toEqual([undefined, "not a text file (NUL byte at offset 0)"]);
  });
});

describe("symbolic links", () => {
  /** `real/a.md`, a link `alias` to the folder, and a link `link.md` to the file. */
  function linkedTree(): string {
    const root = tree({ "real/a.md": DANGLING, ".tmlintrc.json": XREF_ERROR });
    symlinkSync(join(root, "real"), join(root, "alias"));
    symlinkSync(join("real", "a.md"), join(root, "link.md"));
    return root;
  }

  it("lint each real file once, under the path given first", async () => {
    const root = linkedTree();
    const cases: [string[], string][] = [
      [["real", "alias"], "real/a.md"],
      [["alias", "real"], "alias/a.md"],
      [["real/a.md", "link.md"], "real/a.md"],
      [["link.md", "real"], "link.md"],
      [["alias/a.md", "real/a.md"], "alias/a.md"],
    ];
    for (const [argv, path] of cases) {
      const result = await runCli(root, ["-f", "unix", ...argv]);
      expect(result.stdout, argv.join(" ")).toBe(`${dangling(path)}\n`);
      expect(result.code, argv.join(" ")).toBe(1);
    }
  });

  it("lint each real file once in a folder or glob", async () => {
    const root = linkedTree();
    // Paths in a folder or glob are sorted, so `alias/a.md` comes before `link.md` and `real/a.md`.
    for (const argv of [["."], ["**/*.md"], [".", "**/*.md", "real"]]) {
      const result = await runCli(root, ["-f", "unix", ...argv]);
      expect(result.stdout, argv.join(" ")).toBe(`${dangling("alias/a.md")}\n`);
    }
  });
});

describe("configured files", () => {
  const files = {
    ".tmlintrc.json": '{ "extends": [], "rules": { "xref-target-exists": "error" }, "files": ["docs/**/*.md"] }',
    "docs/a.md": DANGLING,
    "docs/deep/b.md": DANGLING,
    "other/c.md": DANGLING,
  };

  it("are linted when no paths are given", async () => {
    const result = await runCli(tree(files), ["-f", "unix"]);
    expect(result.stdout).toBe(`${dangling("docs/a.md")}\n${dangling("docs/deep/b.md")}\n`);
  });

  it("are replaced by explicit file arguments, as pre-commit passes them", async () => {
    const root = tree(files);
    expect((await runCli(root, ["-f", "unix", "other/c.md"])).stdout).toBe(`${dangling("other/c.md")}\n`);
    const stylish = await runCli(root, ["docs/a.md"]);
    expect(stylish.stdout.endsWith("Linted 1 file.\n")).toBe(true);
  });
});

describe("BROKEN helper", () => {
  it("matches the recommended preset's output", async () => {
    const root = tree({ "tm.md": "# Threat Model\n\n[**T-0404**](#T-0404)\n" });
    expect((await runCli(root, ["--no-config", "-f", "unix", "tm.md"])).stdout).toBe(BROKEN_LINES.join("\n") + "\n");
  });
});
