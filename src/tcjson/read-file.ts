/**
 * The file reader the CLI gives rules that compare two files: the text of a file, or
 * undefined when it is missing or unreadable (the rule then reports what it can).
 */

import { readFileSync } from "node:fs";
import type { FileReader } from "../types.js";

/** Reads a UTF-8 file; a missing file, a folder or a permission error gives undefined. */
export const readFileIfPresent: FileReader = (path) => {
  try {
    return readFileSync(path, "utf8");
  } catch {
    // Every failure means the same to the caller: there is no companion file to compare.
    return undefined;
  }
};
