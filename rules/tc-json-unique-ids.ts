/**
 * Disallows two entities of a ThreatComposer file with the same `id`, and two entities of
 * one kind with the same `numericId`. ThreatComposer checks neither: a shared `id` makes
 * links ambiguous, and a shared number shows two rows as the same `T-0003`.
 */

import { defineJsonRule } from "../src/rule.js";
import { describeEntity, displayId, ENTITY_ARRAYS, entityWord, locatedEntities, type LocatedEntity } from "../src/tcjson/format.js";

export default defineJsonRule<Record<string, never>, "duplicateId" | "duplicateNumber">({
  meta: {
    id: "tc-json-unique-ids",
    description: "Disallow ThreatComposer entities that share an `id`, or a `numericId` within one kind.",
    defaultSeverity: "error",
    schema: { type: "object", properties: {}, additionalProperties: false },
    defaultOptions: {},
    messages: {
      duplicateId: "{{path}}.id: `{{id}}` is already the ID of {{first}}; give this {{kind}} its own ID, such as a new UUID.",
      duplicateNumber:
        "{{path}}.numericId: `{{number}}` is already used by {{first}}, so both show as {{display}}; give this {{kind}} an unused number.",
    },
  },

  check({ json, report }) {
    const byId = new Map<string, LocatedEntity>();
    const byNumber = new Map<string, LocatedEntity>();

    for (const entity of locatedEntities(json.value)) {
      const path = `${entity.array}[${entity.index}]`;
      const related = (first: LocatedEntity, key: string) => [
        { message: "First used here.", range: json.rangeAt([first.array, first.index, key]) },
      ];

      if (entity.id !== undefined) {
        const first = byId.get(entity.id);
        if (first) {
          report({
            messageId: "duplicateId",
            data: { path, id: entity.id, first: describeEntity(first), kind: entityWord(entity.array) },
            range: json.rangeAt([entity.array, entity.index, "id"]),
            related: related(first, "id"),
          });
        } else {
          byId.set(entity.id, entity);
        }
      }

      if (entity.numericId !== undefined) {
        const key = `${entity.array}:${entity.numericId}`;
        const first = byNumber.get(key);
        if (first) {
          const prefix = ENTITY_ARRAYS.find((candidate) => candidate.key === entity.array)?.prefix ?? "?";
          report({
            messageId: "duplicateNumber",
            data: {
              path,
              number: entity.numericId,
              first: describeEntity(first),
              display: displayId(prefix, entity.numericId),
              kind: entityWord(entity.array),
            },
            range: json.rangeAt([entity.array, entity.index, "numericId"]),
            related: related(first, "numericId"),
          });
        } else {
          byNumber.set(key, entity);
        }
      }
    }
  },
});
