/**
 * Linting ThreatComposer JSON: the entry the CLI calls for `.tc.json` files and for other
 * `.json` files whose content is a ThreatComposer workspace.
 */

import { runJsonRules, sortDiagnostics, toResult, unparsableResult } from "../engine.js";
import { compileConfig, rulesFor, type LintTextOptions } from "../lint.js";
import type { Diagnostic, LintResult } from "../types.js";
import { parseTcJson } from "./document.js";

/** Keys a ThreatComposer file may have at the top level besides `schema`. */
const CONTENT_KEYS = [
  "applicationInfo",
  "architecture",
  "dataflow",
  "assumptions",
  "mitigations",
  "assumptionLinks",
  "mitigationLinks",
  "threats",
  "brainstorm",
  "workspace",
];

/**
 * Tells whether a file is ThreatComposer JSON. A name ending in `.tc.json` always is. Any
 * other `.json` file is when its text is an object with a `schema` key and at least one
 * other ThreatComposer top-level key, as ThreatComposer's own exports are (for example
 * `GenAINewsletter_ThreatComposer.json`). Other JSON files, such as `package.json`, are not.
 */
export function isThreatComposerFile(filePath: string, text?: string): boolean {
  const lower = filePath.toLowerCase();
  if (lower.endsWith(".tc.json")) return true;
  if (!lower.endsWith(".json") || text === undefined) return false;
  const document = parseTcJson(text, filePath);
  const value = document.value;
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  return "schema" in value && CONTENT_KEYS.some((key) => key in value);
}

/** A preset and rule overrides, or a resolved configuration, as for Markdown. */
export type LintJsonOptions = Pick<LintTextOptions, "preset" | "rules" | "config" | "invalidUtf8">;

/**
 * Lints ThreatComposer JSON text with a preset and rule overrides, running only rules with a
 * `checkJson` (the `tc-json` rules and `text-encoding`). Invalid JSON is always reported, under `tc-json-schema`, even when
 * that rule is turned off, because no other check can run on it.
 */
export function lintTcJsonText(text: string, filePath: string, options: LintJsonOptions = {}): LintResult {
  let json;
  try {
    json = parseTcJson(text, filePath);
    if (options.invalidUtf8) json.invalidUtf8 = options.invalidUtf8;
  } catch (error) {
    return unparsableResult(filePath, error);
  }
  const rules = options.config ? compileConfig(options.config).rules : rulesFor(options);
  const diagnostics = runJsonRules(json, rules);

  const schemaRuleOn = rules.some(({ rule }) => rule.meta.id === "tc-json-schema");
  if (!schemaRuleOn && json.syntaxErrors.length > 0) {
    const syntax: Diagnostic[] = json.syntaxErrors.map((error) => ({
      ruleId: "tc-json-schema",
      severity: "error",
      message: error.message,
      messageId: "syntax",
      range: error.range,
    }));
    diagnostics.push(...syntax);
    sortDiagnostics(diagnostics);
  }
  return toResult(filePath, diagnostics, text);
}
