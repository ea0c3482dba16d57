/**
 * Requires IDs to carry their table's prefix and a zero-padded number: `T-0001` for
 * assumptions, threats, mitigations, assets, existing controls and residual threats, and
 * the template's unpadded `DF1` and `TB1` for data flows and trust boundaries.
 */

import { defineRule } from "../src/rule.js";
import { entityTitle } from "../src/model-util.js";
import { ID_PREFIX } from "../src/parse/vocabulary.js";

interface Options {
  /** Digits in A-, T-, M-, AS-, EC- and RT- IDs. */
  digits: number;
}

export default defineRule<Options, "malformed" | "wrongPrefix" | "tooManyDigits">({
  meta: {
    id: "id-format",
    description: "Require IDs with their table's prefix and a four-digit zero-padded number.",
    defaultSeverity: "error",
    schema: {
      type: "object",
      properties: { digits: { type: "integer", minimum: 1, maximum: 9 } },
      additionalProperties: false,
    },
    defaultOptions: { digits: 4 },
    messages: {
      malformed: "{{kind}} ID `{{id}}` does not match `{{pattern}}`; write it as `{{suggestion}}`.",
      wrongPrefix: "{{kind}} ID `{{id}}` does not carry the `{{prefix}}` prefix of its table; write it as `{{suggestion}}`.",
      tooManyDigits: "{{kind}} ID `{{id}}` has more digits than `{{pattern}}` allows; renumber it or raise the `digits` option.",
    },
  },

  check({ model, options, report }) {
    for (const entity of model.entities) {
      const prefix = ID_PREFIX[entity.kind];
      if (prefix === undefined) continue;
      const padded = prefix !== "DF" && prefix !== "TB";
      const pattern = padded ? `${prefix}-${"N".repeat(options.digits)}` : `${prefix}N`;
      const valid = padded ? new RegExp(`^${prefix}-\\d{${options.digits}}$`) : new RegExp(`^${prefix}[1-9]\\d*$`);
      if (valid.test(entity.id)) continue;

      // Suggest the same number in the right form, when the ID has one.
      const digits = /(\d+)(?!.*\d)/.exec(entity.id)?.[1];
      const number = digits === undefined ? 1 : Number.parseInt(digits, 10);
      const suggestion = padded ? `${prefix}-${String(number).padStart(options.digits, "0")}` : `${prefix}${number}`;
      const written = /^([A-Za-z]+)/.exec(entity.id)?.[1]?.toUpperCase();
      const data = { kind: entityTitle(entity.kind), id: entity.id, pattern, prefix: padded ? `${prefix}-` : prefix, suggestion };
      // A number too large for the pattern has no padded form to suggest.
      if (written === prefix && padded && String(number).length > options.digits) {
        report({ messageId: "tooManyDigits", data, range: entity.idCell.range });
        continue;
      }
      report({
        messageId: written !== undefined && written !== prefix ? "wrongPrefix" : "malformed",
        data,
        range: entity.idCell.range,
      });
    }
  },
});
