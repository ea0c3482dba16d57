/**
 * Disallows defining an ID twice. The second definition points at the first.
 */

import { defineRule } from "../src/rule.js";
import { entityTitle } from "../src/model-util.js";
import type { Entity } from "../src/types.js";

export default defineRule<Record<string, never>, "duplicate">({
  meta: {
    id: "id-unique",
    description: "Disallow IDs that are defined more than once.",
    defaultSeverity: "error",
    schema: { type: "object", properties: {}, additionalProperties: false },
    defaultOptions: {},
    messages: {
      duplicate: "{{kind}} ID `{{id}}` is already defined at line {{line}}; give this row its own ID.",
    },
  },

  check({ model, report }) {
    const first = new Map<string, Entity>();
    for (const entity of model.entities) {
      const key = `${entity.kind}:${entity.id}`;
      const earlier = first.get(key);
      if (!earlier) {
        first.set(key, entity);
        continue;
      }
      report({
        messageId: "duplicate",
        data: { kind: entityTitle(entity.kind), id: entity.id, line: earlier.range.start.line },
        range: entity.idCell.range,
        related: [{ message: `First defined here.`, range: earlier.idCell.range }],
      });
    }
  },
});
