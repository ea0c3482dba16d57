/**
 * The programmatic API of tmlint. The CLI is built on the same functions:
 *
 *   import { lintText, lintFiles, loadConfig, formatters } from "tmlint";
 *   const results = await lintFiles(["docs/threat-model.md"]);
 *   const sarif = (await formatters.loadFormatter("sarif"))(results, { cwd: process.cwd(), color: false, rules: ruleRegistry, version: "1.0.0" });
 */

export { lintText, rulesFor, type LintTextOptions } from "./lint.js";
export { lintFile, lintFiles, lintSource, type LintFileOptions, type LintFilesOptions } from "./lint-files.js";
export { loadConfig, ConfigResolver, mergeRules } from "./config/resolve.js";
export { ConfigFileError, CONFIG_FILE_NAMES, type ConfigProblem } from "./config/read.js";
export type { ConfigData, ConfigOverride, ResolvedConfig, LoadConfigOptions, IgnoreMatch } from "./config/types.js";
export { readDirectives, applyDirectives, INVALID_DIRECTIVE, UNUSED_DIRECTIVE, type Directive, type DirectiveKind } from "./directives.js";
export { ConfigError } from "./engine.js";
export { parseThreatModel, buildModel, type ParseOptions } from "./parse/model.js";
export { Vocabulary, type VocabularyOptions } from "./parse/vocabulary.js";
export { defineRule, docsUrl } from "./rule.js";
export { presets, recommended, strict, threatComposer } from "./presets.js";
export * as formatters from "./formatters/index.js";
export { loadFormatter, formatterNames, type Formatter, type FormatterContext } from "./formatters/index.js";
export { ruleRegistry, builtinRules } from "../rules/index.js";
export type * from "./types.js";
