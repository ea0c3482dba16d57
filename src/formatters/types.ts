/**
 * The formatter contract. A formatter turns lint results into the text of one output format.
 * It is pure: everything it needs from the environment (working directory, colour, rule
 * metadata, version, CI variables) arrives in the context, so the same input always gives the
 * same output and tests need no process state.
 */

import type { AnyRule, LintResult, SeveritySetting } from "../types.js";

export interface FormatterContext {
  /** The directory that relative paths are resolved against and printed relative to. */
  cwd: string;
  /** Whether terminal colour codes may be written; only `stylish` uses colour. */
  color: boolean;
  /** Metadata of every known rule, keyed by id: SARIF `rules[]`, docs links, descriptions. */
  rules: ReadonlyMap<string, AnyRule>;
  /**
   * The severity the run's configuration gave each rule, keyed by id. SARIF lists it as the
   * rule's default level. A rule missing here falls back to its `meta.defaultSeverity`.
   */
  ruleSeverities?: ReadonlyMap<string, SeveritySetting>;
  /** The tmlint version, written into SARIF and JUnit reports. */
  version: string;
  /** Environment variables a format depends on, such as `GITHUB_WORKSPACE` for `github`. */
  env?: Record<string, string | undefined>;
}

/** Formats lint results as one output string, ending in a newline unless it is empty. */
export type Formatter = (results: LintResult[], context: FormatterContext) => string;
