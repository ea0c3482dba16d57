/**
 * Requires a ThreatComposer file to be valid JSON that ThreatComposer would import: the
 * schema in `schemas/threat-composer.schema.json`, checked with ajv, each violation
 * reported at the offending key or value.
 */

import { defineJsonRule } from "../src/rule.js";
import { validateThreatComposer } from "../src/tcjson/schema.js";

export default defineJsonRule<Record<string, never>, "syntax" | "schema" | "legacyArray">({
  meta: {
    id: "tc-json-schema",
    description: "Require ThreatComposer files to be valid JSON that matches the ThreatComposer schema.",
    defaultSeverity: "error",
    schema: { type: "object", properties: {}, additionalProperties: false },
    defaultOptions: {},
    messages: {
      // Both texts are built from the parser's or the validator's finding, value and fix included.
      syntax: "{{message}}",
      schema: "{{message}}",
      legacyArray:
        "File is a bare JSON array, the ThreatComposer format from before schema versions, which is imported without any check; write an object such as `{\"schema\": 1, \"threats\": [...]}` instead.",
    },
  },

  check({ json, report }) {
    if (json.syntaxErrors.length > 0) {
      for (const error of json.syntaxErrors) report({ messageId: "syntax", data: { message: error.message }, range: error.range });
      return;
    }

    if (Array.isArray(json.value)) {
      report({ messageId: "legacyArray", range: json.rangeAt([], "start") });
      return;
    }

    for (const problem of validateThreatComposer(json.value)) {
      report({ messageId: "schema", data: { message: problem.message }, range: json.rangeAt(problem.path, problem.part) });
    }
  },
});
