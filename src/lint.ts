/**
 * Linting text and files with a preset. This is the core the CLI and the programmatic API
 * share.
 */

import { resolveRules, runRules, toResult, type ResolvedRule } from "./engine.js";
import { parseThreatModel } from "./parse/model.js";
import type { Vocabulary } from "./parse/vocabulary.js";
import { presets } from "./presets.js";
import { ruleRegistry } from "../rules/index.js";
import type { LintResult, Preset, RuleSetting } from "./types.js";

export interface LintTextOptions {
  filePath?: string;
  /** A preset name (`recommended`, `strict`) or a preset object; `recommended` by default. */
  preset?: string | Preset;
  /** Rule settings applied over the preset. */
  rules?: Record<string, RuleSetting>;
  vocabulary?: Vocabulary;
}

/** Resolves a preset and overrides into the rules to run. */
export function rulesFor(options: Pick<LintTextOptions, "preset" | "rules">): ResolvedRule[] {
  const preset = typeof options.preset === "object" ? options.preset : presets[options.preset ?? "recommended"];
  if (!preset) throw new Error(`Unknown preset \`${String(options.preset)}\`; use one of ${Object.keys(presets).join(", ")}.`);
  return resolveRules({ ...preset.rules, ...options.rules }, ruleRegistry);
}

/** Lints Markdown text and returns its diagnostics. */
export function lintText(text: string, options: LintTextOptions = {}): LintResult {
  const filePath = options.filePath ?? "<text>";
  const model = parseThreatModel(text, { filePath, ...(options.vocabulary ? { vocabulary: options.vocabulary } : {}) });
  const diagnostics = runRules(model, rulesFor(options));
  return toResult(filePath, diagnostics, text);
}
