/**
 * Requires each threat to start with an evidence prefix (`**Found in repo**:`,
 * `**Found in image**:`, `**Found in architecture**:` or `**Found in diagram**:`) in its
 * Threat cell or on a line of its Comments cell, and each existing control's Implementation
 * Evidence to start with one. Repository evidence must name a file path and, by default, a
 * line, since the template requires both.
 */

import { defineRule, listOf } from "../src/rule.js";
import { entityTitle } from "../src/model-util.js";
import type { Cell, Entity } from "../src/types.js";

interface Options {
  /** Require a line reference (`Line 45`, `:45`, `#L45`) in repository evidence. */
  requireLine: boolean;
}

const SOURCES = ["repo", "image", "architecture", "diagram"] as const;
const PREFIXES = listOf(
  SOURCES.map((source) => `\`**Found in ${source}**:\``),
  "or",
);

/** "Found in <word>", after bold is removed; the colon may sit inside or outside the bold. */
const PREFIX = /^\s*found in\s+([\p{L}-]+)\s*:?/iu;
/**
 * A path with a slash, or a file name with an extension: `src/app.ts`, `main.py`. The
 * lookbehinds start each attempt at the start of a word, which keeps the match linear.
 */
const FILE_PATH = /(?<![\w.-])[\w.-]+\/|(?<![\w-])[\w-]+\.[A-Za-z]\w{0,7}\b/;
/** `Line 45`, `lines 3-9`, `L45`, `:45` after a file name, `#L45`. */
const LINE_REFERENCE = /\blines?\s*\d|\bL\d+\b|\.\w+:\d+\b|#L\d+/i;

export default defineRule<Options, "missing" | "unknownSource" | "noPath" | "noLine">({
  meta: {
    id: "threat-evidence-prefix",
    description: "Require an evidence prefix on every threat and every existing control's implementation evidence.",
    defaultSeverity: "error",
    schema: {
      type: "object",
      properties: { requireLine: { type: "boolean" } },
      additionalProperties: false,
    },
    defaultOptions: { requireLine: true },
    messages: {
      missing: "{{kind}} `{{id}}` has no evidence prefix; start its {{where}} with {{prefixes}}.",
      unknownSource: "{{kind}} `{{id}}` cites evidence `Found in {{source}}`; the source is one of `repo`, `image`, `architecture` or `diagram`.",
      noPath: "{{kind}} `{{id}}` cites repository evidence without a file path; name the file, e.g. `src/app.ts Line 45`.",
      noLine: "{{kind}} `{{id}}` cites repository evidence without a line; add the line, e.g. `Line 45` after the file path.",
    },
  },

  check({ model, options, report }) {
    for (const entity of model.entities) {
      if (entity.kind === "threat") checkThreat(entity);
      else if (entity.kind === "control") checkControl(entity);
    }

    function checkThreat(entity: Entity): void {
      const threatCell = cellOf(entity, "threat");
      // A table without a Threat column is table-columns's finding.
      if (!threatCell) return;
      const lines = [threatCell.text.split("\n")[0] ?? "", ...(cellOf(entity, "comments")?.text.split("\n") ?? [])];
      const evidence = lines.find((line) => PREFIX.test(line));
      if (evidence === undefined) {
        report({ messageId: "missing", data: { ...names(entity), where: "Threat or Comments cell", prefixes: PREFIXES }, range: threatCell.range });
        return;
      }
      checkEvidence(entity, evidence, threatCell);
    }

    function checkControl(entity: Entity): void {
      const cell = cellOf(entity, "implementation-evidence");
      if (!cell) return;
      const [first = "", ...rest] = cell.text.split("\n");
      if (!PREFIX.test(first)) {
        report({ messageId: "missing", data: { ...names(entity), where: "Implementation Evidence", prefixes: PREFIXES }, range: cell.range });
      }
      // Each further line that cites evidence is checked as well.
      for (const line of [first, ...rest]) {
        if (PREFIX.test(line)) checkEvidence(entity, line, cell);
      }
    }

    /** Checks the source word and, for repository evidence, the path and line. */
    function checkEvidence(entity: Entity, line: string, cell: Cell): void {
      const match = PREFIX.exec(line);
      const source = (match?.[1] ?? "").toLowerCase();
      if (!(SOURCES as readonly string[]).includes(source)) {
        report({ messageId: "unknownSource", data: { ...names(entity), source: match?.[1] ?? "" }, range: cell.range });
        return;
      }
      if (source !== "repo") return;
      const rest = line.slice(match?.[0].length ?? 0);
      if (!FILE_PATH.test(rest)) {
        report({ messageId: "noPath", data: names(entity), range: cell.range });
      } else if (options.requireLine && !LINE_REFERENCE.test(rest)) {
        report({ messageId: "noLine", data: names(entity), range: cell.range });
      }
    }
  },
});

function names(entity: Entity): { kind: string; id: string } {
  return { kind: entityTitle(entity.kind), id: entity.id };
}

function cellOf(entity: Entity, role: string): Cell | undefined {
  const column = entity.row.table.column(role);
  return column === undefined ? undefined : entity.row.cells[column.index];
}
