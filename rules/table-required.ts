/**
 * Requires each section that is present to hold its table: Assumptions, Threats,
 * Mitigations, Impacted Assets, Existing Controls and Residual Threats their entity tables,
 * and Dataflow its Entities, Data Flows, Trust Boundaries and Possible Threat Sources tables.
 * A missing table is reported at the heading of the section that should hold it.
 */

import { defineRule } from "../src/rule.js";
import { brokenTables, tableTitle } from "../src/model-util.js";
import { SECTION_TABLE_KIND, SECTION_TITLES, TEMPLATE_COLUMNS } from "../src/parse/vocabulary.js";
import type { SectionKind, TableKind } from "../src/types.js";

interface Options {
  tables: TableKind[];
}

const ALL_TABLES: TableKind[] = [
  "entities",
  "data-flows",
  "trust-boundaries",
  "threat-sources",
  "assumptions",
  "threats",
  "mitigations",
  "impacted-assets",
  "existing-controls",
  "residual-threats",
];

/** The section that holds each table kind. */
function holdingSection(kind: TableKind): SectionKind {
  for (const [section, table] of Object.entries(SECTION_TABLE_KIND)) {
    if (table === kind) return section as SectionKind;
  }
  return "dataflow";
}

export default defineRule<Options, "missing">({
  meta: {
    id: "table-required",
    description: "Require each section to hold its table.",
    defaultSeverity: "error",
    schema: {
      type: "object",
      properties: { tables: { type: "array", items: { enum: ALL_TABLES }, uniqueItems: true } },
      additionalProperties: false,
    },
    defaultOptions: { tables: ALL_TABLES },
    messages: {
      missing: "Section `{{section}}` has no {{table}} table; add a table with the columns {{columns}}.",
    },
  },

  check({ model, options, report }) {
    const broken = brokenTables(model);

    for (const kind of options.tables) {
      const sectionKind = holdingSection(kind);
      const section = model.section(sectionKind);
      // A missing section is section-required's finding, not this rule's. So is a section
      // found only as a sub-heading: its title may name a topic, not the template's table.
      if (!section || section.heading.depth > 2) continue;
      if (section.tables.some((table) => table.kind === kind)) continue;

      // A table whose delimiter row does not match its header renders as text;
      // table-row-shape reports that, so this rule does not add "no table" on top.
      const end = section.range.end.offset;
      const start = section.heading.range.start.offset;
      if (broken.some((item) => item.range.start.offset >= start && item.range.start.offset <= end)) continue;

      report({
        messageId: "missing",
        data: { section: SECTION_TITLES[sectionKind], table: tableTitle(kind), columns: columnList(kind) },
        range: section.heading.range,
      });
    }
  },
});

function columnList(kind: TableKind): string {
  return "`" + TEMPLATE_COLUMNS[kind].map((column) => column.name).join(" | ") + "`";
}
