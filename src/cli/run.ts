/**
 * The command line: parse arguments, lint, print, and return the exit code.
 *
 * Exit codes, the same in every environment: 0 when no errors were found, 1 when errors
 * were found, 2 for a usage, configuration or I/O error.
 */

import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import yargs from "yargs";

export const EXIT_OK = 0;
export const EXIT_ERRORS = 1;
export const EXIT_FAILURE = 2;

/** Where the CLI writes, and the process facts it reads; tests pass their own. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
  env: Record<string, string | undefined>;
  /** Whether standard output is a terminal, for the default colour choice. */
  isTTY: boolean;
}

/** A mistake in how tmlint was called; printed without a stack trace, exit code 2. */
export class UsageError extends Error {
  override name = "UsageError";
}

const PRESET_NAMES = ["recommended", "strict"] as const;
const FORMAT_NAMES = ["stylish", "compact", "unix", "json", "sarif", "github", "junit", "gitlab"] as const;

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

interface LintArguments {
  paths: string[];
  preset: string;
  format: string;
}

/** Runs tmlint with arguments (without `node` and the script path) and returns the exit code. */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  let parsed: LintArguments | undefined;
  let usageFailure: string | undefined;
  let helpOrVersionOutput = "";

  const parser = yargs([...argv])
    .scriptName("tmlint")
    .usage("$0 [paths..]\n\nLint Markdown threat models and ThreatComposer .tc.json files.")
    .command("$0 [paths..]", "Lint files, folders (every .md and .tc.json below them) and globs.", (command) =>
      command.positional("paths", { type: "string", array: true, describe: "Files, folders or globs to lint" }),
    )
    .option("preset", {
      type: "string",
      choices: PRESET_NAMES,
      default: "recommended",
      describe: "Rule preset: recommended (any document of this family) or strict (the full methodology template)",
    })
    .option("format", {
      alias: "f",
      type: "string",
      choices: FORMAT_NAMES,
      default: "stylish",
      describe: "Output format",
    })
    .example("$0 docs/threat-model.md", "Lint one file with the recommended preset")
    .example("$0 --preset strict --format unix docs/", "Lint a folder against the full template, one line per finding")
    .epilogue("Exit codes: 0 no errors, 1 errors found, 2 usage, configuration or I/O error.")
    .strict()
    .help()
    .version(packageVersion())
    .wrap(Math.min(100, process.stdout.columns ?? 100))
    .exitProcess(false)
    .fail((message, error) => {
      usageFailure = message ?? error?.message ?? "invalid arguments";
    });

  try {
    const args = await parser.parseAsync([...argv], {}, (_error, _argv, output) => {
      helpOrVersionOutput = output;
    });
    if (usageFailure === undefined) {
      parsed = { paths: (args.paths as string[] | undefined) ?? [], preset: String(args.preset), format: String(args.format) };
    }
  } catch (error) {
    usageFailure ??= error instanceof Error ? error.message : String(error);
  }

  if (usageFailure !== undefined) {
    io.stderr(`tmlint: ${usageFailure}\nRun \`tmlint --help\` for usage.\n`);
    return EXIT_FAILURE;
  }
  if (helpOrVersionOutput !== "") {
    io.stdout(helpOrVersionOutput.endsWith("\n") ? helpOrVersionOutput : helpOrVersionOutput + "\n");
    return EXIT_OK;
  }
  if (!parsed) return EXIT_OK;
  return lintCommand(parsed, io);
}

async function lintCommand(args: LintArguments, io: CliIo): Promise<number> {
  if (args.paths.length === 0) {
    io.stderr("tmlint: no files given; pass files, folders or globs, e.g. `tmlint docs/`.\nRun `tmlint --help` for usage.\n");
    return EXIT_FAILURE;
  }

  // Linting code is loaded only now, so `--help` and `--version` stay fast.
  const [{ expandPaths, displayPath }, { lintFiles }, { loadFormatter }, { ruleRegistry }] = await Promise.all([
    import("../files.js"),
    import("../lint-files.js"),
    import("../formatters/index.js"),
    import("../../rules/index.js"),
  ]);

  let formatter;
  try {
    formatter = await loadFormatter(args.format);
  } catch (error) {
    io.stderr(`tmlint: ${(error as Error).message}\n`);
    return EXIT_FAILURE;
  }

  let failed = false;
  const expanded = await expandPaths(args.paths, { cwd: io.cwd });
  for (const problem of expanded.errors) {
    io.stderr(`tmlint: ${problem.path}: ${problem.message}\n`);
    failed = true;
  }

  const results = await lintFiles(expanded.files, { preset: args.preset });
  const readable = results.filter((result) => {
    if (result.fatal === undefined) return true;
    io.stderr(`tmlint: ${displayPath(result.filePath, io.cwd)}: ${result.fatal}\n`);
    failed = true;
    return false;
  });

  const color = io.isTTY && io.env.NO_COLOR === undefined;
  const output = formatter(readable, { cwd: io.cwd, color, rules: ruleRegistry, version: packageVersion(), env: io.env });
  if (output !== "") io.stdout(output);

  if (failed) return EXIT_FAILURE;
  return readable.some((result) => result.errorCount > 0) ? EXIT_ERRORS : EXIT_OK;
}
