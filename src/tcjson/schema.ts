/**
 * Validates a parsed ThreatComposer value against `schemas/threat-composer.schema.json` with
 * ajv. The schema is compiled once, on first use, so that linting Markdown alone never pays
 * for it.
 */

import { createRequire } from "node:module";
import type { ErrorObject, ValidateFunction } from "ajv";
import schema from "../../schemas/threat-composer.schema.json" with { type: "json" };
import { sourceDetailsOf } from "./document.js";
import { describeDuplicateKey, describeSchemaErrors, type SchemaProblem } from "./messages.js";

export type { SchemaProblem } from "./messages.js";

let compiled: ValidateFunction | undefined;

/**
 * Compiles the schema. `unicode: false` makes maxLength count UTF-16 code units, as
 * ThreatComposer measures JavaScript string lengths. Ajv 8 marks the option deprecated
 * but still honours it, so its deprecation notice is filtered out.
 */
export function compileThreatComposerSchema(): ValidateFunction {
  if (compiled) return compiled;
  // Loaded here, not imported at the top: ajv takes tens of milliseconds to load, and a run
  // over Markdown files never needs it.
  const { Ajv } = createRequire(import.meta.url)("ajv") as typeof import("ajv");
  const ajv = new Ajv({
    strict: true,
    allErrors: true,
    allowUnionTypes: true,
    unicode: false,
    logger: {
      log: () => undefined,
      warn: (...args: unknown[]) => {
        if (String(args[0]).startsWith("DEPRECATED: option unicode")) return;
        throw new Error(`Schema warning: ${args.map(String).join(" ")}`);
      },
      error: (...args: unknown[]) => {
        throw new Error(`Schema error: ${args.map(String).join(" ")}`);
      },
    },
  });
  compiled = ajv.compile(schema);
  return compiled;
}

/**
 * Validates a parsed value and returns each violation as a sentence with its place. A value
 * from parseTcJson also gets a problem for each key its text repeats in one object.
 */
export function validateThreatComposer(value: unknown): SchemaProblem[] {
  const validate = compileThreatComposerSchema();
  const duplicates = (sourceDetailsOf(value)?.duplicateKeys ?? []).map(describeDuplicateKey);
  if (validate(value)) return duplicates;
  return [...duplicates, ...describeSchemaErrors((validate.errors ?? []) as ErrorObject[], value)];
}
