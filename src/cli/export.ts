/**
 * `tmlint export FILE.md [-o FILE.tc.json]`: writes the ThreatComposer JSON of a Markdown
 * threat model. The file is replaced atomically, and nothing is written when the export is
 * refused.
 *
 * Exit codes: 0 written, 1 refused because data would be lost, 2 usage or I/O error.
 */

import type { Argv, CommandModule } from "yargs";
import type { CliIo } from "./run.js";

/** The yargs command; the CLI dispatches to `runExport` when `argv._[0]` is `export`. */
export const exportCommand: CommandModule<object, { file: string }> = {
  command: "export <file>",
  describe: "Write the ThreatComposer .tc.json file of a Markdown threat model (FILE.tc.json beside it, or --output-file).",
  builder: (yargs: Argv) =>
    yargs
      .positional("file", { type: "string", demandOption: true, describe: "The Markdown threat model to export" })
      .option("output-file", {
        alias: "o",
        type: "string",
        describe: "Write the .tc.json file here instead of beside the Markdown file; - writes to standard output",
      })
      .option("seed", {
        type: "string",
        describe: "Derive the UUIDs from this text instead of the document title, to keep IDs when the title changes",
      })
      .example("$0 export threat-model.md", "Write threat-model.tc.json beside it")
      // Example commands stay under 37 characters, or yargs wraps them mid-command.
      .example("$0 export tm.md -o out/tm.tc.json", "Write it elsewhere")
      .epilogue("Exit codes: 0 written, 1 not written because data would be lost, 2 usage or I/O error.") as Argv<{ file: string }>,
  // Dispatch happens in the CLI after parsing, so that exit codes stay in one place.
  handler: () => undefined,
};

/** Returns the default output path: `NAME.md` becomes `NAME.tc.json` beside it. */
export function defaultOutputPath(input: string): string {
  return input.replace(/\.(?:md|markdown)$/i, "") + ".tc.json";
}

/**
 * Runs the export with parsed arguments (`file`, and `outputFile` from `-o`/`--output-file`,
 * `seed`) and returns the exit code. Loads the Markdown parser only when called.
 */
export async function runExport(args: Record<string, unknown>, io: CliIo): Promise<number> {
  const { mkdir } = await import("node:fs/promises");
  const { dirname, resolve } = await import("node:path");
  const { default: writeFileAtomic } = await import("write-file-atomic");
  const { parseThreatModel } = await import("../parse/model.js");
  const { ExportError, exportThreatModel } = await import("../tcjson/export.js");

  const file = String(args.file ?? "");
  if (file === "") {
    io.stderr("tmlint: export needs a Markdown file, such as `tmlint export threat-model.md`.\n");
    return 2;
  }
  const input = resolve(io.cwd, file);
  const outputArgument = typeof args.outputFile === "string" && args.outputFile !== "" ? args.outputFile : undefined;
  const output = outputArgument === "-" ? "-" : resolve(io.cwd, outputArgument ?? defaultOutputPath(file));
  if (output === input) {
    io.stderr(`tmlint: the output \`${file}\` is the input file; choose another path with -o.\n`);
    return 2;
  }

  // The same reader as linting, so a folder, a binary file or a missing file is refused alike.
  const { readTextFile } = await import("../files.js");
  const outcome = await readTextFile(input);
  if (!outcome.ok) {
    io.stderr(`tmlint: cannot read \`${file}\`: ${outcome.message}; export takes a Markdown threat model.\n`);
    return 2;
  }
  const text = outcome.text;

  let json: string;
  try {
    const model = parseThreatModel(text, { filePath: input });
    json = exportThreatModel(model, typeof args.seed === "string" ? { seed: args.seed } : {});
  } catch (error) {
    if (!(error instanceof ExportError)) throw error;
    io.stderr(`tmlint: ${file} was not exported, because data would be lost:\n${error.problems.map((problem) => `  - ${problem}\n`).join("")}`);
    return 1;
  }

  if (output === "-") {
    io.stdout(json);
    return 0;
  }
  try {
    await mkdir(dirname(output), { recursive: true });
    await writeFileAtomic(output, json);
  } catch (error) {
    io.stderr(`tmlint: cannot write \`${output}\`: ${(error as NodeJS.ErrnoException).code ?? String(error)}; check that the folder is writable.\n`);
    return 2;
  }
  io.stderr(`tmlint: wrote ${output}\n`);
  return 0;
}
