/**
 * The command line: parse arguments, lint, print, and return the exit code.
 *
 * Exit codes depend only on the findings and the options, never on environment variables
 * such as CI or GITHUB_ACTIONS. The code is 0 when no errors were found and no more warnings
 * than `--max-warnings` allows, 1 when errors were found or warnings exceeded
 * `--max-warnings`, and 2 for a usage, configuration or I/O error.
 */

import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";
import type { Argv } from "yargs";
import { exportCommand } from "./export.js";

export const EXIT_OK = 0;
export const EXIT_ERRORS = 1;
export const EXIT_FAILURE = 2;

/** The CLI's output streams and the process facts it reads; tests pass their own. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
  env: Record<string, string | undefined>;
  /** Whether standard output is a terminal, for the default colour choice. */
  isTTY: boolean;
  /** Reads all of standard input, for `--stdin` and `--files-from -`; absent means empty input. */
  readStdin?: () => Promise<Uint8Array>;
}

/** A mistake in how tmlint was called; printed without a stack trace, exit code 2. */
export class UsageError extends Error {
  override name = "UsageError";
}

export const PRESET_NAMES = ["recommended", "strict", "threat-composer"] as const;
export const FORMAT_NAMES = ["stylish", "compact", "unix", "json", "sarif", "github", "junit", "gitlab"] as const;
/** The formats of `tmlint rules`: the report formats describe findings, not rules. */
export const RULES_FORMAT_NAMES = ["text", "json"] as const;

/** Reads the package version without loading any linting code. */
export function packageVersion(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  for (const candidate of [resolve(here, "../../package.json"), resolve(here, "../../../package.json")]) {
    try {
      const data = JSON.parse(readFileSync(candidate, "utf8")) as { name?: string; version?: string };
      if (data.name === "tmlint" && data.version) return data.version;
    } catch {
      // Not this candidate: dist/ and src/ sit at different depths below the package root.
    }
  }
  return "0.0.0";
}

/** The options of a lint run, as parsed from the command line. */
export interface LintArguments {
  command: "lint" | "rules";
  paths: string[];
  /** A configuration file path; `false` for `--no-config`; undefined to search. */
  config: string | false | undefined;
  preset: string | undefined;
  rule: string[];
  format: string;
  outputFile: string | undefined;
  quiet: boolean;
  maxWarnings: number | undefined;
  color: boolean | undefined;
  stdin: boolean;
  stdinFilename: string | undefined;
  filesFrom: string | undefined;
  ignorePattern: string[];
  errorOnUnmatchedPattern: boolean;
  reportUnusedDisableDirectives: boolean;
  printConfig: string | undefined;
  listRules: boolean;
  /** Seconds one file may take; 0 for no limit; undefined for the default on files that may be slow. */
  maxFileTime: number | undefined;
  /** The most files linted at once; undefined for the number of cores. */
  concurrency: number | undefined;
}

/**
 * Help is laid out for 80 columns whatever the terminal width. yargs gives option names at
 * most half the width, so 80 is the narrowest width at which the longest name,
 * `--report-unused-disable-directives`, stays whole.
 * NOTE: a terminal narrower than 80 columns wraps the help lines itself, wherever they end.
 */
const HELP_WIDTH = 80;

/** Seconds one file may take by default; `tmlint rules` and `tmlint export` have no limit to set. */
const DEFAULT_MAX_FILE_TIME = 30;

/**
 * yargs' CommonJS build, loaded in place of its ES module build. The ES module build lays out
 * help with cliui 8.0.1's ES module build, which breaks lines at a fixed width even in the
 * middle of a word. The CommonJS build wraps at spaces with wrap-ansi.
 */
const createYargs = createRequire(import.meta.url)("yargs/yargs") as ((argv: string[]) => Argv) & {
  /** yargs-parser, which names the camelCase twin of each option. */
  Parser: { camelCase(name: string): string };
};

/** Adds the options of `tmlint [paths..]`, which `rules` and `export` do not take. */
function lintOptions(command: Argv): Argv {
  return command
    .positional("paths", { type: "string", array: true, describe: "Files, folders or globs to lint" })
    .group(["config", "preset", "rule", "report-unused-disable-directives", "print-config"], "Configuration:")
    .option("config", {
      alias: "c",
      type: "string",
      describe: "Use this configuration file, not the nearest one; --no-config uses none",
    })
    .option("preset", {
      type: "string",
      choices: PRESET_NAMES,
      describe: `Apply this preset over the configuration: ${PRESET_NAMES.join(", ")}; recommended by default`,
    })
    // Not `array: true`, which would swallow the file arguments after it; a repeated option
    // still arrives as an array.
    .option("rule", {
      type: "string",
      describe: "Set a rule: 'id: off|warn|error' or 'id: [\"warn\", {...}]'; repeatable",
    })
    .option("report-unused-disable-directives", {
      type: "boolean",
      default: false,
      describe: "Report directives that suppressed nothing, as errors",
    })
    .option("print-config", { type: "string", describe: "Print the configuration for this file as JSON" })
    .group(["format", "output-file", "quiet", "max-warnings", "color"], "Output:")
    .option("format", {
      alias: "f",
      type: "string",
      choices: FORMAT_NAMES,
      default: "stylish",
      describe: `Output format: ${FORMAT_NAMES.join(", ")}; stylish by default`,
    })
    .option("output-file", { alias: "o", type: "string", describe: "Write the report to this file, atomically" })
    .option("quiet", { type: "boolean", default: false, describe: "Report errors only (warnings still count)" })
    .option("max-warnings", { type: "number", describe: "Exit 1 when warnings exceed this number" })
    .option("color", { type: "boolean", describe: "Colour output; --no-color turns it off; on by default for a terminal without NO_COLOR" })
    .group(["stdin", "stdin-filename", "files-from", "ignore-pattern", "error-on-unmatched-pattern"], "Input:")
    .option("stdin", { type: "boolean", default: false, describe: "Lint standard input" })
    .option("stdin-filename", { type: "string", describe: "Path that the --stdin text is linted as" })
    .option("files-from", { type: "string", describe: "Read paths, one per line, from this file (- for stdin)" })
    .option("ignore-pattern", {
      type: "string",
      describe: "Skip files matching this glob; repeatable",
    })
    .option("error-on-unmatched-pattern", {
      type: "boolean",
      default: true,
      describe: "Exit 2 when a path or glob matches no file; --no-error-on-unmatched-pattern allows it",
    })
    .group(["max-file-time", "concurrency"], "Performance:")
    .option("max-file-time", {
      // Read as a string and converted here: yargs turns an empty value into 0, which would
      // turn the limit off without a word.
      type: "string",
      describe: `Stop linting a file after this many seconds, plus as many for every 4 MB of it, and report it as too slow (exit 2); 0 turns the limit off. A limit given here applies to every file; the default, ${DEFAULT_MAX_FILE_TIME}, applies to files that may be slow to parse`,
    })
    .option("concurrency", {
      type: "number",
      describe: "Lint at most this many files at once on worker threads; the number of cores by default; 1 lints one by one",
    })
    .option("list-rules", { type: "boolean", default: false, describe: "Same as `tmlint rules`" })
    // Example commands stay under 37 characters: yargs gives them at most half of HELP_WIDTH,
    // and a longer one would wrap in the middle of the command.
    .example("$0 docs/threat-model.md", "Lint one file with the configuration found above it")
    .example("$0 --preset strict -f unix docs/", "Lint a folder against the full template, one line per finding")
    .example("$0 --files-from list.txt", "Lint the paths listed in list.txt, one per line; --files-from - reads them from standard input")
    .example("$0 -f sarif -o tmlint.sarif .", "Write a SARIF report for code scanning")
    .epilogue("Exit codes: 0 no errors, 1 errors found (or more warnings than --max-warnings), 2 usage, configuration or I/O error.");
}

/** Adds the options of `tmlint rules`: the configuration that may add plugin rules, and the output format. */
function rulesOptions(command: Argv): Argv {
  return command
    .option("config", {
      alias: "c",
      type: "string",
      describe: "Also list the plugin rules of this configuration file, not the nearest one; --no-config lists the built-in rules only",
    })
    .option("format", {
      alias: "f",
      type: "string",
      choices: RULES_FORMAT_NAMES,
      default: "text",
      describe: "Output format: text (an aligned table) or json; text by default",
    })
    .example("$0 rules --format json", "List the rules as JSON, plugin rules included");
}

function buildParser(argv: readonly string[]): Argv {
  const parser = createYargs([...argv])
    .scriptName("tmlint")
    .usage("$0 [paths..]\n\nLint Markdown threat models and ThreatComposer .tc.json files.")
    .command("$0 [paths..]", "Lint files, folders (every .md and .tc.json below them) and globs.", lintOptions)
    .command("rules", "List every rule with its description, the severity each preset gives it, and whether it can fix findings.", rulesOptions)
    .command(exportCommand);
  // Choices and defaults are written into each description, where they wrap with its words;
  // yargs' own column for them breaks the layout at 80 columns. @types/yargs 17.0 lacks
  // `usageConfiguration`, which yargs has since 17.7.
  return (parser as Argv & { usageConfiguration(configuration: { "hide-types": boolean }): Argv })
    .usageConfiguration({ "hide-types": true })
    .strict()
    .help()
    .version(packageVersion())
    .wrap(HELP_WIDTH)
    .exitProcess(false);
}

/**
 * Joins `--files-from -` into `--files-from=-`: yargs drops a lone `-` that follows an
 * option, and `-` is how standard input is named.
 */
function joinStdinDash(argv: readonly string[]): string[] {
  const joined: string[] = [];
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index] as string;
    if (arg === "--files-from" && argv[index + 1] === "-") {
      joined.push("--files-from=-");
      index++;
    } else {
      joined.push(arg);
    }
  }
  return joined;
}

/** Runs tmlint with arguments (without `node` and the script path) and returns the exit code. */
export async function run(rawArgv: readonly string[], io: CliIo): Promise<number> {
  const argv = joinStdinDash(rawArgv);
  let usageFailure: string | undefined;
  let helpOrVersionOutput = "";
  let args: Record<string, unknown> | undefined;

  const parser = buildParser(argv).fail((message, error) => {
    usageFailure = nameUnknownArgumentsOnce(message ?? error?.message ?? "invalid arguments");
  });
  try {
    args = (await parser.parseAsync([...argv], {}, (_error, _argv, output) => {
      helpOrVersionOutput = output;
    })) as Record<string, unknown>;
  } catch (error) {
    usageFailure ??= error instanceof Error ? error.message : String(error);
  }

  if (usageFailure !== undefined) return usage(io, usageFailure);
  if (helpOrVersionOutput !== "") {
    io.stdout(helpOrVersionOutput.endsWith("\n") ? helpOrVersionOutput : helpOrVersionOutput + "\n");
    return EXIT_OK;
  }
  if (!args) return EXIT_OK;

  if ((args._ as unknown[] | undefined)?.[0] === "export") {
    const { runExport } = await import("./export.js");
    return runExport(args, io);
  }

  const parsed = toLintArguments(args);
  if (typeof parsed === "string") return usage(io, parsed);

  // Linting code is loaded only now, so that `--help` and `--version` stay fast.
  const { runCommand } = await import("./lint-command.js");
  return runCommand(parsed, io);
}

/**
 * Drops the camelCase twins from yargs' list of unknown arguments: yargs adds `bogusOpt` for
 * `--bogus-opt` and reports both, but the user wrote only the first.
 * NOTE: this matches yargs' English message; with another LANG, yargs' translation passes
 * through unchanged.
 */
function nameUnknownArgumentsOnce(message: string): string {
  const match = /^Unknown arguments?: (.*)$/s.exec(message);
  if (!match) return message;
  const names = (match[1] as string).split(", ");
  const isTwin = (name: string): boolean => names.some((other) => other !== name && createYargs.Parser.camelCase(other) === name);
  const reported = names.filter((name) => !isTwin(name));
  return `${reported.length === 1 ? "Unknown argument" : "Unknown arguments"}: ${reported.join(", ")}`;
}

function usage(io: CliIo, message: string): number {
  io.stderr(`tmlint: ${message}\nRun \`tmlint --help\` for usage.\n`);
  return EXIT_FAILURE;
}

/** Checks the combinations yargs cannot, and returns the arguments or a usage message. */
function toLintArguments(args: Record<string, unknown>): LintArguments | string {
  const command = (args._ as unknown[] | undefined)?.[0] === "rules" || args.listRules === true ? "rules" : "lint";
  const paths = ((args.paths as string[] | undefined) ?? []).map(String);
  const maxWarnings = args.maxWarnings as number | undefined;
  const config = args.config as string | false | undefined;
  const stdin = args.stdin === true;
  const filesFrom = args.filesFrom as string | undefined;
  const stdinFilename = args.stdinFilename as string | undefined;

  if (maxWarnings !== undefined && (!Number.isInteger(maxWarnings) || maxWarnings < 0)) {
    return "--max-warnings must be a whole number of 0 or more, such as `--max-warnings 0`.";
  }
  const rawMaxFileTime = args.maxFileTime as string | string[] | undefined;
  if (Array.isArray(rawMaxFileTime)) return "--max-file-time was given more than once; give it once.";
  const maxFileTime = rawMaxFileTime === undefined ? undefined : rawMaxFileTime.trim() === "" ? Number.NaN : Number(rawMaxFileTime);
  if (maxFileTime !== undefined && (!Number.isFinite(maxFileTime) || maxFileTime < 0)) {
    return "--max-file-time must be a number of seconds of 0 or more, such as `--max-file-time 60`; 0 turns the limit off.";
  }
  const concurrency = args.concurrency as number | undefined;
  if (concurrency !== undefined && (!Number.isInteger(concurrency) || concurrency < 1)) {
    return "--concurrency must be a whole number of 1 or more, such as `--concurrency 4`.";
  }
  if (config === "") return "--config needs a file path, such as `--config .tmlintrc.json`.";
  if (stdin && (paths.length > 0 || filesFrom !== undefined)) {
    return "--stdin lints standard input alone; drop the file arguments and --files-from, or drop --stdin.";
  }
  if (stdinFilename !== undefined && !stdin) return "--stdin-filename names the --stdin text; add --stdin or drop --stdin-filename.";
  if (filesFrom === "") return "--files-from needs a file path, or - for standard input.";
  if (args.listRules === true && args.format !== "stylish" && args.format !== "json") {
    return `--list-rules prints a text table, or JSON with \`--format json\`; it cannot print \`${String(args.format)}\`, which is a format for findings.`;
  }
  for (const name of ["outputFile", "printConfig"] as const) {
    if (args[name] === "") return `--${name === "outputFile" ? "output-file" : "print-config"} needs a file path.`;
  }

  return {
    command,
    paths,
    config,
    preset: args.preset as string | undefined,
    rule: asList(args.rule),
    format: String(args.format),
    outputFile: args.outputFile as string | undefined,
    quiet: args.quiet === true,
    maxWarnings,
    color: args.color as boolean | undefined,
    stdin,
    stdinFilename,
    filesFrom,
    ignorePattern: asList(args.ignorePattern),
    errorOnUnmatchedPattern: args.errorOnUnmatchedPattern !== false,
    reportUnusedDisableDirectives: args.reportUnusedDisableDirectives === true,
    printConfig: args.printConfig as string | undefined,
    listRules: args.listRules === true,
    maxFileTime,
    concurrency,
  };
}

/** Normalises a repeatable option's value (undefined, one string, or an array) to a list. */
function asList(value: unknown): string[] {
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).map(String);
}
