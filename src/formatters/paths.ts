/**
 * Path handling for formatters. Formatters are pure, so nothing here reads the process's
 * working directory or platform. A path is a Windows path when it starts with a drive letter
 * or `\\` (UNC), and a relative path takes the flavour of the directory it is resolved against.
 * The same results therefore give the same output on every operating system.
 */

import { posix, win32 } from "node:path";
import type { FormatterContext } from "./types.js";
import { toWellFormed } from "./escape.js";

/** `C:\…`, `C:/…` or `\\server\share…`. */
const WINDOWS_ABSOLUTE = /^(?:[A-Za-z]:[\\/]|\\\\)/;

/** Names such as `<stdin>` or `<text>` that stand for input without a file. */
const PSEUDO_PATH = /^<[^<>]*>$/;

export function isWindowsAbsolute(path: string): boolean {
  return WINDOWS_ABSOLUTE.test(path);
}

/** Tells whether a file path is a placeholder such as `<stdin>` rather than a real path. */
export function isPseudoPath(path: string): boolean {
  return PSEUDO_PATH.test(path);
}

/**
 * Resolves a file path against a directory and normalises it (`./`, `//`, `..`). A Windows
 * path keeps backslashes. A placeholder such as `<stdin>` is returned unchanged.
 */
export function absolutePath(filePath: string, cwd: string): string {
  if (isPseudoPath(filePath)) return filePath;
  if (isWindowsAbsolute(filePath)) return win32.normalize(filePath);
  if (isWindowsAbsolute(cwd)) return win32.resolve(cwd, filePath);
  return posix.resolve(cwd, filePath);
}

/**
 * Returns the path of a file relative to a root directory, with forward slashes and no
 * leading `./`, or undefined when the file is not below the root (another folder tree,
 * another drive, or a placeholder name).
 */
export function relativePath(filePath: string, root: string): string | undefined {
  if (isPseudoPath(filePath)) return undefined;
  const file = absolutePath(filePath, root);
  const windows = isWindowsAbsolute(file);
  if (windows !== isWindowsAbsolute(root)) return undefined;

  const relative = windows ? win32.relative(root, file).replaceAll("\\", "/") : posix.relative(root, file);
  if (relative === "" || relative === ".." || relative.startsWith("../") || isWindowsAbsolute(relative) || relative.startsWith("/")) {
    return undefined;
  }
  return relative;
}

/**
 * Returns the path to show for a file in line-oriented output: relative to `cwd` with forward
 * slashes when the file is below it, otherwise absolute as the platform writes it.
 */
export function displayPath(filePath: string, cwd: string): string {
  return relativePath(filePath, cwd) ?? absolutePath(filePath, cwd);
}

/**
 * Returns the directory that CI systems resolve report paths against: `GITHUB_WORKSPACE` on
 * GitHub Actions, `CI_PROJECT_DIR` on GitLab CI, otherwise the working directory.
 */
export function sourceRoot(context: FormatterContext): string {
  const fromEnv = context.env?.GITHUB_WORKSPACE || context.env?.CI_PROJECT_DIR;
  return fromEnv ? absolutePath(fromEnv, context.cwd) : context.cwd;
}

/** Percent-encodes each segment of a `/`-separated relative path for use in a URI. */
export function encodePathSegments(relative: string): string {
  // encodeURIComponent leaves only unreserved characters and `!*'()`, which are safe in a
  // path. It also encodes `:`, so a first segment such as `a:b` cannot read as a URI scheme.
  return relative
    .split("/")
    .map((segment) => encodeURIComponent(toWellFormed(segment)))
    .join("/");
}

/**
 * Makes a `file:` URI from an absolute path: `/a b/x.md` gives `file:///a%20b/x.md`,
 * `C:\a\x.md` gives `file:///C:/a/x.md` and `\\server\share\x.md` gives
 * `file://server/share/x.md`. A trailing separator is kept, as base URIs need it.
 */
export function fileUri(absolute: string): string {
  if (absolute.startsWith("\\\\")) {
    const [host = "", ...rest] = absolute.slice(2).split(/[\\/]/);
    return `file://${encodeURIComponent(toWellFormed(host))}/${encodePathSegments(rest.join("/"))}`;
  }
  if (isWindowsAbsolute(absolute)) {
    const drive = absolute.slice(0, 2).toUpperCase();
    return `file:///${drive}/${encodePathSegments(absolute.slice(3).replaceAll("\\", "/"))}`;
  }
  return `file://${encodePathSegments(absolute)}`;
}
