/**
 * Linting files on disk: read each one, lint it by kind with the configuration that applies
 * to it, and turn every file problem into a result that names the file, so that the other
 * files are still linted.
 */

import type { LintResult } from "./types.js";
import { readTextFile } from "./files.js";
import { lintText, type LintTextOptions } from "./lint.js";
import { lintTcJsonText } from "./tcjson/lint.js";
import { readFileIfPresent } from "./tcjson/read-file.js";
import { ConfigResolver } from "./config/resolve.js";
import type { LoadConfigOptions, ResolvedConfig } from "./config/types.js";

/** Options for one file: a preset and rules, or a resolved configuration. */
export interface LintFileOptions extends Omit<LintTextOptions, "filePath"> {}

/** Options for many files: how configuration is found, or one configuration for all of them. */
export interface LintFilesOptions extends LoadConfigOptions {
  /** One configuration for every file, in place of discovery. */
  config?: ResolvedConfig;
  /** A resolver to share with the caller, so that configuration files are read once per run. */
  resolver?: ConfigResolver;
}

/** Lints one file. A file that cannot be read gives a result with `fatal` set. */
export async function lintFile(path: string, options: LintFileOptions = {}): Promise<LintResult> {
  const outcome = await readTextFile(path);
  if (!outcome.ok) return { filePath: path, diagnostics: [], errorCount: 0, warningCount: 0, fatal: outcome.message };
  return lintSource(path, outcome.text, outcome.invalidUtf8Offset, options);
}

/**
 * Lints text read from a file or from standard input, as Markdown or as ThreatComposer JSON
 * by the name `path` gives it. `invalidUtf8Offset` is where the bytes stopped being UTF-8.
 */
export function lintSource(path: string, text: string, invalidUtf8Offset: number | undefined, options: LintFileOptions = {}): LintResult {
  // Every file named `.json` is read as ThreatComposer JSON: folders yield only `.tc.json`
  // files, so another `.json` file is linted only when it is named on purpose.
  const result = path.toLowerCase().endsWith(".json")
    ? lintTcJsonText(text, path, options)
    : lintText(text, { readFile: readFileIfPresent, ...options, filePath: path });

  if (invalidUtf8Offset !== undefined) {
    result.diagnostics.unshift({
      ruleId: "text-encoding",
      severity: "warning",
      message: `File is not valid UTF-8: byte offset ${invalidUtf8Offset} starts an invalid sequence; it was read with replacement characters (U+FFFD). Save the file as UTF-8.`,
      range: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } },
    });
    result.warningCount++;
  }
  return result;
}

/**
 * Lints files in order; the results come back in the same order. Each file gets the
 * configuration found above it (see `loadConfig`) unless `options.config` is given. Every
 * configuration is resolved and validated before the first file is linted, so a mistake in
 * one raises a ConfigFileError and lints nothing.
 */
export async function lintFiles(paths: readonly string[], options: LintFilesOptions = {}): Promise<LintResult[]> {
  const resolver = options.config ? undefined : (options.resolver ?? new ConfigResolver(options));
  const configs: ResolvedConfig[] = [];
  for (const path of paths) configs.push(options.config ?? (await (resolver as ConfigResolver).forFile(path)));

  const results: LintResult[] = [];
  for (const [index, path] of paths.entries()) results.push(await lintFile(path, { config: configs[index] as ResolvedConfig }));
  return results;
}
