import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { formatterNames, isFormatterName, loadFormatter } from "../../src/formatters/index.js";
import { repoRoot } from "../helpers.js";
import { fixtureContext, fixtureResults } from "./fixture.js";

describe("formatter loader", () => {
  test("names", () => {
    expect(formatterNames).toEqual(["stylish", "compact", "unix", "json", "sarif", "github", "junit", "gitlab"]);
  });

  test.each(formatterNames)("loads %s", async (name) => {
    const formatter = await loadFormatter(name);
    const output = formatter(fixtureResults, fixtureContext());
    expect(output.endsWith("\n")).toBe(true);
  });

  test("unknown name lists the valid ones", async () => {
    await expect(loadFormatter("checkstyle")).rejects.toThrow(
      "Unknown format `checkstyle`; use one of stylish, compact, unix, json, sarif, github, junit, gitlab.",
    );
    expect(isFormatterName("toString")).toBe(false);
    expect(isFormatterName("sarif")).toBe(true);
  });

  test("formatters are imported lazily", () => {
    // A static import of a formatter module would load it for every run.
    const source = readFileSync(join(repoRoot, "src", "formatters", "index.ts"), "utf8");
    expect(source).not.toMatch(/^import (?!type )[^;]*from "\.\/(?!types\.js)/m);
  });

  test("formatters never read process state", () => {
    for (const name of [...formatterNames, "escape", "paths", "problems"]) {
      const source = readFileSync(join(repoRoot, "src", "formatters", `${name}.ts`), "utf8");
      expect(source, name).not.toMatch(/process\.(?:cwd|env|platform|stdout)|node:fs/);
    }
  });
});
