/**
 * Finding and reading the files to lint. Each problem (a missing path, an unreadable file,
 * binary content) is returned as data naming the path, so that one bad file never stops
 * the others from being linted.
 */

import { lstat, readdir, readFile, realpath, stat } from "node:fs/promises";
import { isAbsolute, join, relative, resolve, sep } from "node:path";
import picomatch from "picomatch";
import type { InvalidUtf8 } from "./types.js";

/** Folders never searched when a folder is linted. */
const SKIPPED_DIRECTORIES = new Set(["node_modules", ".git"]);

/**
 * Tells whether a path is a glob pattern, as tinyglobby's `isDynamicPattern` does, without
 * loading tinyglobby.
 */
export function isDynamicPattern(pattern: string): boolean {
  const scan = picomatch.scan(pattern);
  return scan.isGlob || scan.negated;
}

/** Tells whether a file name is one tmlint lints when it finds it in a folder. */
export function isLintable(name: string): boolean {
  const lower = name.toLowerCase();
  return lower.endsWith(".md") || lower.endsWith(".markdown") || lower.endsWith(".tc.json");
}

export interface ExpandedPaths {
  /** Absolute paths, in the order given, each real file once (see `createRealFileFilter`). */
  files: string[];
  /** Paths and patterns that could not be used, with the reason. */
  errors: { path: string; message: string }[];
}

export interface ExpandOptions {
  cwd: string;
  /** Patterns matched against paths relative to cwd; matching files found in folders or globs are skipped. */
  isIgnored?: (absolutePath: string) => boolean;
  /** When true, a pattern or folder that matches no file is not an error. */
  allowUnmatched?: boolean;
}

/**
 * Makes a filter that passes the first path of each real file and drops any later path that
 * reaches the same file, such as one through a symbolic link to a folder. A path whose real
 * path cannot be resolved (a broken link, a file that is gone) stands for itself.
 */
export function createRealFileFilter(): (file: string) => Promise<boolean> {
  const seen = new Set<string>();
  return async (file) => {
    const real = await realpath(file).catch(() => file);
    if (seen.has(real)) return false;
    seen.add(real);
    return true;
  };
}

/** Expands files, folders and globs into the files to lint. */
export async function expandPaths(inputs: readonly string[], options: ExpandOptions): Promise<ExpandedPaths> {
  const files: string[] = [];
  const isFirstPath = createRealFileFilter();
  const errors: ExpandedPaths["errors"] = [];
  const add = async (file: string): Promise<void> => {
    if (await isFirstPath(file)) files.push(file);
  };

  for (const input of inputs) {
    const absolute = resolve(options.cwd, input);
    const info = await stat(absolute).catch((error: NodeJS.ErrnoException) => error);

    if (!(info instanceof Error)) {
      if (info.isDirectory()) {
        const found: string[] = [];
        await walkDirectory(absolute, found, new Set(), options);
        if (found.length === 0 && !options.allowUnmatched) {
          errors.push({ path: input, message: "no Markdown or .tc.json files found in this folder" });
        }
        found.sort();
        for (const file of found) await add(file);
      } else {
        // A file named explicitly is linted even when its extension is unusual.
        await add(absolute);
      }
      continue;
    }

    if (isDynamicPattern(input)) {
      // Loaded only for a glob: a run over plain paths never needs it.
      const { glob } = await import("tinyglobby");
      const matches = await glob(input, { cwd: options.cwd, absolute: true, onlyFiles: true, ignore: ["**/node_modules/**", "**/.git/**"] });
      const kept = matches.filter((file) => !options.isIgnored?.(file)).sort();
      if (kept.length === 0 && !options.allowUnmatched) {
        errors.push({ path: input, message: "no files match this pattern" });
      }
      for (const file of kept) await add(file);
      continue;
    }

    errors.push({ path: input, message: describeError(info) });
  }
  return { files, errors };
}

async function walkDirectory(directory: string, found: string[], visited: Set<string>, options: ExpandOptions): Promise<void> {
  // A symbolic link loop would otherwise walk forever; each real folder is read once.
  const real = await realpath(directory).catch(() => directory);
  if (visited.has(real)) return;
  visited.add(real);

  // In name order, so that of two links to one folder the same one is walked on every run.
  const entries = await readdir(directory, { withFileTypes: true }).catch(() => []);
  entries.sort(byName);
  for (const entry of entries) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) {
      if (SKIPPED_DIRECTORIES.has(entry.name)) continue;
      await walkDirectory(path, found, visited, options);
    } else if (entry.isSymbolicLink()) {
      const target = await stat(path).catch(() => undefined);
      if (target?.isDirectory()) {
        if (!SKIPPED_DIRECTORIES.has(entry.name)) await walkDirectory(path, found, visited, options);
      } else if (target?.isFile() && isLintable(entry.name) && !options.isIgnored?.(path)) {
        found.push(path);
      }
    } else if (entry.isFile() && isLintable(entry.name) && !options.isIgnored?.(path)) {
      found.push(path);
    }
  }
}

/** A file's text, or the reason it cannot be linted. */
export type ReadOutcome =
  | { ok: true; text: string; invalidUtf8: InvalidUtf8 | undefined }
  | { ok: false; message: string };

/** Reads a file as UTF-8 text. Binary content and unreadable files are reported, not thrown. */
export async function readTextFile(path: string): Promise<ReadOutcome> {
  let buffer: Buffer;
  try {
    const info = await lstat(path);
    if (info.isDirectory()) return { ok: false, message: "is a folder, not a file" };
    buffer = await readFile(path);
  } catch (error) {
    return { ok: false, message: describeError(error as NodeJS.ErrnoException) };
  }
  return decodeText(buffer);
}

/**
 * Decodes UTF-8, refusing binary content. A leading BOM stays in the text. Invalid sequences
 * become U+FFFD, and the first one is located both in the bytes and in the text.
 */
export function decodeText(buffer: Uint8Array): ReadOutcome {
  if (buffer.includes(0)) {
    return { ok: false, message: `not a text file (NUL byte at offset ${buffer.indexOf(0)})` };
  }
  const text = new TextDecoder("utf-8", { fatal: false, ignoreBOM: true }).decode(buffer);
  const byteOffset = firstInvalidUtf8(buffer);
  if (byteOffset === undefined) return { ok: true, text, invalidUtf8: undefined };

  // The bytes before `byteOffset` are valid UTF-8 that ends with a whole character, so they
  // decode to exactly the text before the first U+FFFD. This decoder drops a leading BOM,
  // as the parsers do, so the length is an offset into the text they see.
  const offset = new TextDecoder("utf-8").decode(buffer.subarray(0, byteOffset)).length;
  return { ok: true, text, invalidUtf8: { byteOffset, offset } };
}

/** The byte offset of the first byte that is not valid UTF-8, or undefined. */
export function firstInvalidUtf8(bytes: Uint8Array): number | undefined {
  let i = 0;
  while (i < bytes.length) {
    const byte = bytes[i] ?? 0;
    if (byte < 0x80) {
      i++;
      continue;
    }
    let length: number;
    let minimum: number;
    if (byte >= 0xc2 && byte <= 0xdf) {
      length = 2;
      minimum = 0x80;
    } else if (byte >= 0xe0 && byte <= 0xef) {
      length = 3;
      minimum = 0x800;
    } else if (byte >= 0xf0 && byte <= 0xf4) {
      length = 4;
      minimum = 0x10000;
    } else {
      return i;
    }
    let codePoint = byte & (0xff >> (length + 1));
    for (let k = 1; k < length; k++) {
      const next = bytes[i + k];
      if (next === undefined || (next & 0xc0) !== 0x80) return i;
      codePoint = (codePoint << 6) | (next & 0x3f);
    }
    if (codePoint < minimum || codePoint > 0x10ffff || (codePoint >= 0xd800 && codePoint <= 0xdfff)) return i;
    i += length;
  }
  return undefined;
}

/** A plain sentence for a file system error. */
export function describeError(error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case "ENOENT":
      return "file not found";
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "EISDIR":
      return "is a folder, not a file";
    case "ELOOP":
      return "too many levels of symbolic links";
    case "ENOTDIR":
      return "a part of the path is not a folder";
    default:
      return error.message;
  }
}

/** The path to show for a file: relative to cwd when inside it, else absolute, with `/`. */
export function displayPath(absolute: string, cwd: string): string {
  const rel = relative(cwd, absolute);
  const shown = rel !== "" && !rel.startsWith("..") && !isAbsolute(rel) ? rel : absolute;
  return sep === "\\" ? shown.split(sep).join("/") : shown;
}

/** Compares two folder entries by name, code unit by code unit, the same on every machine. */
function byName(a: { name: string }, b: { name: string }): number {
  if (a.name < b.name) return -1;
  if (a.name > b.name) return 1;
  return 0;
}
