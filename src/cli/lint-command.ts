/**
 * The work behind `tmlint [paths..]` and `tmlint rules`, loaded only after the arguments
 * parse. It goes through the programmatic API: a ConfigResolver (what `loadConfig` uses),
 * `lintFiles`, `lintSource` and the formatters.
 *
 * Order of work: parse `--rule`, gather the files, resolve and validate the configuration of
 * every file, then lint. A configuration mistake therefore stops the run before any rule runs.
 */

import { mkdir, readFile } from "node:fs/promises";
import { dirname, isAbsolute, resolve } from "node:path";
import { ConfigResolver } from "../config/resolve.js";
import { ConfigFileError, type ConfigProblem } from "../config/read.js";
import type { ResolvedConfig } from "../config/types.js";
import { ConfigError } from "../engine.js";
import { decodeText, describeError, displayPath } from "../files.js";
import { loadFormatter, type FormatterContext } from "../formatters/index.js";
import { lintFiles, lintSource } from "../lint-files.js";
import type { AnyRule, LintResult, RuleSetting, SeveritySetting } from "../types.js";
import { gatherFiles, splitFileList, type InputMessage } from "./inputs.js";
import { parseRuleOptions } from "./rule-option.js";
import { formatRuleTable, listRules } from "./rules-command.js";
import { EXIT_ERRORS, EXIT_FAILURE, EXIT_OK, packageVersion, type CliIo, type LintArguments } from "./run.js";

/** Runs a parsed command and returns the exit code. */
export async function runCommand(args: LintArguments, io: CliIo): Promise<number> {
  let ruleSettings: Record<string, RuleSetting> = {};
  if (args.rule.length > 0) {
    const parsed = await parseRuleOptions(args.rule);
    if (parsed.problems.length > 0) {
      for (const problem of parsed.problems) io.stderr(`tmlint: ${problem}\n`);
      return EXIT_FAILURE;
    }
    ruleSettings = parsed.rules;
  }

  const resolver = new ConfigResolver({
    cwd: io.cwd,
    fromCommandLine: true,
    ...(typeof args.config === "string" ? { configFile: args.config } : {}),
    useConfigFile: args.config !== false,
    ...(args.preset !== undefined ? { preset: args.preset } : {}),
    rules: ruleSettings,
    ignorePatterns: args.ignorePattern,
    ...(args.reportUnusedDisableDirectives ? { reportUnusedDisableDirectives: "error" as const } : {}),
  }, {
    onWarning: (warning) => io.stderr(`tmlint: warning: ${describeProblem(warning, io)}\n`),
  });

  try {
    if (args.command === "rules") return await printRules(resolver, args, io);
    if (args.printConfig !== undefined) return await printConfig(resolver, args.printConfig, io);
    return await lint(resolver, args, io);
  } catch (error) {
    if (error instanceof ConfigFileError) {
      printProblems(error.problems, io);
      return EXIT_FAILURE;
    }
    if (error instanceof ConfigError) {
      io.stderr(`tmlint: ${error.message}\n`);
      return EXIT_FAILURE;
    }
    throw error;
  }
}

function printProblems(problems: readonly ConfigProblem[], io: CliIo): void {
  for (const problem of problems) io.stderr(`tmlint: ${describeProblem(problem, io)}\n`);
}

/** Formats a configuration problem as one sentence: its file (relative to cwd), key path and message. */
function describeProblem(problem: ConfigProblem, io: CliIo): string {
  const source = isAbsolute(problem.source) ? displayPath(problem.source, io.cwd) : problem.source;
  const parts = [source, problem.path, problem.message].filter((part) => part !== "");
  return `${parts.join(": ")}${/[.?]$/.test(problem.message) ? "" : "."}`;
}

async function lint(resolver: ConfigResolver, args: LintArguments, io: CliIo): Promise<number> {
  let failed = false;
  // Messages about inputs and files that could not be linted, printed in argument order.
  const messages: InputMessage[] = [];
  const fail = (input: number, message: string): void => {
    messages.push({ input, message });
    failed = true;
  };

  // 1. The input: standard input, a file list, file arguments, or the configured `files`.
  let results: LintResult[];
  const configs: ResolvedConfig[] = [];
  const fileInputs = new Map<string, number>();
  if (args.stdin) {
    // NOTE: standard input is linted in this thread, where no time limit can stop it.
    if (args.maxFileTime !== undefined && args.maxFileTime > 0) {
      io.stderr("tmlint: warning: --max-file-time does not apply to --stdin, which is linted without a time limit; lint a file to have the limit.\n");
    }
    const stdinResults = await lintStdin(resolver, args, io, configs);
    if (stdinResults === undefined) return EXIT_FAILURE;
    results = stdinResults;
  } else {
    const inputs = await readInputs(resolver, args, io);
    if (inputs === undefined) return EXIT_FAILURE;
    const gathered = await gatherFiles(inputs.paths, { cwd: inputs.base, resolver, allowUnmatched: !args.errorOnUnmatchedPattern });
    for (const { input, message } of gathered.warnings) messages.push({ input, message: `warning: ${message}` });
    for (const { input, message } of gathered.errors) fail(input, message);
    gathered.files.forEach((file, index) => fileInputs.set(file, gathered.fileInputs[index] ?? 0));

    // 2. Resolve every file's configuration before linting any: a mistake stops the run here,
    //    after the messages about the inputs.
    try {
      for (const file of gathered.files) configs.push(await resolver.forFile(file));
    } catch (error) {
      printInputMessages(messages, io);
      throw error;
    }
    results = await lintFiles(gathered.files, {
      resolver,
      ...(args.maxFileTime !== undefined ? { maxFileTime: args.maxFileTime } : {}),
      ...(args.concurrency !== undefined ? { concurrency: args.concurrency } : {}),
    });
  }

  // 3. Files that could not be read are reported on standard error. Report formats that have
  //    a place for a failed file (a SARIF notification, a JUnit error) carry them too.
  const readable = results.filter((result) => {
    if (result.fatal === undefined) return true;
    fail(fileInputs.get(result.filePath) ?? 0, `${displayPath(result.filePath, io.cwd)}: ${result.fatal}.`);
    return false;
  });
  printInputMessages(messages, io);
  const reported = REPORT_FORMATS.has(args.format) ? results : readable;

  // 4. Format, print, and work out the exit code. An empty report reads as "no problems", so
  //    a failed run prints no report when no file was linted. It prints no stylish summary
  //    either when the linted files had no findings.
  const warningCount = readable.reduce((sum, result) => sum + result.warningCount, 0);
  const shown = args.quiet ? reported.map(errorsOnly) : reported;
  const hasFindings = shown.some((result) => result.diagnostics.length > 0);
  if (failed && (results.length === 0 || (args.format === "stylish" && !hasFindings))) return EXIT_FAILURE;
  const registry = registryOf(configs, await resolver.registryForCwd());
  const written = await writeReport(shown, { rules: registry, ruleSeverities: severitiesOf(configs, registry) }, args, io);
  if (!written) return EXIT_FAILURE;

  if (failed) return EXIT_FAILURE;
  if (readable.some((result) => result.errorCount > 0)) return EXIT_ERRORS;
  if (args.maxWarnings !== undefined && warningCount > args.maxWarnings) {
    io.stderr(`tmlint: ${warningCount} ${warningCount === 1 ? "warning" : "warnings"} found, more than --max-warnings ${args.maxWarnings} allows.\n`);
    return EXIT_ERRORS;
  }
  return EXIT_OK;
}

/** Prints messages about inputs in the order of the inputs, each input's messages in the order they came. */
function printInputMessages(messages: InputMessage[], io: CliIo): void {
  // Array.prototype.sort is stable, so messages about one input keep their order.
  messages.sort((a, b) => a.input - b.input);
  for (const { message } of messages) io.stderr(`tmlint: ${message}\n`);
  messages.length = 0;
}

/** Machine-read formats, which also list files that could not be linted. */
const REPORT_FORMATS = new Set(["json", "sarif", "junit", "gitlab", "github"]);

/** Collects the paths to lint and the folder they are relative to; returns undefined after printing a usage error. */
async function readInputs(resolver: ConfigResolver, args: LintArguments, io: CliIo): Promise<{ paths: string[]; base: string } | undefined> {
  if (args.filesFrom !== undefined) {
    let text: string;
    if (args.filesFrom === "-") {
      text = new TextDecoder().decode(io.readStdin ? await io.readStdin() : new Uint8Array());
    } else {
      try {
        text = await readFile(resolve(io.cwd, args.filesFrom), "utf8");
      } catch (error) {
        io.stderr(`tmlint: --files-from ${args.filesFrom}: ${describeError(error as NodeJS.ErrnoException)}.\n`);
        return undefined;
      }
    }
    return { paths: [...args.paths, ...splitFileList(text)], base: io.cwd };
  }
  if (args.paths.length > 0) return { paths: args.paths, base: io.cwd };

  const configured = await resolver.configuredFiles();
  if (configured) return { paths: configured.patterns, base: configured.base };
  io.stderr(
    "tmlint: no files given; pass files, folders or globs (e.g. `tmlint docs/`), use --files-from or --stdin, or list globs under `files` in a configuration file.\nRun `tmlint --help` for usage.\n",
  );
  return undefined;
}

/** Lints standard input; undefined after printing why it could not be read. */
async function lintStdin(resolver: ConfigResolver, args: LintArguments, io: CliIo, configs: ResolvedConfig[]): Promise<LintResult[] | undefined> {
  const filePath = args.stdinFilename === undefined ? "<stdin>" : resolve(io.cwd, args.stdinFilename);
  const config = await resolver.forFile(args.stdinFilename === undefined ? resolve(io.cwd, "<stdin>") : filePath);
  configs.push(config);

  if (args.stdinFilename !== undefined) {
    const match = await resolver.ignoredBy(filePath);
    if (match) {
      const where = match.source.startsWith("-") ? match.source : `the configuration file ${displayPath(match.source, io.cwd)}`;
      io.stderr(`tmlint: warning: ${displayPath(filePath, io.cwd)} is ignored by the pattern \`${match.pattern}\` in ${where}, so it was not linted; remove the pattern to lint it.\n`);
      return [];
    }
  }

  const decoded = decodeText(io.readStdin ? await io.readStdin() : new Uint8Array());
  if (!decoded.ok) {
    io.stderr(`tmlint: standard input: ${decoded.message}.\n`);
    return undefined;
  }
  return [lintSource(filePath, decoded.text, decoded.invalidUtf8, { config })];
}

function errorsOnly(result: LintResult): LintResult {
  return { ...result, diagnostics: result.diagnostics.filter((diagnostic) => diagnostic.severity === "error"), warningCount: 0 };
}

/** Merges the rule registries of every configuration used: built-in rules and plugin rules. */
function registryOf(configs: readonly ResolvedConfig[], fallback: ReadonlyMap<string, AnyRule>): ReadonlyMap<string, AnyRule> {
  const registries = new Set(configs.map((config) => config.registry));
  if (registries.size === 0) return fallback;
  if (registries.size === 1) return [...registries][0] as ReadonlyMap<string, AnyRule>;
  const merged = new Map<string, AnyRule>();
  for (const registry of registries) for (const [id, rule] of registry) merged.set(id, rule);
  return merged;
}

/**
 * Returns the severity each rule ran at in this run. A rule whose severity differs between
 * files, through `overrides` or nested configuration files, gets the highest one. Each SARIF
 * result carries its own level, so the rule's level only ranks the rule, and code scanning
 * should not rank it below what any file treated it as. A rule no configuration sets is off.
 */
function severitiesOf(configs: readonly ResolvedConfig[], registry: ReadonlyMap<string, AnyRule>): Map<string, SeveritySetting> {
  const rank: Record<SeveritySetting, number> = { off: 0, warn: 1, error: 2 };
  const severities = new Map<string, SeveritySetting>([...registry.keys()].map((id) => [id, "off"]));
  for (const config of configs) {
    for (const [id, setting] of Object.entries(config.rules)) {
      const severity = Array.isArray(setting) ? setting[0] : setting;
      if (rank[severity] > rank[severities.get(id) ?? "off"]) severities.set(id, severity);
    }
  }
  return severities;
}

/** Formats the results and writes them to standard output or `--output-file`; false after a write error. */
async function writeReport(
  results: LintResult[],
  ruleContext: Pick<FormatterContext, "rules" | "ruleSeverities">,
  args: LintArguments,
  io: CliIo,
): Promise<boolean> {
  const formatter = await loadFormatter(args.format);
  const color = args.color ?? (args.outputFile === undefined && io.isTTY && !io.env.NO_COLOR);
  const output = formatter(results, { cwd: io.cwd, color, ...ruleContext, version: packageVersion(), env: io.env });

  if (args.outputFile === undefined) {
    if (output !== "") io.stdout(output);
    return true;
  }
  const target = resolve(io.cwd, args.outputFile);
  try {
    await mkdir(dirname(target), { recursive: true });
    // The report appears whole or not at all: a CI step never uploads half a SARIF file.
    const { default: writeFileAtomic } = await import("write-file-atomic");
    await writeFileAtomic(target, output);
  } catch (error) {
    const failure = error as NodeJS.ErrnoException;
    // mkdir reports EEXIST when a file is where a folder of the path should be.
    const reason = failure.code === "EEXIST" ? "a part of the path is not a folder" : describeError(failure);
    io.stderr(`tmlint: cannot write --output-file ${args.outputFile}: ${reason}.\n`);
    return false;
  }
  return true;
}

async function printConfig(resolver: ConfigResolver, file: string, io: CliIo): Promise<number> {
  const absolute = resolve(io.cwd, file);
  const config = await resolver.forFile(absolute);
  const ignored = await resolver.ignoredBy(absolute);

  const rules: Record<string, RuleSetting> = {};
  for (const id of Object.keys(config.rules).sort()) {
    const setting = config.rules[id] as RuleSetting;
    const severity = Array.isArray(setting) ? setting[0] : setting;
    const rule = config.registry.get(id);
    if (severity === "off" || !rule) {
      rules[id] = "off";
      continue;
    }
    // The options the rule will run with: its defaults, then the configured options.
    const options = { ...(rule.meta.defaultOptions as Record<string, unknown>), ...(Array.isArray(setting) ? setting[1] : {}) };
    rules[id] = [severity, options];
  }

  const printable = {
    configFile: config.configFile === undefined ? null : displayPath(config.configFile, io.cwd),
    ignored: ignored === undefined ? false : { pattern: ignored.pattern, source: isAbsolute(ignored.source) ? displayPath(ignored.source, io.cwd) : ignored.source },
    rules,
    sections: config.sections,
    columns: config.columns,
    plugins: config.plugins.map((path) => displayPath(path, io.cwd)),
    reportUnusedDisableDirectives: config.reportUnusedDisableDirectives,
  };
  io.stdout(`${JSON.stringify(printable, null, 2)}\n`);
  return EXIT_OK;
}

async function printRules(resolver: ConfigResolver, args: LintArguments, io: CliIo): Promise<number> {
  const listings = listRules(await resolver.registryForCwd());
  io.stdout(args.format === "json" ? `${JSON.stringify(listings, null, 2)}\n` : formatRuleTable(listings));
  return EXIT_OK;
}
