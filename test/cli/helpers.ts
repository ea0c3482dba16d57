/**
 * Helpers for CLI and configuration tests: a throwaway folder tree, and `run` with captured
 * output.
 */

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach } from "vitest";
import { run, type CliIo } from "../../src/cli/run.js";

const made: string[] = [];

afterEach(() => {
  while (made.length > 0) rmSync(made.pop() as string, { recursive: true, force: true });
});

/** Makes a temporary folder holding the given files (path to content); removed after the test. */
export function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), "tmlint-test-"));
  made.push(root);
  for (const [path, content] of Object.entries(files)) {
    const target = join(root, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, content);
  }
  return root;
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  env?: Record<string, string | undefined>;
  stdin?: string | Uint8Array;
  isTTY?: boolean;
}

/** Runs the CLI in-process in `cwd` and returns its exit code and output. */
export async function runCli(cwd: string, argv: readonly string[], options: RunOptions = {}): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const io: CliIo = {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    cwd,
    env: options.env ?? {},
    isTTY: options.isTTY ?? false,
    readStdin: async () => (typeof options.stdin === "string" ? new TextEncoder().encode(options.stdin) : (options.stdin ?? new Uint8Array())),
  };
  const code = await run(argv, io);
  return { code, stdout, stderr };
}

/** A document with one error (a link to an undefined threat) and one warning (no Threats section). */
export const BROKEN = "# Threat Model\n\n[**T-0404**](#T-0404)\n";

/** The unix-format lines BROKEN gives as `tm.md`. */
export const BROKEN_LINES = [
  "tm.md:1:1: warning: Section `Threats` is missing; add a `## Threats` heading with its content. [section-required]",
  "tm.md:3:1: error: Threat `T-0404` is linked but not defined; add it to the Threats table or fix the link. [xref-target-exists]",
];
