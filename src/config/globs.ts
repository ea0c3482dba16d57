/**
 * Glob matching for `ignores`, `overrides[].files` and `--ignore-pattern`. Patterns are
 * matched against a path relative to the folder they were written for (a configuration
 * file's folder, or the working folder for the command line), with `/` separators.
 *
 * As in .gitignore: a pattern without a slash matches a file or folder name at any depth,
 * and a pattern that matches a folder also matches everything below it, so `drafts/`,
 * `drafts` and `drafts/**` all skip the folder `drafts`.
 */

import { isAbsolute, relative, sep } from "node:path";
import picomatch from "picomatch";

/** A compiled pattern and where it came from. */
export interface GlobPattern {
  pattern: string;
  /** The folder the pattern is relative to (absolute). */
  base: string;
  /** A configuration file's path, or a label such as `--ignore-pattern`. */
  source: string;
  test(path: string): boolean;
}

/** Compiles a pattern written relative to `base`. */
export function compileGlob(pattern: string, base: string, source: string): GlobPattern {
  const trimmed = pattern.replace(/^\.\//, "").replace(/\/+$/, "");
  const matcher = picomatch(trimmed === "" ? "**" : trimmed, { dot: true, basename: !trimmed.includes("/") });
  return {
    pattern,
    base,
    source,
    test(path) {
      const rel = relativePosix(base, path);
      if (rel === undefined) return false;
      if (matcher(rel)) return true;
      // A folder that matches covers its whole content: try each ancestor folder.
      let slash = rel.lastIndexOf("/");
      while (slash > 0) {
        const folder = rel.slice(0, slash);
        if (matcher(folder)) return true;
        slash = folder.lastIndexOf("/");
      }
      return false;
    },
  };
}

/** The first pattern of a list that matches a path, or undefined. */
export function firstMatch(patterns: readonly GlobPattern[], path: string): GlobPattern | undefined {
  return patterns.find((pattern) => pattern.test(path));
}

/** A path relative to `base` with `/` separators, or undefined when it lies outside `base`. */
function relativePosix(base: string, path: string): string | undefined {
  const rel = relative(base, path);
  if (rel === "" || rel === ".." || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return undefined;
  return sep === "\\" ? rel.split(sep).join("/") : rel;
}
