/**
 * An example tmlint plugin with one rule, `require-owner`: the Threats table must have an
 * Owner column, and every threat must name its owner there.
 *
 * Enable it in a configuration file:
 *
 *   { "plugins": ["./examples/plugins/require-owner.mjs"], "rules": { "require-owner": "error" } }
 */

import { defineRule } from "tmlint";

const requireOwner = defineRule({
  meta: {
    id: "require-owner",
    description: "Require an Owner column in the Threats table, filled in on every row.",
    docsUrl: "https://github.com/tmlint/tmlint/blob/main/docs/custom-rules.md",
    defaultSeverity: "error",
    schema: {
      type: "object",
      properties: { column: { type: "string", minLength: 1 } },
      additionalProperties: false,
    },
    defaultOptions: { column: "Owner" },
    messages: {
      noColumn: "Threats table has no `{{column}}` column; add one that names who owns each threat.",
      empty: "Threat `{{id}}` has no owner; name a team or a person in its `{{column}}` cell.",
    },
  },

  check({ model, options, report }) {
    const wanted = options.column.trim().toLowerCase();
    for (const table of model.tables) {
      if (table.kind !== "threats") continue;

      const column = table.columns.find((candidate) => candidate.name.trim().toLowerCase() === wanted);
      if (column === undefined) {
        report({ messageId: "noColumn", data: { column: options.column }, range: table.header.range });
        continue;
      }

      for (const row of table.rows) {
        const cell = row.cells[column.index];
        if (cell !== undefined && cell.text.trim() !== "") continue;
        // A row too short to have the cell is reported on the whole row.
        report({
          messageId: "empty",
          data: { id: row.entity?.id ?? `row ${row.index}`, column: column.name },
          range: cell?.range ?? row.range,
        });
      }
    }
  },
});

export default { rules: [requireOwner] };
