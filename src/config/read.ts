/**
 * Finding and reading configuration files. Discovery starts in a linted file's folder and
 * goes up, and the first folder with a configuration file wins. Within one folder, the first
 * name of `CONFIG_FILE_NAMES` wins. JSON files may contain comments and trailing commas.
 */

import { readFile } from "node:fs/promises";
import { basename, extname } from "node:path";
import { parse as parseJsonc, printParseErrorCode, type ParseError } from "jsonc-parser";
import { lilconfig, type AsyncSearcher } from "lilconfig";
import { createRequire } from "node:module";
import { describeError } from "../files.js";

/** The file names searched in each folder, in order of precedence. */
export const CONFIG_FILE_NAMES = [".tmlintrc.json", ".tmlintrc.yaml", ".tmlintrc.yml", "tmlint.config.json", "package.json"] as const;

/** A problem with a configuration file: which file, which key and what is wrong. */
export interface ConfigProblem {
  /** The file (absolute path), or a label such as `--rule`. */
  source: string;
  /** The key path inside it, e.g. `rules.id-format[1].digits`; empty for the whole file. */
  path: string;
  message: string;
}

/** Raised for problems that stop a configuration from loading; each names its file and key. */
export class ConfigFileError extends Error {
  override name = "ConfigFileError";

  constructor(readonly problems: ConfigProblem[]) {
    super(problems.map((problem) => [problem.source, problem.path, problem.message].filter(Boolean).join(": ")).join("\n"));
  }
}

/** Raised when a configuration file cannot be read at all, as opposed to read but invalid. */
export class ConfigReadError extends ConfigFileError {
  override name = "ConfigReadError";

  constructor(
    filePath: string,
    /** The reason the file cannot be read, such as `file not found`. */
    readonly reason: string,
  ) {
    super([{ source: filePath, path: "", message: `cannot be read: ${reason}` }]);
  }
}

/** A configuration file's parsed contents. */
export interface ConfigFileContents {
  filePath: string;
  /** The parsed value, not yet validated; `null` for an empty file. */
  data: unknown;
}

/**
 * Parses a configuration file's text by its name: JSON (with comments), YAML, or package.json's
 * `tmlint` key. Returns `null` for a file with nothing in it but white space (or, in YAML, comments).
 */
export function parseConfigText(filePath: string, text: string): unknown {
  const name = basename(filePath).toLowerCase();
  const extension = extname(name);
  if (text.trim() === "") return null;
  if (extension === ".yaml" || extension === ".yml") return parseYaml(filePath, text);
  if (extension === ".json" || extension === ".jsonc" || name === ".tmlintrc") {
    const data = parseJson(filePath, text);
    if (name !== "package.json") return data;
    const value = data !== null && typeof data === "object" ? (data as Record<string, unknown>).tmlint : undefined;
    if (value === undefined) {
      throw new ConfigFileError([{ source: filePath, path: "", message: "has no `tmlint` key; add one or name another configuration file" }]);
    }
    return value;
  }
  throw new ConfigFileError([
    {
      source: filePath,
      path: "",
      message: `is not a configuration file tmlint can read; use a .json, .yaml or .yml file, or package.json`,
    },
  ]);
}

/** Reads and parses one configuration file named by `--config` or `extends`. */
export async function readConfigFile(filePath: string): Promise<ConfigFileContents> {
  let text: string;
  try {
    text = await readFile(filePath, "utf8");
  } catch (error) {
    throw new ConfigReadError(filePath, describeError(error as NodeJS.ErrnoException));
  }
  return { filePath, data: parseConfigText(filePath, stripBom(text)) };
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function parseJson(filePath: string, text: string): unknown {
  const errors: ParseError[] = [];
  const data: unknown = parseJsonc(text, errors, { allowTrailingComma: true, disallowComments: false });
  const first = errors[0];
  if (first) {
    const { line, column } = lineAndColumn(text, first.offset);
    throw new ConfigFileError([
      { source: filePath, path: "", message: `is not valid JSON: ${describeJsonError(printParseErrorCode(first.error))} at line ${line}, column ${column}` },
    ]);
  }
  return data;
}

function describeJsonError(code: string): string {
  // jsonc-parser names errors in PascalCase ("PropertyNameExpected"); a reader wants words.
  return code.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
}

function parseYaml(filePath: string, text: string): unknown {
  // Loaded here, for a YAML configuration file only: the yaml package takes about 20 ms to load.
  const { parseDocument } = createRequire(import.meta.url)("yaml") as typeof import("yaml");
  const document = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  const first = document.errors[0];
  if (first) {
    const position = first.linePos?.[0];
    const where = position ? ` at line ${position.line}, column ${position.col}` : "";
    // The first line of the yaml library's message, without its own position suffix.
    const reason = (first.message.split("\n")[0] ?? first.code).replace(/ at line \d+, column \d+:?$/, "");
    throw new ConfigFileError([{ source: filePath, path: "", message: `is not valid YAML: ${reason}${where}` }]);
  }
  // A document of comments only, or of `~`, is null.
  return document.toJS({ maxAliasCount: 100 }) ?? null;
}

/** Converts an offset into a configuration file's text to a 1-based line and column. */
function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 10 || (code === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** Makes the searcher that finds the nearest configuration file above a folder. It caches the result for each folder. */
export function createConfigSearcher(): AsyncSearcher {
  const load = (filePath: string, content: string): unknown => {
    // package.json without a `tmlint` key is not a configuration file: discovery goes on upwards.
    if (basename(filePath) === "package.json") return parseJson(filePath, stripBom(content));
    return parseConfigText(filePath, stripBom(content));
  };
  return lilconfig("tmlint", {
    searchPlaces: [...CONFIG_FILE_NAMES],
    loaders: { ".json": load, ".yaml": load, ".yml": load },
    // Search up to the file system root, not only to the home folder: a repository may live anywhere.
    stopDir: "/",
    // An empty configuration file is a configuration (it extends `recommended`, with a
    // warning), not an absent one.
    ignoreEmptySearchPlaces: false,
  });
}
