/**
 * Linting files on disk: read each one, lint it by kind with the configuration that applies
 * to it, and turn every file problem into a result that names the file, so that the other
 * files are still linted.
 */

import { stat } from "node:fs/promises";
import type { InvalidUtf8, LintResult } from "./types.js";
import { readTextFile } from "./files.js";
import { defaultConcurrency, LintPool, mayBeSlow, workersAvailable } from "./lint-pool.js";
import { lintText, type LintTextOptions } from "./lint.js";
import { lintTcJsonText } from "./tcjson/lint.js";
import { readFileIfPresent } from "./tcjson/read-file.js";
import { ConfigResolver } from "./config/resolve.js";
import type { LoadConfigOptions, ResolvedConfig } from "./config/types.js";

/** Options for one file: a preset and rules, or a resolved configuration. */
export interface LintFileOptions extends Omit<LintTextOptions, "filePath"> {}

/** Options for many files: how configuration is found, or one configuration for all of them. */
export interface LintFilesOptions extends LoadConfigOptions {
  /** One configuration for every file, in place of discovery. Files are then linted in this thread, with no time limit. */
  config?: ResolvedConfig;
  /** A resolver to share with the caller, so that configuration files are read once per run. */
  resolver?: ConfigResolver;
  /**
   * Seconds one file may take on a worker thread before it gets a `fatal` result, and as
   * many more for every 4 MB of its size; 0 for no limit. A limit given here applies to every
   * file. Without one, `DEFAULT_MAX_FILE_TIME` applies to the files that may be slow to parse
   * (see `mayBeSlow`) and to every file when `concurrency` spreads them over worker threads.
   */
  maxFileTime?: number;
  /** The most files linted at once on worker threads; 1 lints them one by one. The number of cores by default. */
  concurrency?: number;
}

/** The default of `--max-file-time`, in seconds. */
export const DEFAULT_MAX_FILE_TIME = 30;

/**
 * A run spreads its files over worker threads from this many files and this many bytes on:
 * below that, starting the threads (each loads tmlint again) costs more than it saves.
 */
const CONCURRENT_MIN_FILES = 6;
const CONCURRENT_MIN_BYTES = 1024 * 1024;

/** Lints one file. A file that cannot be read gives a result with `fatal` set. */
export async function lintFile(path: string, options: LintFileOptions = {}): Promise<LintResult> {
  const outcome = await readTextFile(path);
  if (!outcome.ok) return { filePath: path, diagnostics: [], errorCount: 0, warningCount: 0, fatal: outcome.message };
  return lintSource(path, outcome.text, outcome.invalidUtf8, options);
}

/**
 * Lints text read from a file or from standard input, as Markdown or as ThreatComposer JSON
 * by the name `path` gives it. `invalidUtf8` is the first invalid UTF-8 sequence of the bytes,
 * as `decodeText` returns it, for the `text-encoding` rule.
 */
export function lintSource(path: string, text: string, invalidUtf8: InvalidUtf8 | undefined, options: LintFileOptions = {}): LintResult {
  const sourceOptions = invalidUtf8 ? { ...options, invalidUtf8 } : options;
  // Every file named `.json` is read as ThreatComposer JSON: folders yield only `.tc.json`
  // files, so another `.json` file is linted only when it is named on purpose.
  return path.toLowerCase().endsWith(".json")
    ? lintTcJsonText(text, path, sourceOptions)
    : lintText(text, { readFile: readFileIfPresent, ...sourceOptions, filePath: path });
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

  const maxFileTime = options.maxFileTime ?? DEFAULT_MAX_FILE_TIME;
  // A limit the caller chose is kept for every file, at the cost of starting a worker thread.
  const limitEveryFile = options.maxFileTime !== undefined && maxFileTime > 0;
  const concurrency = Math.max(1, Math.floor(options.concurrency ?? defaultConcurrency()));
  // Rules are functions and cannot go to a thread, so a given `config` keeps every file here.
  const pool = resolver && workersAvailable() ? new LintPool({ loadOptions: resolver.loadOptions, maxFileTime, size: concurrency }) : undefined;
  try {
    const sizes = pool && concurrency > 1 ? await spreadableSizes(paths) : undefined;
    if (pool && sizes) return await Promise.all(paths.map((path, index) => pool.lint(path, sizes[index] ?? 0)));

    const results: LintResult[] = [];
    for (const [index, path] of paths.entries()) {
      const outcome = await readTextFile(path);
      if (!outcome.ok) {
        results.push({ filePath: path, diagnostics: [], errorCount: 0, warningCount: 0, fatal: outcome.message });
      } else if (pool && maxFileTime > 0 && (limitEveryFile || mayBeSlow(outcome.text))) {
        results.push(await pool.lint(path, Buffer.byteLength(outcome.text)));
      } else {
        results.push(lintSource(path, outcome.text, outcome.invalidUtf8, { config: configs[index] as ResolvedConfig }));
      }
    }
    return results;
  } finally {
    await pool?.close();
  }
}

/**
 * Returns the size of each file when enough files and bytes are to be linted for worker
 * threads to pay off, else undefined. A file that cannot be read counts 0 bytes.
 */
async function spreadableSizes(paths: readonly string[]): Promise<number[] | undefined> {
  if (paths.length < CONCURRENT_MIN_FILES) return undefined;
  const sizes = await Promise.all(paths.map(async (path) => (await stat(path).catch(() => undefined))?.size ?? 0));
  return sizes.reduce((total, size) => total + size, 0) >= CONCURRENT_MIN_BYTES ? sizes : undefined;
}
