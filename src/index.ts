/**
 * The programmatic API of tmlint.
 */

export { lintText, rulesFor, type LintTextOptions } from "./lint.js";
export { lintFile, lintFiles, type LintFilesOptions } from "./lint-files.js";
export { parseThreatModel, buildModel, type ParseOptions } from "./parse/model.js";
export { Vocabulary, type VocabularyOptions } from "./parse/vocabulary.js";
export { defineRule, docsUrl } from "./rule.js";
export { presets, recommended, strict } from "./presets.js";
export { loadFormatter, formatterNames, type Formatter, type FormatterContext } from "./formatters/index.js";
export { ruleRegistry, builtinRules } from "../rules/index.js";
export type * from "./types.js";
