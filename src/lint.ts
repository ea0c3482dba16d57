/**
 * Linting text with a preset or a resolved configuration, inline directives applied. This is
 * the core the CLI and the programmatic API share.
 */

import type { ResolvedConfig } from "./config/types.js";
import { applyDirectives, readDirectives } from "./directives.js";
import type { Ajv, ValidateFunction } from "ajv";
import { createRequire } from "node:module";
import { describeErrors } from "./config/validate.js";
import { ConfigError, resolveRules, runRules, sortDiagnostics, toResult, unparsableResult, type ResolvedRule } from "./engine.js";
import { parseThreatModel } from "./parse/model.js";
import { Vocabulary } from "./parse/vocabulary.js";
import { presets } from "./presets.js";
import { ruleRegistry } from "../rules/index.js";
import type { AnyRule, FileReader, InvalidUtf8, LintResult, Preset, RuleSetting, SeveritySetting } from "./types.js";

export interface LintTextOptions {
  filePath?: string;
  /** A preset name (`recommended`, `strict`, `threat-composer`) or a preset object; `recommended` by default. */
  preset?: string | Preset;
  /** Rule settings applied over the preset. */
  rules?: Record<string, RuleSetting>;
  vocabulary?: Vocabulary;
  /** A configuration from `loadConfig`; when given, `preset`, `rules` and `vocabulary` are not used. */
  config?: ResolvedConfig;
  /** File access for rules that compare two files, such as `tc-json-companion`; they skip without it. */
  readFile?: FileReader;
  /**
   * The first invalid UTF-8 sequence of the bytes the text was decoded from, as `decodeText`
   * returns it, for `text-encoding` to report. Without it, the text counts as valid UTF-8.
   */
  invalidUtf8?: InvalidUtf8;
}

/** Resolves a preset and overrides into the rules to run; invalid settings raise a ConfigError. */
export function rulesFor(options: Pick<LintTextOptions, "preset" | "rules">): ResolvedRule[] {
  const preset = typeof options.preset === "object" ? options.preset : presets[options.preset ?? "recommended"];
  if (!preset) throw new ConfigError(`Unknown preset \`${String(options.preset)}\`; use one of ${Object.keys(presets).join(", ")}.`);
  // Options given through the API are checked here; presets are checked by their tests.
  return resolveRules({ ...preset.rules, ...options.rules }, ruleRegistry, options.rules ? validateOptionsNow : undefined);
}

const requireModule = createRequire(import.meta.url);
const optionValidators = new WeakMap<AnyRule, ValidateFunction>();
let optionsAjv: Ajv | undefined;

/**
 * Validates options given to `lintText` against the rule's schema. It loads ajv with
 * `require`, since `lintText` is synchronous, and only when options are given.
 */
function validateOptionsNow(rule: AnyRule, options: unknown, where: string): void {
  const { Ajv: AjvClass } = requireModule("ajv") as typeof import("ajv");
  optionsAjv ??= new AjvClass({ allErrors: true, strict: false });
  let validate = optionValidators.get(rule);
  if (!validate) {
    validate = optionsAjv.compile(rule.meta.schema);
    optionValidators.set(rule, validate);
  }
  const merged = { ...(rule.meta.defaultOptions as object), ...(options as object) };
  if (validate(merged)) return;
  const problems = describeErrors(validate.errors ?? [], merged).map(
    (problem) => `${where}${problem.path === "" ? "" : problem.path.startsWith("[") ? problem.path : `.${problem.path}`}: ${problem.message}`,
  );
  throw new ConfigError(problems.join("\n"));
}

/** What a configuration turns into for the engine; built once per configuration. */
export interface CompiledConfig {
  rules: ResolvedRule[];
  vocabulary: Vocabulary;
  registry: ReadonlyMap<string, AnyRule>;
  reportUnused: SeveritySetting;
}

const compiled = new WeakMap<ResolvedConfig, CompiledConfig>();

/** Turns a resolved configuration into rules to run and a vocabulary, caching the result. */
export function compileConfig(config: ResolvedConfig): CompiledConfig {
  let result = compiled.get(config);
  if (!result) {
    result = {
      rules: resolveRules(config.rules, config.registry),
      vocabulary: new Vocabulary({ sections: config.sections, columns: config.columns }),
      registry: config.registry,
      reportUnused: config.reportUnusedDisableDirectives,
    };
    compiled.set(config, result);
  }
  return result;
}

/** Lints Markdown text and returns its diagnostics, with inline directives applied. */
export function lintText(text: string, options: LintTextOptions = {}): LintResult {
  const filePath = options.filePath ?? "<text>";
  const setup: CompiledConfig = options.config
    ? compileConfig(options.config)
    : { rules: rulesFor(options), vocabulary: options.vocabulary ?? new Vocabulary(), registry: ruleRegistry, reportUnused: "off" };

  let model;
  try {
    model = parseThreatModel(text, {
      filePath,
      vocabulary: setup.vocabulary,
      ...(options.invalidUtf8 ? { invalidUtf8: options.invalidUtf8 } : {}),
    });
  } catch (error) {
    return unparsableResult(filePath, error);
  }
  const found = runRules(model, setup.rules, options.readFile ? { readFile: options.readFile } : {});
  const { directives, invalid } = readDirectives(model);
  const diagnostics = applyDirectives(found, directives, invalid, {
    knownRuleIds: new Set(setup.registry.keys()),
    reportUnused: setup.reportUnused,
  });
  return toResult(filePath, sortDiagnostics(diagnostics), text);
}
