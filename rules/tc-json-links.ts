/**
 * Requires every link of a ThreatComposer file to name entities that exist, with an
 * assumption link's `type` matching what its `linkedId` is, and no link given twice.
 * ThreatComposer checks none of this; a link to a missing entity is silently left out of
 * its views and exports.
 */

import { defineJsonRule } from "../src/rule.js";
import { entityWord, isObject, locatedEntities, type EntityArrayKey, type LocatedEntity } from "../src/tcjson/format.js";

/** The entity array each owning link field must point into. */
const TARGETS: Record<string, EntityArrayKey> = { assumptionId: "assumptions", mitigationId: "mitigations" };
const TYPE_ARRAY: Record<string, EntityArrayKey> = { Threat: "threats", Mitigation: "mitigations" };
const ARRAY_TYPE: Partial<Record<EntityArrayKey, string>> = { threats: "Threat", mitigations: "Mitigation" };

/** `an assumption`, `a threat`: the entity words all start with a letter that decides the article. */
function withArticle(word: string): string {
  return /^[aeiou]/.test(word) ? `an ${word}` : `a ${word}`;
}

export default defineJsonRule<Record<string, never>, "dangling" | "wrongKind" | "duplicate">({
  meta: {
    id: "tc-json-links",
    description: "Require ThreatComposer links to point at existing entities of the right kind, each link once.",
    defaultSeverity: "warning",
    schema: { type: "object", properties: {}, additionalProperties: false },
    defaultOptions: {},
    messages: {
      dangling:
        "{{path}}.{{field}}: `{{id}}` matches no {{kind}} in this file, so ThreatComposer ignores the link; fix the ID or remove the link.",
      wrongKind: "{{path}}.linkedId: `{{id}}` is {{actual}}, not {{expected}}; {{fix}}.",
      duplicate: "{{path}}: the same link is already at {{first}}; remove this one.",
    },
  },

  check({ json, report }) {
    const root = json.value;
    if (!isObject(root)) return;
    const byId = new Map<string, LocatedEntity>();
    for (const entity of locatedEntities(root)) {
      if (entity.id !== undefined && !byId.has(entity.id)) byId.set(entity.id, entity);
    }

    for (const array of ["assumptionLinks", "mitigationLinks"] as const) {
      const links = root[array];
      if (!Array.isArray(links)) continue;
      const seen = new Map<string, number>();

      links.forEach((link: unknown, index) => {
        if (!isObject(link)) return;
        const path = `${array}[${index}]`;
        const owner = array === "assumptionLinks" ? "assumptionId" : "mitigationId";
        let expected: EntityArrayKey | undefined = "threats";
        if (array === "assumptionLinks") expected = typeof link.type === "string" ? TYPE_ARRAY[link.type] : undefined;

        const pair = JSON.stringify([link[owner], link.linkedId, link.type]);
        const first = seen.get(pair);
        if (first !== undefined) {
          report({
            messageId: "duplicate",
            data: { path, first: `${array}[${first}]` },
            range: json.rangeAt([array, index], "start"),
            related: [{ message: "First given here.", range: json.rangeAt([array, first], "start") }],
          });
          return;
        }
        seen.set(pair, index);

        // The owning side: the assumption or mitigation the link starts from.
        const ownerId = link[owner];
        const ownerArray = TARGETS[owner] ?? "assumptions";
        if (typeof ownerId === "string" && byId.get(ownerId)?.array !== ownerArray) {
          report({
            messageId: "dangling",
            data: { path, field: owner, id: ownerId, kind: entityWord(ownerArray) },
            range: json.rangeAt([array, index, owner]),
          });
        }

        // The linked side: a threat, or the kind an assumption link's type names.
        const linkedId = link.linkedId;
        if (typeof linkedId !== "string" || expected === undefined) return;
        const target = byId.get(linkedId);
        if (target === undefined) {
          report({
            messageId: "dangling",
            data: { path, field: "linkedId", id: linkedId, kind: entityWord(expected) },
            range: json.rangeAt([array, index, "linkedId"]),
          });
          return;
        }
        if (target.array !== expected) {
          const actualType = ARRAY_TYPE[target.array];
          let fix = "link a threat instead, since ThreatComposer shows mitigation links only on threats";
          if (array === "assumptionLinks") {
            fix = actualType === undefined ? "link a threat or a mitigation instead" : `set \`type\` to \`${actualType}\``;
          }
          report({
            messageId: "wrongKind",
            data: { path, id: linkedId, actual: withArticle(entityWord(target.array)), expected: withArticle(entityWord(expected)), fix },
            range: json.rangeAt([array, index, "linkedId"]),
          });
        }
      });
    }
  },
});
