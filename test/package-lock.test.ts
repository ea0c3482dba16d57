/**
 * The committed lockfile must match package.json: `npm install` in the quick start rewrites a
 * stale one, and leaves a fresh clone with a changed tracked file.
 */

import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "./helpers.js";

interface Manifest {
  name?: string;
  version?: string;
  bin?: Record<string, string>;
  engines?: Record<string, string>;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

const manifest = JSON.parse(readFileSync(resolve(repoRoot, "package.json"), "utf8")) as Manifest;
const lock = JSON.parse(readFileSync(resolve(repoRoot, "package-lock.json"), "utf8")) as { packages: Record<string, Manifest> };
const root = lock.packages[""] ?? {};

describe("package-lock.json", () => {
  it.each(["name", "version", "bin", "engines", "dependencies", "devDependencies"] as const)("records the %s of package.json", (field) => {
    expect(root[field]).toEqual(manifest[field]);
  });
});
