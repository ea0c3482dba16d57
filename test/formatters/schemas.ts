/**
 * Schema validators for formatter output: the official SARIF 2.1.0 schema that
 * @microsoft/jest-sarif ships (a draft-04 schema, so it needs Ajv's draft-04 build) and our
 * own `schemas/report.schema.json` (draft-07).
 */

import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { Ajv, type ValidateFunction } from "ajv";
import ajvDraft04 from "ajv-draft-04";
import ajvFormats from "ajv-formats";
import { repoRoot } from "../helpers.js";

const require = createRequire(import.meta.url);

// Both packages are CommonJS modules whose `module.exports` also carries a `default` property;
// under NodeNext resolution TypeScript types the default import as the whole module.
const AjvDraft04 = ajvDraft04.default;
const addFormats = ajvFormats.default;

function readJson(path: string): object {
  return JSON.parse(readFileSync(path, "utf8")) as object;
}

export function sarifValidator(): ValidateFunction {
  const schemaPath = require.resolve("@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json");
  // The schema's pattern for `language` has a stray `]`. With the `u` flag, which Ajv uses by
  // default, that is a syntax error, but without the flag it is a literal character.
  const ajv = new AjvDraft04({ allErrors: true, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile(readJson(schemaPath));
}

export function reportValidator(): ValidateFunction {
  const ajv = new Ajv({ allErrors: true, strict: true });
  addFormats(ajv);
  return ajv.compile(readJson(join(repoRoot, "schemas", "report.schema.json")));
}

/** Formats Ajv errors for an assertion message. */
export function describeErrors(validate: ValidateFunction): string {
  return (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message ?? ""}`).join("\n");
}
