/**
 * Turning the command line's inputs into the files to lint.
 *
 * - A file named explicitly is linted whatever its extension, unless an ignore pattern
 *   matches it: then it is skipped with a warning that says which pattern matched.
 * - A folder is searched for `.md`, `.markdown` and `.tc.json` files, and a glob is expanded;
 *   files that match an ignore pattern are left out silently.
 * - A path that does not exist, a folder with no files and a glob that matches nothing are
 *   "unmatched": errors unless `allowUnmatched` is set.
 */

import { stat } from "node:fs/promises";
import { resolve } from "node:path";
import type { ConfigResolver } from "../config/resolve.js";
import { createRealFileFilter, describeError, displayPath, expandPaths, isDynamicPattern } from "../files.js";

/** A message about one input, with the input's index, so that messages can be printed in argument order. */
export interface InputMessage {
  input: number;
  message: string;
}

export interface GatheredFiles {
  /** Absolute paths, in the order given, each real file once under the first path that reached it. */
  files: string[];
  /** The index of the input that reached each file of `files`. */
  fileInputs: number[];
  /** Inputs that could not be used; each one makes the exit code 2. */
  errors: InputMessage[];
  /** Explicit files that were skipped because an ignore pattern matches them. */
  warnings: InputMessage[];
}

export interface GatherOptions {
  cwd: string;
  resolver: ConfigResolver;
  allowUnmatched: boolean;
}

const UNMATCHED_HINT = "check the path, or pass --no-error-on-unmatched-pattern to allow this";

/** Expands files, folders and globs into the files to lint. */
export async function gatherFiles(inputs: readonly string[], options: GatherOptions): Promise<GatheredFiles> {
  const gathered: GatheredFiles = { files: [], fileInputs: [], errors: [], warnings: [] };
  // Two inputs may reach one file under two paths, such as `docs/` and a link to it.
  const isFirstPath = createRealFileFilter();
  // The index of the input the loop below is at, which each file and message records.
  let current = 0;
  const add = async (file: string): Promise<void> => {
    if (!(await isFirstPath(file))) return;
    gathered.files.push(file);
    gathered.fileInputs.push(current);
  };
  const addError = (message: string): void => void gathered.errors.push({ input: current, message });
  const unmatched = (input: string, reason: string): void => {
    if (!options.allowUnmatched) addError(`${input}: ${reason}; ${UNMATCHED_HINT}.`);
  };

  for (const [index, input] of inputs.entries()) {
    current = index;
    const absolute = resolve(options.cwd, input);
    const info = await stat(absolute).catch((error: NodeJS.ErrnoException) => error);

    if (!(info instanceof Error) && !info.isDirectory()) {
      const match = await options.resolver.ignoredBy(absolute);
      if (match) {
        const where = match.source.startsWith("-") ? match.source : `the configuration file ${displayPath(match.source, options.cwd)}`;
        gathered.warnings.push({
          input: current,
          message: `${displayPath(absolute, options.cwd)} is ignored by the pattern \`${match.pattern}\` in ${where}, so it was not linted; remove the pattern to lint it.`,
        });
        continue;
      }
      await add(absolute);
      continue;
    }

    const isFolder = !(info instanceof Error);
    if (!isFolder && !isDynamicPattern(input)) {
      if (info.code === "ENOENT" || info.code === "ENOTDIR") unmatched(input, "no such file or folder");
      else addError(`${input}: ${describeError(info)}.`);
      continue;
    }

    const expanded = await expandPaths([input], { cwd: options.cwd, allowUnmatched: true });
    for (const problem of expanded.errors) addError(`${problem.path}: ${problem.message}.`);
    const kept: string[] = [];
    for (const file of expanded.files) {
      if (!(await options.resolver.ignoredBy(file))) kept.push(file);
    }
    if (kept.length === 0) {
      if (expanded.files.length > 0) unmatched(input, `every file ${isFolder ? "in this folder" : "this pattern matches"} is ignored`);
      else unmatched(input, isFolder ? "no Markdown or .tc.json files in this folder" : "no files match this pattern");
    }
    for (const file of kept) await add(file);
  }
  return gathered;
}

/** Splits a `--files-from` list: one path per line, blank lines skipped, CR before LF dropped. */
export function splitFileList(text: string): string[] {
  return text.split(/\r?\n|\r/).filter((line) => line.trim() !== "");
}
