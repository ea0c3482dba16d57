/**
 * Keeps the README's rule table in step with the rule registry and the presets. The table has
 * one row per rule, sorted by id, with the rule's docs link, its `meta.description` and the
 * severity each preset gives it (`off` when the preset leaves it out).
 */

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { builtinRules } from "../rules/index.js";
import { presets } from "../src/presets.js";
import type { RuleSetting } from "../src/types.js";
import { repoRoot } from "./helpers.js";

const PRESET_COLUMNS = ["recommended", "strict", "threat-composer"];

function severityOf(setting: RuleSetting | undefined): string {
  if (setting === undefined) return "off";
  return typeof setting === "string" ? setting : setting[0];
}

/** Builds the table that the README's Rules section must contain, line by line. */
function expectedTable(): string[] {
  const rows = [...builtinRules]
    .sort((a, b) => a.meta.id.localeCompare(b.meta.id))
    .map((rule) => {
      const { id, description } = rule.meta;
      const severities = PRESET_COLUMNS.map((name) => severityOf(presets[name]?.rules[id]));
      return `| [\`${id}\`](docs/rules/${id}.md) | ${description} | ${severities.join(" | ")} |`;
    });
  return [`| Rule | What it checks | ${PRESET_COLUMNS.join(" | ")} |`, `| --- | --- | ${PRESET_COLUMNS.map(() => "---").join(" | ")} |`, ...rows];
}

/** Reads the lines of the first table under the README's `## Rules` heading. */
function readmeRulesTable(): string[] {
  const lines = readFileSync(join(repoRoot, "README.md"), "utf8").split(/\r?\n/);
  const heading = lines.indexOf("## Rules");
  if (heading === -1) throw new Error("README.md has no `## Rules` heading; add the section with the rule table.");

  const sectionEnd = lines.findIndex((line, index) => index > heading && line.startsWith("## "));
  const section = lines.slice(heading + 1, sectionEnd === -1 ? undefined : sectionEnd);
  const start = section.findIndex((line) => line.startsWith("|"));
  if (start === -1) return [];
  const end = section.findIndex((line, index) => index > start && !line.startsWith("|"));
  return section.slice(start, end === -1 ? undefined : end);
}

describe("README rule table", () => {
  it("lists the presets the table shows", () => {
    expect(Object.keys(presets).sort()).toEqual([...PRESET_COLUMNS].sort());
  });

  it("matches the registry and presets", () => {
    expect(readmeRulesTable(), "rewrite the Rules table in README.md from the rule metadata and src/presets.ts").toEqual(expectedTable());
  });
});
