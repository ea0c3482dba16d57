/**
 * Configuration types: the file as written, and the configuration resolved for one file.
 * `schemas/config.schema.json` describes the same file shape for editors and for validation.
 */

import type { AnyRule, RuleSetting, SectionKind, SeveritySetting } from "../types.js";

/** A configuration file's contents as written. */
export interface ConfigData {
  $schema?: string;
  /** `tmlint:<preset>` or a path relative to the file, or a list of them. */
  extends?: string | string[];
  rules?: Record<string, RuleSetting>;
  /** Globs of the files to lint when no file arguments are given. */
  files?: string[];
  ignores?: string[];
  sections?: Partial<Record<SectionKind, string[]>>;
  columns?: Record<string, string[]>;
  overrides?: ConfigOverride[];
  plugins?: string[];
  reportUnusedDisableDirectives?: SeveritySetting;
}

export interface ConfigOverride {
  files: string[];
  ignores?: string[];
  rules?: Record<string, RuleSetting>;
}

/** The configuration that applies to one file, with every layer merged. */
export interface ResolvedConfig {
  /** The configuration file in force (absolute), or undefined when none applies. */
  configFile: string | undefined;
  /** Every rule setting, built-in presets, `extends`, the file, matching overrides and command-line rules merged. */
  rules: Record<string, RuleSetting>;
  sections: Partial<Record<SectionKind, string[]>>;
  columns: Record<string, string[]>;
  /** Absolute paths of the plugin modules loaded for this configuration. */
  plugins: string[];
  reportUnusedDisableDirectives: SeveritySetting;
  /** The built-in rules and the rules of the loaded plugins, by id. */
  registry: ReadonlyMap<string, AnyRule>;
}

/** Where an ignore pattern came from, for the message about an ignored file. */
export interface IgnoreMatch {
  pattern: string;
  /** The configuration file that lists the pattern, or `--ignore-pattern`. */
  source: string;
}

/** How configuration is found and what the command line adds to it. */
export interface LoadConfigOptions {
  /** The folder that relative paths and `--ignore-pattern` globs are resolved against; the process's by default. */
  cwd?: string;
  /** A configuration file to use for every file, in place of discovery. */
  configFile?: string;
  /** When false, no configuration file is searched for or read (`--no-config`). True by default. */
  useConfigFile?: boolean;
  /**
   * True when `preset` and `rules` come from the command line, so that problems with them
   * name `--preset` and `--rule`. Otherwise they name the `preset option` and the `rules option`.
   */
  fromCommandLine?: boolean;
  /** A preset applied over the configuration files (`--preset`). */
  preset?: string;
  /** Rule settings applied last (`--rule`). */
  rules?: Record<string, RuleSetting>;
  /** Globs relative to `cwd` of files to skip in folders and globs (`--ignore-pattern`). */
  ignorePatterns?: string[];
  /** Overrides `reportUnusedDisableDirectives` of the configuration files. */
  reportUnusedDisableDirectives?: SeveritySetting;
}
