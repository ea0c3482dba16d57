/**
 * Requires every threat to have a mitigation, every mitigation to address a threat, and
 * every impacted asset to be related to a threat. A link in either row counts: a threat is
 * mitigated when its row links a mitigation or a mitigation's row links the threat. Whether
 * each link is returned on the other row is xref-bidirectional's check. IDs written as plain
 * text in the link columns (`M-001, M-002`) count too, since xref-format is the rule that requires links.
 */

import { defineRule } from "../src/rule.js";
import { columnName, entitiesOf, tablesOf } from "../src/model-util.js";
import { TEMPLATE_COLUMNS, kindOfId } from "../src/parse/vocabulary.js";
import type { EntityKind, Row, TableKind, ThreatModel } from "../src/types.js";

/** A prefixed ID in running text: `T-0001`, `AS-12`. Upper case only, so words such as `e-1` do not match. */
const ID_TOKEN = /\b[A-Z]{1,2}-\d{1,9}\b/g;

type Check = "threats" | "mitigations" | "assets";

interface Options {
  check: Check[];
}

interface Pairing {
  kind: EntityKind;
  /** The kinds it must be linked with, at least one of them. */
  partners: EntityKind[];
  /** The column of the entity's own row that contains the links. */
  role: string;
  partnerTable: TableKind;
  /** The column of the partner's rows that links back, if the template has one. */
  partnerRole: string | undefined;
  messageId: "noMitigation" | "noThreat" | "noRelatedThreat";
}

const PAIRINGS: Record<Check, Pairing> = {
  threats: {
    kind: "threat",
    partners: ["mitigation"],
    role: "mitigations",
    partnerTable: "mitigations",
    partnerRole: "threats-mitigating",
    messageId: "noMitigation",
  },
  mitigations: {
    kind: "mitigation",
    // A mitigation recommended for a residual threat addresses that threat.
    partners: ["threat", "residual-threat"],
    role: "threats-mitigating",
    partnerTable: "threats",
    partnerRole: "mitigations",
    messageId: "noThreat",
  },
  assets: {
    kind: "asset",
    partners: ["threat"],
    role: "related-threats",
    partnerTable: "threats",
    partnerRole: undefined,
    messageId: "noRelatedThreat",
  },
};

export default defineRule<Options, Pairing["messageId"]>({
  meta: {
    id: "no-orphan-entities",
    description: "Require every threat to have a mitigation, every mitigation a threat and every asset a related threat.",
    defaultSeverity: "error",
    schema: {
      type: "object",
      properties: { check: { type: "array", items: { enum: ["threats", "mitigations", "assets"] }, uniqueItems: true } },
      additionalProperties: false,
    },
    defaultOptions: { check: ["threats", "mitigations", "assets"] },
    messages: {
      noMitigation: "Threat `{{id}}` has no mitigation; link one in `{{column}}`, or list the threat in a mitigation's `{{backColumn}}`.",
      noThreat: "Mitigation `{{id}}` addresses no threat; link the threats in `{{column}}`, or list it in a threat's `{{backColumn}}`.",
      noRelatedThreat: "Asset `{{id}}` has no related threat; link the threats that affect it in `{{column}}`.",
    },
  },

  check({ model, options, report }) {
    // 1. The IDs each ID is linked with, in either direction.
    const linked = new Map<string, Set<string>>();
    const link = (from: string, to: string): void => {
      let targets = linked.get(from);
      if (!targets) linked.set(from, (targets = new Set()));
      targets.add(to);
    };
    for (const reference of model.crossReferences) {
      if (!reference.source) continue;
      link(reference.source.id, reference.targetId);
      link(reference.targetId, reference.source.id);
    }
    for (const pairing of Object.values(PAIRINGS)) {
      for (const [kind, role] of [[pairing.kind, pairing.role], [pairing.partners[0], pairing.partnerRole]] as const) {
        if (kind === undefined || role === undefined) continue;
        for (const entity of entitiesOf(model, kind)) {
          for (const id of plainIds(entity.row, role)) {
            link(entity.id, id);
            link(id, entity.id);
          }
        }
      }
    }

    // 2. Each entity against its partner kind. A link to a partner ID that has no row still
    //    counts, since xref-target-exists reports the missing row.
    for (const check of options.check) {
      const pairing = PAIRINGS[check];
      const entities = entitiesOf(model, pairing.kind);
      const table = entities[0]?.row.table;
      if (!table || !canLink(model, pairing, table.column(pairing.role) !== undefined)) continue;

      const data = { column: columnName(table, pairing.role), backColumn: backColumnName(model, pairing) };
      for (const entity of entities) {
        const others = linked.get(entity.id) ?? new Set<string>();
        if ([...others].some((other) => pairing.partners.includes(kindOfId(other) ?? "dataflow-entity"))) continue;
        report({ messageId: pairing.messageId, data: { ...data, id: entity.id }, range: entity.idCell.range });
      }
    }
  },
});

/** IDs such as `M-001` written as plain text in the row's cell for `role`. */
function plainIds(row: Row, role: string): string[] {
  const column = row.table.column(role);
  const text = column === undefined ? "" : (row.cells[column.index]?.text ?? "");
  return [...text.matchAll(ID_TOKEN)].map((match) => match[0]);
}

/** Returns the name of the partner table's column that links back, as written there or as the template names it. */
function backColumnName(model: ThreatModel, pairing: Pairing): string {
  const role = pairing.partnerRole;
  if (role === undefined) return "";
  const table = tablesOf(model, pairing.partnerTable)[0];
  if (table) return columnName(table, role);
  return TEMPLATE_COLUMNS[pairing.partnerTable].find((column) => column.role === role)?.name ?? role;
}

/**
 * Tells whether the document can record the link at all. A threats-only export has no
 * Mitigations column and no Mitigations table, so its threats are not orphans.
 */
function canLink(model: ThreatModel, pairing: Pairing, hasOwnColumn: boolean): boolean {
  if (hasOwnColumn) return true;
  const backRole = pairing.partnerRole;
  if (backRole === undefined) return false;
  return tablesOf(model, pairing.partnerTable).some((table) => table.column(backRole) !== undefined);
}
