/**
 * Checks every built-in rule against the rule contract. Each rule is registered from its own
 * file and has a docs page that matches its metadata. Its options schema compiles in ajv's
 * strict mode, it uses each of its message ids, and it throws on no degenerate input.
 */

import { existsSync, readdirSync, readFileSync } from "node:fs";
import { basename, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { Ajv } from "ajv";
import type { Heading, Paragraph } from "mdast";
import { describe, expect, it } from "vitest";
import { builtinRules, ruleRegistry } from "../rules/index.js";
import { runJsonRules, runRules, type ResolvedRule } from "../src/engine.js";
import { plainText } from "../src/parse/cells.js";
import { parseMarkdown } from "../src/parse/markdown.js";
import { parseThreatModel } from "../src/parse/model.js";
import { presets } from "../src/presets.js";
import { parseTcJson } from "../src/tcjson/document.js";
import type { AnyRule, Diagnostic } from "../src/types.js";
import { md, repoRoot } from "./helpers.js";

const rulesDir = resolve(repoRoot, "rules");
const docsDir = resolve(repoRoot, "docs", "rules");

/** The level-2 headings a rule's docs page must have, in this order. */
const REQUIRED_HEADINGS = ["Rule details", "Examples", "Options", "Known limitations"];

const ruleFiles = readdirSync(rulesDir)
  .filter((name) => name.endsWith(".ts") && name !== "index.ts")
  .map((name) => basename(name, ".ts"))
  .sort();

const byId: [string, AnyRule][] = builtinRules.map((rule) => [rule.meta.id, rule]);

// ---------------------------------------------------------------------------
// Degenerate documents
// ---------------------------------------------------------------------------

const SECTION_HEADINGS = md(
  "# Threat Model",
  "## Application Info",
  "## Architecture",
  "## Dataflow",
  "### Entities",
  "### Data Flows",
  "### Trust Boundaries",
  "### Possible Threat Sources",
  "## Assumptions",
  "## Threats",
  "## Mitigations",
  "## Impacted Assets",
  "## Existing Controls",
  "## Residual Threats",
  "## AWS Well-Architected Mappings",
);

/** Builds the template's tables, each under its heading, with the rows given. */
function templateTables(rows: (columns: number) => string[]): string {
  const tables: [string, string[]][] = [
    ["## Dataflow\n\n### Entities", ["Entity", "Description"]],
    ["### Data Flows", ["Flow Identifier", "Flow Description", "Source Entity", "Target Entity", "Assets"]],
    ["### Trust Boundaries", ["Boundary Identifier", "Purpose", "Source Entity", "Target Entity"]],
    ["### Possible Threat Sources", ["Category", "Description", "Examples"]],
    ["## Assumptions", ["Assumption Number", "Assumption", "Linked Threats", "Linked Mitigations", "Comments"]],
    ["## Threats", ["Threat Number", "Threat", "Mitigations", "Assumptions", "Status", "Priority", "STRIDE", "Comments"]],
    ["## Mitigations", ["Mitigation Number", "Mitigation", "Threats Mitigating", "Assumptions", "Status", "Comments"]],
    ["## Impacted Assets", ["Asset Number", "Asset", "Related Threats"]],
    [
      "## Existing Controls",
      ["Control Number", "Control Name", "Control Type", "Implementation Evidence", "Threats Addressed", "Effectiveness", "Gaps/Weaknesses", "Comments"],
    ],
    [
      "## Residual Threats",
      [
        "Residual Threat Number",
        "Residual Threat",
        "Current Control Gaps",
        "Recommended Mitigation",
        "Priority",
        "Implementation Effort",
        "AWS Services Required",
        "Expected Risk Reduction",
        "Comments",
      ],
    ],
  ];
  return tables
    .map(([heading, columns]) => md(heading, "", `| ${columns.join(" | ")} |`, "|" + " --- |".repeat(columns.length), ...rows(columns.length)))
    .join("\n");
}

const DEGENERATE_MARKDOWN: [string, string][] = [
  ["an empty file", ""],
  ["whitespace only", " \n\t\n"],
  ["a byte order mark only", "\ufeff"],
  ["front matter only", md("---", "title: x", "---")],
  ["headings only", SECTION_HEADINGS],
  ["empty headings", md("#", "##", "###")],
  ["no sections", md("Some text.", "", "- a list item", "", "> a quote")],
  ["tables with no rows", templateTables(() => [])],
  ["tables with empty cells", templateTables((columns) => ["|" + "  |".repeat(columns)])],
  ["tables with missing cells", templateTables(() => ["| T-0001 |", "|  |"])],
  ["tables with empty headers", md("## Threats", "", "|  |  |", "| --- | --- |", "| T-0001 | x |")],
  ["a table outside every section", md("| Threat Number | Threat |", "| --- | --- |")],
  ["a lone pipe", md("|")],
  ["an empty code fence", md("## Architecture", "", "```", "```")],
  ["links to nowhere", md("[a](#) [b](#T-) [c](#%) [d]()")],
];

const DEGENERATE_JSON: [string, string][] = [
  ["an empty file", ""],
  ["broken JSON", "{"],
  ["null", "null"],
  ["an array", "[]"],
  ["an empty object", "{}"],
  ["empty lists", '{"threats":[],"mitigations":[],"assumptions":[],"mitigationLinks":[],"assumptionLinks":[]}'],
  ["empty entries", '{"threats":[{}],"mitigations":[{}],"assumptions":[{}],"mitigationLinks":[{}],"assumptionLinks":[{}]}'],
  ["lists of the wrong type", '{"threats":{},"mitigations":"x","assumptions":1,"mitigationLinks":null}'],
];

/** Lists the options to run a rule with: its defaults, and each preset's options over them. */
function optionSets(rule: AnyRule): [string, Record<string, unknown>][] {
  const defaults = { ...(rule.meta.defaultOptions as Record<string, unknown>) };
  const sets: [string, Record<string, unknown>][] = [["defaults", defaults]];
  for (const preset of Object.values(presets)) {
    const setting = preset.rules[rule.meta.id];
    if (Array.isArray(setting)) sets.push([preset.name, { ...defaults, ...setting[1] }]);
  }
  return sets;
}

/** Diagnostics that stand for an exception thrown by the rule. */
function failures(diagnostics: Diagnostic[]): string[] {
  return diagnostics.filter((diagnostic) => diagnostic.messageId === undefined).map((diagnostic) => diagnostic.message);
}

// ---------------------------------------------------------------------------
// Docs pages
// ---------------------------------------------------------------------------

interface DocsPage {
  title: string | undefined;
  firstParagraph: string | undefined;
  headings: string[];
  examples: string;
}

/** Reads a docs page: its title, the paragraph after it, its level-2 headings and its Examples text. */
function readDocsPage(text: string): DocsPage {
  const root = parseMarkdown(text);
  const [first, second] = root.children;
  const title = first?.type === "heading" && first.depth === 1 ? plainText(first.children) : undefined;
  const firstParagraph =
    second?.type === "paragraph" && second.position && second.position.start.offset !== undefined && second.position.end.offset !== undefined
      ? text.slice(second.position.start.offset, second.position.end.offset)
      : undefined;
  const headings = root.children
    .filter((node): node is Heading => node.type === "heading" && node.depth === 2)
    .map((node) => plainText(node.children));

  // The Examples section runs from its heading to the next level-2 heading.
  const start = root.children.findIndex((node) => node.type === "heading" && node.depth === 2 && plainText(node.children) === "Examples");
  const parts: string[] = [];
  for (let index = start + 1; start >= 0 && index < root.children.length; index++) {
    const node = root.children[index];
    if (!node || (node.type === "heading" && node.depth <= 2)) break;
    parts.push(node.type === "paragraph" ? plainText((node as Paragraph).children) : `<${node.type}>`);
  }
  return { title, firstParagraph, headings, examples: parts.join("\n") };
}

/** Shared modules that name `messageId` without reporting for any one rule. */
const INFRASTRUCTURE = new Set(["src/engine", "src/types", "src/rule"]);

/**
 * Reads the project modules a rule file imports from `src/` that pick message ids, for
 * rules that hand the choice to a helper.
 */
function helperSources(source: string): string[] {
  const texts: string[] = [];
  for (const match of source.matchAll(/from "\.\.\/(src\/[\w/-]+)\.js"/g)) {
    const module = match[1] ?? "";
    const file = resolve(repoRoot, `${module}.ts`);
    if (INFRASTRUCTURE.has(module) || !existsSync(file)) continue;
    const text = readFileSync(file, "utf8");
    if (text.includes("messageId")) texts.push(text);
  }
  return texts;
}

/** Tells whether `expected` appears in `actual` in the same order, other items allowed between. */
function inOrder(actual: string[], expected: string[]): boolean {
  let next = 0;
  for (const item of actual) if (item === expected[next]) next++;
  return next === expected.length;
}

// ---------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------

describe("rule registry", () => {
  it("lists exactly the files in rules/", () => {
    expect(builtinRules.map((rule) => rule.meta.id).sort()).toEqual(ruleFiles);
  });

  it("has no id twice", () => {
    expect(ruleRegistry.size).toBe(builtinRules.length);
  });

  it.each(ruleFiles)("registers the default export of %s", async (id) => {
    const module = (await import(pathToFileURL(resolve(rulesDir, `${id}.ts`)).href)) as { default: AnyRule };
    expect(module.default.meta.id).toBe(id);
    expect(ruleRegistry.get(id)).toBe(module.default);
  });
});

describe.each(byId)("rule %s", (id, rule) => {
  const docsPath = resolve(docsDir, `${id}.md`);
  const docs = existsSync(docsPath) ? readDocsPage(readFileSync(docsPath, "utf8")) : undefined;
  const source = readFileSync(resolve(rulesDir, `${id}.ts`), "utf8");

  it("has a docs page", () => {
    expect(existsSync(docsPath)).toBe(true);
  });

  it("opens its docs page with its description", () => {
    expect(docs?.title).toBe(id);
    expect(docs?.firstParagraph).toBe(rule.meta.description);
  });

  it("has the required docs headings in order", () => {
    const headings = docs?.headings ?? [];
    expect(inOrder(headings, REQUIRED_HEADINGS), `headings: ${headings.join(", ")}`).toBe(true);
  });

  // A passing example may be a sentence that names the change ("the same table with …").
  it("shows a failing and a passing example", () => {
    expect(docs?.examples).toMatch(/^Failing\b[^\n]*\n<code>/m);
    expect(docs?.examples).toMatch(/^Passing\b/m);
  });

  it("links its docs page", () => {
    expect(rule.meta.docsUrl.endsWith(`docs/rules/${id}.md`)).toBe(true);
  });

  it("has a schema that compiles in strict mode and accepts the defaults", () => {
    const ajv = new Ajv({ strict: true, allErrors: true });
    const validate = ajv.compile(rule.meta.schema);
    const valid = validate(rule.meta.defaultOptions);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it("accepts the options of every preset", () => {
    const validate = new Ajv({ strict: true, allErrors: true }).compile(rule.meta.schema);
    for (const [name, options] of optionSets(rule)) {
      validate(options);
      expect({ preset: name, errors: validate.errors ?? [] }).toEqual({ preset: name, errors: [] });
    }
  });

  it("uses every message id in its file", () => {
    const messageIds = Object.keys(rule.meta.messages as Record<string, string>);
    expect(messageIds.length).toBeGreaterThan(0);
    const text = [source, ...helperSources(source)].join("\n");
    const unused = messageIds.filter((messageId) => !new RegExp(`["'\`]${messageId}["'\`]`).test(text));
    expect(unused).toEqual([]);
  });

  const isJson = rule.meta.language === "tc-json";
  const inputs = isJson ? DEGENERATE_JSON : DEGENERATE_MARKDOWN;

  it.each(inputs)("runs without throwing on %s", (_name, text) => {
    for (const [, options] of optionSets(rule)) {
      const resolved: ResolvedRule[] = [{ rule, severity: "error", options }];
      const diagnostics = isJson
        ? runJsonRules(parseTcJson(text, "degenerate.tc.json"), resolved)
        : runRules(parseThreatModel(text, { filePath: "degenerate.md" }), resolved);
      expect(failures(diagnostics)).toEqual([]);
    }
  });
});
