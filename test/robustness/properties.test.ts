/**
 * Property tests: arbitrary Markdown and mutated threat models never make tmlint throw, every
 * reported range lies inside the file, and findings do not depend on the run or on the other
 * files linted with it. `npm run fuzz` runs the same properties with many more cases.
 */

import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { lintFiles } from "../../src/lint-files.js";
import { ruleRegistry } from "../../rules/index.js";
import { anyText, markdownDocument, mutatedDocument, seedDocuments } from "./arbitraries.js";
import { caseCount, findingsOf, lintAndCheck, LONG_MODE } from "./check.js";

const seeds = seedDocuments();
/** Long runs need no per-test time limit; the normal suite keeps one. */
const TIMEOUT = LONG_MODE ? 0 : 60_000;

function assertSound(text: string): void {
  const { problems } = lintAndCheck(text);
  expect(problems).toEqual([]);
}

describe("robustness properties", () => {
  it("arbitrary threat-model Markdown keeps every invariant", () => {
    fc.assert(fc.property(markdownDocument, assertSound), { numRuns: caseCount(1200) });
  }, TIMEOUT);

  it("arbitrary text keeps every invariant", () => {
    fc.assert(fc.property(anyText, assertSound), { numRuns: caseCount(1000) });
  }, TIMEOUT);

  it("mutated threat models keep every invariant", () => {
    fc.assert(fc.property(mutatedDocument(seeds, 12), assertSound), { numRuns: caseCount(200) });
  }, TIMEOUT);

  it("findings are the same on every run and after other files", () => {
    const documents = fc.tuple(fc.oneof(markdownDocument, mutatedDocument(seeds, 20)), markdownDocument);
    fc.assert(
      fc.property(documents, ([text, other]) => {
        const first = findingsOf(lintAndCheck(text).result);
        lintAndCheck(other);
        const again = findingsOf(lintAndCheck(text).result);
        expect(again).toEqual(first);
      }),
      { numRuns: caseCount(150) },
    );
  }, TIMEOUT);
});

describe("findings of files linted alone and together", () => {
  const folder = mkdtempSync(join(tmpdir(), "tmlint-fuzz-"));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));
  const strictRules = Object.fromEntries([...ruleRegistry.values()].map((rule) => [rule.meta.id, "error" as const]));
  const config = { configFile: undefined, rules: strictRules, sections: {}, columns: {}, plugins: [], reportUnusedDisableDirectives: "warn" as const, registry: ruleRegistry };

  it("match for every file", async () => {
    let round = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(markdownDocument, mutatedDocument(seeds, 20)), { minLength: 2, maxLength: 4 }), async (texts) => {
        round++;
        const paths = texts.map((text, index) => {
          const path = join(folder, `r${round}-${index}.md`);
          writeFileSync(path, text);
          return path;
        });
        const together = await lintFiles(paths, { config });
        for (const [index, path] of paths.entries()) {
          const [alone] = await lintFiles([path], { config });
          expect(findingsOf(alone as never), path).toEqual(findingsOf(together[index] as never));
        }
      }),
      { numRuns: caseCount(12) },
    );
  }, TIMEOUT);
});
