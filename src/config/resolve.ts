/**
 * Resolving the configuration for a file: find the nearest configuration file (or use the
 * one given), follow `extends`, load plugins, validate everything, then add the overrides
 * that match the file and the command line's preset and rules.
 *
 * Layers, each over the one before: the presets and files named by `extends` in order, the
 * file's own keys, its `overrides` that match the file in order, `--preset`, `--rule`. When
 * no configuration file applies, the preset (`recommended` unless `--preset` names another)
 * is the base.
 * A severity alone (`"warn"`) keeps the options an earlier layer gave the rule.
 */

import { dirname, resolve } from "node:path";
import type { AnyRule, RuleSetting, SectionKind, SeveritySetting } from "../types.js";
import { presets } from "../presets.js";
import { ruleRegistry } from "../../rules/index.js";
import { TEMPLATE_COLUMNS } from "../parse/vocabulary.js";
import { compileGlob, firstMatch, type GlobPattern } from "./globs.js";
import { loadPlugin } from "./plugins.js";
import { ConfigFileError, ConfigReadError, createConfigSearcher, readConfigFile, type ConfigProblem } from "./read.js";
import type { ConfigData, IgnoreMatch, LoadConfigOptions, ResolvedConfig } from "./types.js";
import { validateConfigData, validateRuleOptions, type ValidationProblem } from "./validate.js";
import { closestId } from "../suggest.js";

/** The prefix of a preset name in `extends`. */
export const PRESET_PREFIX = "tmlint:";

/** A rule setting and where it was written, checked once the rule registry is known. */
interface WrittenSetting {
  source: string;
  path: string;
  id: string;
  setting: RuleSetting;
}

interface Override {
  files: GlobPattern[];
  ignores: GlobPattern[];
  rules: Record<string, RuleSetting>;
}

/** A configuration file with its `extends` followed and its plugins loaded. */
interface LoadedConfig {
  file: string | undefined;
  rules: Record<string, RuleSetting>;
  sections: Partial<Record<SectionKind, string[]>>;
  columns: Record<string, string[]>;
  files: GlobPattern[] | undefined;
  ignores: GlobPattern[];
  overrides: Override[];
  plugins: string[];
  registry: ReadonlyMap<string, AnyRule>;
  reportUnusedDisableDirectives: SeveritySetting | undefined;
}

/** One file's layer before plugins are merged into the registry. */
interface Layer extends Omit<LoadedConfig, "file" | "registry"> {
  pluginRules: { rule: AnyRule; source: string; path: string }[];
  written: WrittenSetting[];
  /**
   * True when a plugin, or a file named by `extends` that could load plugins, failed, so
   * the registry may lack rules that this configuration sets. A preset cannot add rules.
   */
  rulesMayBeMissing: boolean;
  /** Mistakes found so far; the keys they are about are left out of the layer. */
  problems: ConfigProblem[];
  /** Problems that do not stop the run, such as an empty file. */
  warnings: ConfigProblem[];
}

/** Callbacks of a ConfigResolver, kept out of LoadConfigOptions because functions cannot be sent to a worker thread. */
export interface ConfigResolverHooks {
  /** Receives each configuration warning once, such as an empty configuration file. */
  onWarning?: (warning: ConfigProblem) => void;
}

/** What a configuration file without an `extends` key extends. */
const DEFAULT_EXTENDS = `${PRESET_PREFIX}recommended`;

/**
 * Finds, loads and caches configurations. One resolver serves a whole run: each folder is
 * searched once, each configuration file read once, and each combination of matching
 * overrides resolved once, so linting thousands of files costs little more than one.
 */
export class ConfigResolver {
  readonly cwd: string;
  private readonly options: LoadConfigOptions;
  private readonly searcher = createConfigSearcher();
  private readonly loaded = new Map<string, Promise<LoadedConfig>>();
  private readonly resolved = new Map<string, Promise<ResolvedConfig>>();
  private readonly commandLineIgnores: GlobPattern[];
  private commandLineChecked: Promise<void> | undefined;
  private readonly hooks: ConfigResolverHooks;
  /** The sources already warned about, so that a file that two configurations extend warns once. */
  private readonly warned = new Set<string>();
  /** The labels of the `preset` and `rules` options in problems: command-line flags, or API option names. */
  private readonly sources: { preset: string; rules: string };

  constructor(options: LoadConfigOptions = {}, hooks: ConfigResolverHooks = {}) {
    this.options = options;
    this.hooks = hooks;
    this.sources = options.fromCommandLine ? { preset: "--preset", rules: "--rule" } : { preset: "preset option", rules: "rules option" };
    this.cwd = resolve(options.cwd ?? process.cwd());
    this.commandLineIgnores = (options.ignorePatterns ?? []).map((pattern) => compileGlob(pattern, this.cwd, "--ignore-pattern"));
  }

  /** The options this resolver was made with, so that a worker thread can make an equal one. */
  get loadOptions(): LoadConfigOptions {
    return { ...this.options, cwd: this.cwd };
  }

  /** Resolves the configuration for a file (which need not exist). */
  async forFile(filePath: string): Promise<ResolvedConfig> {
    const absolute = resolve(this.cwd, filePath);
    const loaded = await this.configFor(dirname(absolute));
    await (this.commandLineChecked ??= this.checkCommandLine(loaded.registry));

    const matched: number[] = [];
    loaded.overrides.forEach((override, index) => {
      if (firstMatch(override.files, absolute) && !firstMatch(override.ignores, absolute)) matched.push(index);
    });
    const key = `${loaded.file ?? ""}\u0000${matched.join(",")}`;
    let result = this.resolved.get(key);
    if (!result) {
      result = this.combine(loaded, matched);
      this.resolved.set(key, result);
    }
    return result;
  }

  /** Returns the ignore pattern that excludes a file, from the command line or its configuration. */
  async ignoredBy(filePath: string): Promise<IgnoreMatch | undefined> {
    const absolute = resolve(this.cwd, filePath);
    const pattern = firstMatch(this.commandLineIgnores, absolute) ?? firstMatch((await this.configFor(dirname(absolute))).ignores, absolute);
    return pattern ? { pattern: pattern.pattern, source: pattern.source } : undefined;
  }

  /** Returns the `files` globs of the configuration that applies to the working folder, with the folder they are relative to. */
  async configuredFiles(): Promise<{ patterns: string[]; base: string; source: string } | undefined> {
    const loaded = await this.configFor(this.cwd);
    if (!loaded.files || loaded.files.length === 0) return undefined;
    const first = loaded.files[0] as GlobPattern;
    return { patterns: loaded.files.map((glob) => glob.pattern), base: first.base, source: first.source };
  }

  /** Returns the rules of the working folder's configuration: built-in and plugin rules. */
  async registryForCwd(): Promise<ReadonlyMap<string, AnyRule>> {
    return (await this.configFor(this.cwd)).registry;
  }

  /** Finds and loads the configuration that applies to files in a folder. */
  private async configFor(directory: string): Promise<LoadedConfig> {
    const preset = this.options.preset;
    if (preset !== undefined && !Object.hasOwn(presets, preset)) {
      throw new ConfigFileError([{ source: this.sources.preset, path: "", message: `unknown preset \`${preset}\`; use one of ${Object.keys(presets).join(", ")}` }]);
    }
    if (this.options.useConfigFile === false) return this.load(undefined);
    if (this.options.configFile !== undefined) return this.load(resolve(this.cwd, this.options.configFile));
    const found = await this.searcher.search(directory).catch((error: unknown) => {
      throw error instanceof ConfigFileError ? error : new ConfigFileError([{ source: directory, path: "", message: String(error) }]);
    });
    return this.load(found?.filepath || undefined, found?.config);
  }

  private load(file: string | undefined, searched?: unknown): Promise<LoadedConfig> {
    const key = file ?? "";
    let loaded = this.loaded.get(key);
    if (!loaded) {
      loaded = this.loadConfig(file, searched);
      this.loaded.set(key, loaded);
    }
    return loaded;
  }

  private async loadConfig(file: string | undefined, searched: unknown): Promise<LoadedConfig> {
    // Without a configuration file, `--preset` (or `recommended`) is the whole configuration.
    const layer =
      file === undefined
        ? await presetLayer(`${PRESET_PREFIX}${this.options.preset ?? "recommended"}`, { source: this.sources.preset, path: "" })
        : await loadLayer(file, searched === undefined ? undefined : { data: searched }, []);
    if (Array.isArray(layer)) throw new ConfigFileError(layer);
    for (const warning of layer.warnings) {
      if (this.warned.has(warning.source)) continue;
      this.warned.add(warning.source);
      this.hooks.onWarning?.(warning);
    }

    // Plugins add to the built-in rules; an id may be defined only once.
    const registry = new Map(ruleRegistry);
    const problems: ConfigProblem[] = [...layer.problems];
    for (const { rule, source, path } of layer.pluginRules) {
      const id = rule.meta.id;
      if (registry.has(id) && registry.get(id) !== rule) {
        problems.push({ source, path, message: `defines the rule \`${id}\`, which another rule already defines; rename the plugin's rule` });
        continue;
      }
      registry.set(id, rule);
    }
    // A plugin that failed to load, or a base file that could not be used, leaves rules out of
    // the registry, so an id the registry lacks is then not reported as unknown.
    problems.push(...(await checkSettings(layer.written, registry, !layer.rulesMayBeMissing)));
    if (problems.length > 0) throw new ConfigFileError(problems);

    return {
      file,
      rules: layer.rules,
      sections: layer.sections,
      columns: layer.columns,
      files: layer.files,
      ignores: layer.ignores,
      overrides: layer.overrides,
      plugins: layer.plugins,
      registry,
      reportUnusedDisableDirectives: layer.reportUnusedDisableDirectives,
    };
  }

  /**
   * Checks the `rules` option once, with the checks a configuration file's `rules` gets: the
   * shape of each setting, then rule ids and options against the registry of the first
   * configuration loaded.
   */
  private async checkCommandLine(registry: ReadonlyMap<string, AnyRule>): Promise<void> {
    const source = this.sources.rules;
    const rules = this.options.rules ?? {};
    // Without rules there is nothing to check, and a run need not load ajv.
    if (Object.keys(rules).length === 0) return;
    const problems: ConfigProblem[] = [];
    const invalid = new Set<string>();
    for (const problem of await validateConfigData({ rules })) {
      const [, id = ""] = problem.keys;
      invalid.add(id);
      problems.push({ source, path: problem.path.replace(/^rules\./, ""), message: problem.message });
    }
    const written = Object.entries(rules)
      .filter(([id]) => !invalid.has(id))
      .map(([id, setting]) => ({ source, path: id, id, setting }));
    problems.push(...(await checkSettings(written, registry)));
    if (problems.length > 0) throw new ConfigFileError(problems);
  }

  private async combine(loaded: LoadedConfig, matched: readonly number[]): Promise<ResolvedConfig> {
    let rules = loaded.rules;
    for (const index of matched) rules = mergeRules(rules, (loaded.overrides[index] as Override).rules);
    // With a configuration file, `--preset` goes over it; without one it is already the base.
    const preset = this.options.preset === undefined || loaded.file === undefined ? undefined : presets[this.options.preset];
    if (preset) rules = mergeRules(rules, preset.rules);
    if (this.options.rules) rules = mergeRules(rules, this.options.rules);
    return {
      configFile: loaded.file,
      rules,
      sections: loaded.sections,
      columns: loaded.columns,
      plugins: loaded.plugins,
      reportUnusedDisableDirectives: this.options.reportUnusedDisableDirectives ?? loaded.reportUnusedDisableDirectives ?? "off",
      registry: loaded.registry,
    };
  }
}

/**
 * Loads the configuration that applies to a file: the nearest configuration file above it,
 * or `options.configFile`, with `options.rules` and `options.preset` applied over it. Raises
 * a ConfigFileError that names the file and key of each mistake.
 */
export async function loadConfig(filePath: string, options: LoadConfigOptions = {}): Promise<ResolvedConfig> {
  return new ConfigResolver(options).forFile(filePath);
}

function presetNames(): string {
  return Object.keys(presets)
    .map((name) => `"${PRESET_PREFIX}${name}"`)
    .join(", ");
}

function emptyLayer(): Layer {
  return {
    rules: {},
    sections: {},
    columns: {},
    files: undefined,
    ignores: [],
    overrides: [],
    plugins: [],
    reportUnusedDisableDirectives: undefined,
    pluginRules: [],
    written: [],
    rulesMayBeMissing: false,
    problems: [],
    warnings: [],
  };
}

async function presetLayer(name: string, where: { source: string; path: string }): Promise<Layer | ConfigProblem[]> {
  const preset = Object.hasOwn(presets, name.slice(PRESET_PREFIX.length)) ? presets[name.slice(PRESET_PREFIX.length)] : undefined;
  if (!preset) return [{ ...where, message: `unknown preset \`${name}\`; use one of ${presetNames()}, or a path to a configuration file` }];
  return { ...emptyLayer(), rules: preset.rules };
}

/** The `extends` entry that led to a configuration file, for naming it when the file cannot be read. */
interface ExtendedFrom {
  source: string;
  path: string;
  entry: string;
}

/**
 * Reads, validates and flattens one configuration file and everything it extends. Every
 * mistake in the file is collected in the layer's `problems`, and the keys they are about
 * are left out, so that one run reports them all. Returns the problems alone when the file
 * cannot be used at all. `chain` lists the files that led here, to stop an `extends` cycle.
 */
async function loadLayer(
  file: string,
  given: { data: unknown } | undefined,
  chain: readonly string[],
  extendedFrom?: ExtendedFrom,
): Promise<Layer | ConfigProblem[]> {
  if (chain.includes(file)) {
    return [{ source: chain[chain.length - 1] ?? file, path: "extends", message: `forms a cycle: ${[...chain, file].join(" -> ")}; remove one of the links` }];
  }

  let data: unknown;
  try {
    data = given ? given.data : (await readConfigFile(file)).data;
  } catch (error) {
    if (error instanceof ConfigReadError && extendedFrom) {
      const message = `\`${extendedFrom.entry}\` cannot be read: ${error.reason} at ${file}; check the path, which is relative to this configuration file`;
      return [{ source: extendedFrom.source, path: extendedFrom.path, message }];
    }
    if (error instanceof ConfigFileError) return error.problems;
    throw error;
  }

  const warnings: ConfigProblem[] = [];
  if (data === null || data === undefined) {
    const message = `contains no settings, so the \`${DEFAULT_EXTENDS}\` preset applies; add settings, or write \`{}\` to keep the defaults without this warning`;
    warnings.push({ source: file, path: "", message });
    data = {};
  }

  const schemaProblems = await validateConfigData(data);
  const config = withoutInvalidKeys(data, schemaProblems);
  const problems: ConfigProblem[] = schemaProblems.map(({ path, message }) => ({ source: file, path, message }));
  if (config === undefined) return problems;
  const directory = dirname(file);
  problems.push(...checkColumns(file, config.columns ?? {}));

  // 1. What this file extends, in order. A key removed for a schema problem may have named a
  //    plugin or a file that loads one.
  let layer = emptyLayer();
  let rulesMayBeMissing = schemaProblems.some(({ keys }) => keys[0] === "plugins" || keys[0] === "extends");
  const extendsList = config.extends === undefined ? [DEFAULT_EXTENDS] : Array.isArray(config.extends) ? config.extends : [config.extends];
  for (const [index, entry] of extendsList.entries()) {
    const where = { source: file, path: Array.isArray(config.extends) ? `extends[${index}]` : "extends" };
    const base = entry.startsWith(PRESET_PREFIX)
      ? await presetLayer(entry, where)
      : await loadLayer(resolve(directory, entry), undefined, [...chain, file], { ...where, entry });
    if (Array.isArray(base)) {
      problems.push(...base);
      if (!entry.startsWith(PRESET_PREFIX)) rulesMayBeMissing = true;
      continue;
    }
    layer = mergeLayers(layer, base);
  }

  // 2. This file's plugins, resolved against its folder.
  const own = emptyLayer();
  own.problems = problems;
  own.warnings = warnings;
  for (const [index, specifier] of (config.plugins ?? []).entries()) {
    const where = { source: file, path: `plugins[${index}]` };
    const plugin = await loadPlugin(specifier, directory, where);
    if (Array.isArray(plugin)) {
      problems.push(...plugin);
      rulesMayBeMissing = true;
      continue;
    }
    own.plugins.push(plugin.path);
    for (const rule of plugin.rules) own.pluginRules.push({ rule, ...where });
  }
  own.rulesMayBeMissing = rulesMayBeMissing;

  // 3. This file's own keys.
  own.rules = config.rules ?? {};
  own.sections = config.sections ?? {};
  own.columns = config.columns ?? {};
  own.files = config.files?.map((pattern) => compileGlob(pattern, directory, file));
  own.ignores = (config.ignores ?? []).map((pattern) => compileGlob(pattern, directory, file));
  own.overrides = (config.overrides ?? []).map((override) => ({
    files: override.files.map((pattern) => compileGlob(pattern, directory, file)),
    ignores: (override.ignores ?? []).map((pattern) => compileGlob(pattern, directory, file)),
    rules: override.rules ?? {},
  }));
  own.reportUnusedDisableDirectives = config.reportUnusedDisableDirectives;
  for (const [id, setting] of Object.entries(config.rules ?? {})) own.written.push({ source: file, path: `rules.${id}`, id, setting });
  for (const [index, override] of (config.overrides ?? []).entries()) {
    for (const [id, setting] of Object.entries(override.rules ?? {})) {
      own.written.push({ source: file, path: `overrides[${index}].rules.${id}`, id, setting });
    }
  }
  return mergeLayers(layer, own);
}

/**
 * Returns a configuration file's contents without the keys that schema problems are about:
 * a top-level key, or one rule under `rules`. Returns undefined when the whole value is
 * invalid, such as an array in place of an object.
 */
function withoutInvalidKeys(data: unknown, problems: readonly ValidationProblem[]): ConfigData | undefined {
  if (data === null || typeof data !== "object" || Array.isArray(data)) return undefined;
  const config: Record<string, unknown> = { ...(data as Record<string, unknown>) };
  for (const { keys } of problems) {
    const [key, ruleId] = keys;
    if (key === undefined) return undefined;
    const rules = config.rules;
    if (key === "rules" && ruleId !== undefined && rules !== null && typeof rules === "object" && !Array.isArray(rules)) {
      const { [ruleId]: _invalid, ...valid } = rules as Record<string, unknown>;
      config.rules = valid;
    } else {
      delete config[key];
    }
  }
  return config as ConfigData;
}

function mergeLayers(base: Layer, over: Layer): Layer {
  return {
    rules: mergeRules(base.rules, over.rules),
    sections: mergeNames(base.sections, over.sections),
    columns: mergeNames(base.columns, over.columns) as Record<string, string[]>,
    files: over.files ?? base.files,
    ignores: [...base.ignores, ...over.ignores],
    overrides: [...base.overrides, ...over.overrides],
    plugins: [...base.plugins, ...over.plugins.filter((path) => !base.plugins.includes(path))],
    reportUnusedDisableDirectives: over.reportUnusedDisableDirectives ?? base.reportUnusedDisableDirectives,
    pluginRules: [...base.pluginRules, ...over.pluginRules],
    written: [...base.written, ...over.written],
    rulesMayBeMissing: base.rulesMayBeMissing || over.rulesMayBeMissing,
    problems: [...base.problems, ...over.problems],
    warnings: [...base.warnings, ...over.warnings],
  };
}

/** Merges rule settings; a severity alone keeps the options set before it. */
export function mergeRules(base: Record<string, RuleSetting>, over: Record<string, RuleSetting>): Record<string, RuleSetting> {
  const merged: Record<string, RuleSetting> = { ...base };
  for (const [id, setting] of Object.entries(over)) {
    const earlier = base[id];
    merged[id] = typeof setting === "string" && setting !== "off" && Array.isArray(earlier) ? [setting, earlier[1]] : setting;
  }
  return merged;
}

function mergeNames<K extends string>(base: Partial<Record<K, string[]>>, over: Partial<Record<K, string[]>>): Partial<Record<K, string[]>> {
  const merged: Partial<Record<K, string[]>> = { ...base };
  for (const [key, names] of Object.entries(over) as [K, string[]][]) {
    merged[key] = [...(base[key] ?? []), ...names.filter((name) => !(base[key] ?? []).includes(name))];
  }
  return merged;
}

/** Checks `columns` keys: `table.role` must name a table kind and one of its roles; `role` must be a role of some table. */
function checkColumns(file: string, columns: Record<string, string[]>): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const allRoles = new Set(Object.values(TEMPLATE_COLUMNS).flatMap((specs) => specs.map((spec) => spec.role)));
  for (const key of Object.keys(columns)) {
    const [table, role] = key.includes(".") ? (key.split(".", 2) as [string, string]) : [undefined, key];
    if (table === undefined) {
      if (!allRoles.has(role)) {
        problems.push({ source: file, path: `columns.${key}`, message: `names no column role; use \`table.role\` or one of ${[...allRoles].sort().map((name) => `\`${name}\``).join(", ")}` });
      }
      continue;
    }
    const specs = (TEMPLATE_COLUMNS as Record<string, { role: string }[] | undefined>)[table];
    if (!specs) {
      problems.push({ source: file, path: `columns.${key}`, message: `names no table; use one of ${Object.keys(TEMPLATE_COLUMNS).map((name) => `\`${name}\``).join(", ")}` });
    } else if (!specs.some((spec) => spec.role === role)) {
      problems.push({ source: file, path: `columns.${key}`, message: `names no column of the ${table} table; use one of ${specs.map((spec) => `\`${table}.${spec.role}\``).join(", ")}` });
    }
  }
  return problems;
}

/** Checks rule ids against the registry and each rule's options against its schema. */
async function checkSettings(written: readonly WrittenSetting[], registry: ReadonlyMap<string, AnyRule>, reportUnknown = true): Promise<ConfigProblem[]> {
  const problems: ConfigProblem[] = [];
  for (const { source, path, id, setting } of written) {
    const rule = registry.get(id);
    if (!rule && !reportUnknown) continue;
    if (!rule) {
      const suggestion = closestId(id, [...registry.keys()]);
      const hint = suggestion ? ` (did you mean \`${suggestion}\`?)` : "";
      problems.push({ source, path, message: `unknown rule \`${id}\`${hint}; run \`tmlint rules\` to list the rule ids` });
      continue;
    }
    if (!Array.isArray(setting) || setting[1] === undefined) continue;
    const options = { ...(rule.meta.defaultOptions as object), ...setting[1] };
    for (const problem of await validateRuleOptions(rule, options)) {
      problems.push({ source, path: `${path}[1]${problem.path === "" ? "" : problem.path.startsWith("[") ? problem.path : `.${problem.path}`}`, message: problem.message });
    }
  }
  return problems;
}
