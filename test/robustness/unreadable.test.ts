/**
 * A file without read permission. Tests usually run as root, who reads any file whatever
 * its mode, so the read error is simulated: `readFile` fails with EACCES for one path.
 */

import { describe, expect, it, vi } from "vitest";
import { runCli, tree } from "../cli/helpers.js";

vi.mock("node:fs/promises", async (importOriginal) => {
  const actual = await importOriginal<typeof import("node:fs/promises")>();
  return {
    ...actual,
    readFile: (async (path: Parameters<typeof actual.readFile>[0], ...rest: unknown[]) => {
      if (String(path).endsWith("secret.md")) throw Object.assign(new Error(`EACCES: permission denied, open '${String(path)}'`), { code: "EACCES" });
      return (actual.readFile as (...args: unknown[]) => Promise<unknown>)(path, ...rest);
    }) as typeof actual.readFile,
  };
});

describe("file without read permission", () => {
  it("is exit 2 for that file; the others are linted", async () => {
    const root = tree({
      "secret.md": "# T\n",
      "b.md": "# Threat Model\n\n[**T-0404**](#T-0404)\n",
      ".tmlintrc.json": '{ "extends": [], "rules": { "xref-target-exists": "error" } }',
    });
    const run = await runCli(root, ["-f", "unix", "secret.md", "b.md"]);
    expect(run.stderr).toBe("tmlint: secret.md: permission denied.\n");
    expect(run.stdout).toBe("b.md:3:1: error: Threat `T-0404` is linked but not defined; add it to the Threats table or fix the link. [xref-target-exists]\n");
    expect(run.code).toBe(2);
  });
});
