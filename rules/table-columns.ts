/**
 * Requires each recognised table to have its template columns, in template order. Known
 * aliases count as the column ("#", "ID", "Number"; "Threats Mitigated").
 */

import { defineRule } from "../src/rule.js";
import { tableTitle } from "../src/model-util.js";
import { TEMPLATE_COLUMNS } from "../src/parse/vocabulary.js";

interface Options {
  /** Columns that may be absent, as `table.role`, e.g. `threats.status`. */
  optional: string[];
  /** Allow columns the template does not name. */
  allowExtra: boolean;
}

export default defineRule<Options, "missing" | "order" | "extra">({
  meta: {
    id: "table-columns",
    description: "Require the template's columns in each table, in template order.",
    defaultSeverity: "error",
    schema: {
      type: "object",
      properties: {
        optional: { type: "array", items: { type: "string", pattern: "^[a-z-]+\\.[a-z-]+$" }, uniqueItems: true },
        allowExtra: { type: "boolean" },
      },
      additionalProperties: false,
    },
    defaultOptions: { optional: [], allowExtra: true },
    messages: {
      missing: "{{table}} table has no `{{column}}` column; expected the columns `{{expected}}`.",
      order: "Column `{{column}}` comes after `{{previous}}`; expected the order `{{expected}}`.",
      extra: "Column `{{column}}` is not a column of the {{table}} table; expected the columns `{{expected}}`.",
    },
  },

  check({ model, options, report }) {
    const optional = new Set(options.optional);

    for (const table of model.tables) {
      if (table.kind === undefined) continue;
      const kind = table.kind;
      const specs = TEMPLATE_COLUMNS[kind].filter((spec) => !optional.has(`${kind}.${spec.role}`));
      const expected = TEMPLATE_COLUMNS[kind].map((spec) => spec.name).join(" | ");
      const headerRange = table.header.range;

      // 1. Missing columns.
      for (const spec of specs) {
        if (table.column(spec.role)) continue;
        report({
          messageId: "missing",
          data: { table: tableTitle(kind), column: spec.name, expected },
          range: headerRange,
        });
      }

      // 2. Order: the template positions of the columns present must increase.
      const rank = new Map(TEMPLATE_COLUMNS[kind].map((spec, index) => [spec.role, index]));
      let previous: { name: string; rank: number } | undefined;
      for (const column of table.columns) {
        const position = column.role === undefined ? undefined : rank.get(column.role);
        if (position === undefined) continue;
        if (previous && position < previous.rank) {
          report({
            messageId: "order",
            data: { column: column.name, previous: previous.name, expected },
            range: column.range,
          });
          break;
        }
        previous = { name: column.name, rank: position };
      }

      // 3. Columns the template does not name.
      if (options.allowExtra) continue;
      for (const column of table.columns) {
        if (column.role !== undefined) continue;
        report({
          messageId: "extra",
          data: { column: column.name, table: tableTitle(kind), expected },
          range: column.range,
        });
      }
    }
  },
});
