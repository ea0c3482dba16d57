/**
 * Golden files for formatter output. A test compares the output with
 * `test/formatters/golden/<name>`. Running the tests with `UPDATE_GOLDEN=1` rewrites the files
 * instead, and the diff is then reviewed like any other change.
 */

import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect } from "vitest";

const goldenDir = join(dirname(fileURLToPath(import.meta.url)), "golden");

export function expectGolden(name: string, actual: string): void {
  const path = join(goldenDir, name);
  if (process.env.UPDATE_GOLDEN === "1") {
    mkdirSync(goldenDir, { recursive: true });
    writeFileSync(path, actual);
    return;
  }
  if (!existsSync(path)) {
    throw new Error(`Golden file ${path} is missing; run the tests with UPDATE_GOLDEN=1 to create it, then review it.`);
  }
  expect(actual).toBe(readFileSync(path, "utf8"));
}
