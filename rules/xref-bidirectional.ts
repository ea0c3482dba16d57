/**
 * Requires links between threats, mitigations and assumptions to be returned: a threat that
 * lists a mitigation is listed by that mitigation, and likewise threat–assumption and
 * mitigation–assumption. Each one-way link is reported where it is written.
 */

import { defineRule } from "../src/rule.js";
import { columnName } from "../src/model-util.js";
import type { CrossReference, EntityKind } from "../src/types.js";

/** A column of one entity kind that must be mirrored by a column of another. */
interface Pairing {
  from: EntityKind;
  fromRole: string;
  to: EntityKind;
  toRole: string;
}

const PAIRS: Pairing[] = [
  { from: "threat", fromRole: "mitigations", to: "mitigation", toRole: "threats-mitigating" },
  { from: "threat", fromRole: "assumptions", to: "assumption", toRole: "linked-threats" },
  { from: "mitigation", fromRole: "assumptions", to: "assumption", toRole: "linked-mitigations" },
];

const MIRRORED: Pairing[] = [
  ...PAIRS,
  ...PAIRS.map((pair) => ({ from: pair.to, fromRole: pair.toRole, to: pair.from, toRole: pair.fromRole })),
];

export default defineRule<Record<string, never>, "oneWay">({
  meta: {
    id: "xref-bidirectional",
    description: "Require links between threats, mitigations and assumptions to be listed on both rows.",
    defaultSeverity: "error",
    schema: { type: "object", properties: {}, additionalProperties: false },
    defaultOptions: {},
    messages: {
      oneWay:
        "`{{source}}` links `{{target}}` in `{{column}}`, but `{{target}}` does not link `{{source}}` back in `{{backColumn}}`; add the link there or remove this one.",
    },
  },

  check({ model, report }) {
    // 1. Collect, per entity and column role, the IDs it links.
    const linked = new Map<string, Set<string>>();
    for (const reference of model.crossReferences) {
      const role = reference.column?.role;
      if (!reference.source || role === undefined) continue;
      const key = `${reference.source.id}\u0000${role}`;
      let targets = linked.get(key);
      if (!targets) linked.set(key, (targets = new Set()));
      targets.add(reference.targetId);
    }

    // 2. Check each link against the target's mirrored column.
    for (const reference of model.crossReferences) {
      const pairing = pairingOf(reference);
      if (!pairing || !reference.source) continue;
      const target = model.entityById.get(reference.targetId);
      // A link to a missing entity is xref-target-exists's finding.
      if (!target || target.kind !== pairing.to) continue;
      // An export without the mirrored column (a threats-only export) has nothing to compare.
      if (!target.row.table.column(pairing.toRole)) continue;
      if (linked.get(`${target.id}\u0000${pairing.toRole}`)?.has(reference.source.id)) continue;

      report({
        messageId: "oneWay",
        data: {
          source: reference.source.id,
          target: target.id,
          column: reference.column?.name ?? pairing.fromRole,
          backColumn: columnName(target.row.table, pairing.toRole),
        },
        range: reference.link.range,
      });
    }
  },
});

function pairingOf(reference: CrossReference): Pairing | undefined {
  const kind = reference.source?.kind;
  const role = reference.column?.role;
  return MIRRORED.find((pair) => pair.from === kind && pair.fromRole === role && pair.to === reference.targetKind);
}
