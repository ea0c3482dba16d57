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
import yargs from "yargs";
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
  /** Seconds one file may take; 0 for no limit. */
  maxFileTime: number;
  /** The most files linted at once; undefined for the number of cores. */
  concurrency: number | undefined;
}

function buildParser(argv: readonly string[]) {
  return yargs([...argv])
    .scriptName("tmlint")
    .usage("$0 [paths..]\n\nLint Markdown threat models and ThreatComposer .tc.json files.")
    .command("$0 [paths..]", "Lint files, folders (every .md and .tc.json below them) and globs.", (command) =>
      command.positional("paths", { type: "string", array: true, describe: "Files, folders or globs to lint" }),
    )
    .command("rules", "List every rule with its description, the severity each preset gives it, and whether it can fix findings.")
    .command(exportCommand)
    .group(["config", "preset", "rule", "report-unused-disable-directives", "print-config"], "Configuration:")
    .option("config", {
      alias: "c",
      type: "string",
      describe: "Use this configuration file, not the nearest one; --no-config uses none",
    })
    .option("preset", {
      type: "string",
      choices: PRESET_NAMES,
      describe: "Apply this preset over the configuration (default: recommended)",
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
      describe: "Report directives that suppressed nothing",
    })
    .option("print-config", { type: "string", describe: "Print the configuration for this file as JSON" })
    .group(["format", "output-file", "quiet", "max-warnings", "color"], "Output:")
    .option("format", { alias: "f", type: "string", choices: FORMAT_NAMES, default: "stylish", describe: "Output format" })
    .option("output-file", { alias: "o", type: "string", describe: "Write the report to this file, atomically" })
    .option("quiet", { type: "boolean", default: false, describe: "Report errors only (warnings still count)" })
    .option("max-warnings", { type: "number", describe: "Exit 1 when warnings exceed this number" })
    .option("color", { type: "boolean", describe: "Colour output (default: on for a terminal without NO_COLOR)" })
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
      describe: "Exit 2 when a path or glob matches no file",
    })
    .group(["max-file-time", "concurrency"], "Performance:")
    .option("max-file-time", {
      type: "number",
      default: 30,
      describe: "Stop linting a file after this many seconds, plus as many for every 4 MB of it, and report it as too slow (exit 2); 0 turns the limit off",
    })
    .option("concurrency", {
      type: "number",
      describe: "Lint at most this many files at once on worker threads (default: the number of cores; 1 lints one by one)",
    })
    .option("list-rules", { type: "boolean", default: false, describe: "Same as `tmlint rules`" })
    .example("$0 docs/threat-model.md", "Lint one file with the configuration found above it")
    .example("$0 --preset strict --format unix docs/", "Lint a folder against the full template, one line per finding")
    .example("git ls-files '*.md' | $0 --files-from -", "Lint a list of files too long for one command line")
    .example("$0 --format sarif --output-file tmlint.sarif .", "Write a SARIF report for code scanning")
    .epilogue("Exit codes: 0 no errors, 1 errors found (or more warnings than --max-warnings), 2 usage, configuration or I/O error.")
    .strict()
    .help()
    .version(packageVersion())
    .wrap(Math.min(100, process.stdout.columns ?? 100))
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
    usageFailure = message ?? error?.message ?? "invalid arguments";
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
  const maxFileTime = args.maxFileTime as number;
  if (!Number.isFinite(maxFileTime) || maxFileTime < 0) {
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
