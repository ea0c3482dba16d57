/**
 * Requires every enumerated column to hold one of its allowed values: Priority, Status,
 * STRIDE, Control Type, Effectiveness, Implementation Effort and Expected Risk Reduction.
 * A value that differs from an allowed one only in case, spacing or hyphens gets a message
 * naming the right value, and a fix when the cell is plain text.
 */

import { defineRule, listOf } from "../src/rule.js";
import { columnName } from "../src/model-util.js";
import type { Cell, Fix, Row, TableKind } from "../src/types.js";

interface Options {
  /** The allowed Status values of threats and mitigations. */
  statuses: string[];
  /** Accept empty cells in enumerated columns. */
  allowEmpty: boolean;
}

type MessageIds = "wrongForm" | "notAllowed" | "empty" | "riskForm" | "notReduction";

/** A problem with one value, before it is placed in a message. */
interface Problem {
  messageId: Exclude<MessageIds, "empty">;
  /** The right spelling, for `wrongForm`. */
  expected?: string;
  /** The allowed values, for `notAllowed`. */
  allowed?: string;
}

const LEVELS = ["Critical", "High", "Medium", "Low"];
const EFFORTS = ["Low", "Medium", "High"];
const CONTROL_TYPES = ["Preventive", "Detective", "Corrective"];
const EFFECTIVENESS = ["Effective", "Partial", "Ineffective"];
const STRIDE_LETTERS = ["S", "T", "R", "I", "D", "E"];
const STRIDE_NAMES = ["Spoofing", "Tampering", "Repudiation", "Information Disclosure", "Denial of Service", "Elevation of Privilege"];

/** A duration in brackets: `(1 week)`, `(2-3 weeks)`, `(< 1 week)`, `(about 4 days)`. */
const DURATION = /^\(\s*(?:[<>≤≥~]|about|up to|under|over)?\s*\d+(?:\.\d+)?(?:\s*[-–]\s*\d+(?:\.\d+)?)?\s*(?:hours?|days?|weeks?|months?|sprints?)\s*\)$/i;

export default defineRule<Options, MessageIds>({
  meta: {
    id: "cell-values",
    description: "Require enumerated columns such as Priority, Status and STRIDE to hold one of their allowed values.",
    defaultSeverity: "error",
    fixable: true,
    schema: {
      type: "object",
      properties: {
        statuses: { type: "array", items: { type: "string", minLength: 1 }, minItems: 1, uniqueItems: true },
        allowEmpty: { type: "boolean" },
      },
      additionalProperties: false,
    },
    defaultOptions: { statuses: ["Identified"], allowEmpty: false },
    messages: {
      wrongForm: "{{column}} value `{{value}}` differs from the allowed `{{expected}}` in case, spacing or separators; write `{{expected}}`.",
      notAllowed: "{{column}} value `{{value}}` is not allowed; write {{allowed}}.",
      empty: "{{column}} of `{{id}}` is empty; write {{allowed}}.",
      riskForm: "{{column}} value `{{value}}` does not start with `<current level> to <expected level>`; write it as, e.g., `High to Low`.",
      notReduction: "{{column}} value `{{value}}` raises the risk; the expected level must be at or below the current one.",
    },
  },

  check({ model, options, report }) {
    const columns: { tables: TableKind[]; role: string; allowed: string; check: (value: string) => Problem | undefined }[] = [
      { tables: ["threats", "residual-threats"], role: "priority", allowed: oneOf(LEVELS), check: (value) => checkEnum(value, LEVELS) },
      { tables: ["threats", "mitigations"], role: "status", allowed: oneOf(options.statuses), check: (value) => checkEnum(value, options.statuses) },
      { tables: ["threats"], role: "stride", allowed: STRIDE_ALLOWED, check: checkStride },
      { tables: ["existing-controls"], role: "control-type", allowed: oneOf(CONTROL_TYPES), check: (value) => checkEnum(value, CONTROL_TYPES) },
      { tables: ["existing-controls"], role: "effectiveness", allowed: EFFECTIVENESS_ALLOWED, check: checkEffectiveness },
      { tables: ["residual-threats"], role: "implementation-effort", allowed: EFFORT_ALLOWED, check: checkEffort },
      { tables: ["residual-threats"], role: "expected-risk-reduction", allowed: "`<current level> to <expected level>`, e.g. `High to Low`", check: checkRiskReduction },
    ];

    for (const table of model.tables) {
      for (const spec of columns) {
        if (table.kind === undefined || !spec.tables.includes(table.kind)) continue;
        const column = table.column(spec.role);
        if (!column) continue;
        const name = columnName(table, spec.role);
        for (const row of table.rows) {
          const cell = row.cells[column.index];
          if (!cell) continue;
          const value = cell.text.replace(/\s+/g, " ").trim();
          if (value === "") {
            if (!options.allowEmpty) report({ messageId: "empty", data: { column: name, id: rowId(row), allowed: spec.allowed }, range: cell.range });
            continue;
          }
          const problem = spec.check(value);
          if (!problem) continue;
          const data = { column: name, value, expected: problem.expected ?? "", allowed: problem.allowed ?? "" };
          const fix = problem.expected === undefined ? undefined : plainTextFix(model.text, cell, problem.expected);
          report({ messageId: problem.messageId, data, range: cell.range, ...(fix ? { fix } : {}) });
        }
      }
    }
  },
});

/** "`High`, `Medium` or `Low`" */
function oneOf(values: readonly string[]): string {
  return listOf(
    values.map((value) => `\`${value}\``),
    "or",
  );
}

const STRIDE_ALLOWED = "STRIDE letters (S, T, R, I, D, E) or category names, separated by `, `";
const EFFECTIVENESS_ALLOWED = `${oneOf(EFFECTIVENESS)}, optionally followed by a note in brackets`;
const EFFORT_ALLOWED = `${oneOf(EFFORTS)}, optionally followed by a duration in brackets such as \`(1-2 weeks)\``;

/** Compares ignoring case, spaces and hyphens: `in progress` matches `In-progress`. */
function key(value: string): string {
  return value.toLowerCase().replace(/[\s_-]+/g, "");
}

function checkEnum(value: string, allowed: readonly string[]): Problem | undefined {
  if (allowed.includes(value)) return undefined;
  const match = allowed.find((candidate) => key(candidate) === key(value));
  return match !== undefined ? { messageId: "wrongForm", expected: match } : { messageId: "notAllowed", allowed: oneOf(allowed) };
}

/** Splits `Partial (covers 80% of routes)` into the level and its bracketed note. */
function splitNote(value: string): { head: string; note: string | undefined } {
  const open = value.indexOf("(");
  if (open === -1) return { head: value, note: undefined };
  return { head: value.slice(0, open).trim(), note: value.slice(open).trim() };
}

function checkEffectiveness(value: string): Problem | undefined {
  const { head, note } = splitNote(value);
  const problem = checkEnum(head, EFFECTIVENESS);
  if (problem?.expected !== undefined) return { messageId: "wrongForm", expected: note === undefined ? problem.expected : `${problem.expected} ${note}` };
  return problem === undefined ? undefined : { messageId: "notAllowed", allowed: EFFECTIVENESS_ALLOWED };
}

function checkEffort(value: string): Problem | undefined {
  const { head, note } = splitNote(value);
  if (note !== undefined && !DURATION.test(note)) return { messageId: "notAllowed", allowed: EFFORT_ALLOWED };
  const problem = checkEnum(head, EFFORTS);
  if (problem?.expected !== undefined) return { messageId: "wrongForm", expected: note === undefined ? problem.expected : `${problem.expected} ${note}` };
  return problem === undefined ? undefined : { messageId: "notAllowed", allowed: EFFORT_ALLOWED };
}

/** Checks that each comma-separated item is a STRIDE letter or name, and suggests `, ` for other separators. */
function checkStride(value: string): Problem | undefined {
  const canonical: string[] = [];
  for (const item of value.split(",")) {
    const trimmed = item.trim();
    const single = strideCategory(trimmed);
    if (single !== undefined) {
      canonical.push(single);
      continue;
    }
    // "T/E" or "S T": letters run together with another separator.
    const parts = trimmed.split(/[\s/;|&+]+/).filter((part) => part !== "");
    const categories = parts.map(strideCategory);
    if (parts.length < 2 || categories.some((category) => category === undefined)) return { messageId: "notAllowed", allowed: STRIDE_ALLOWED };
    canonical.push(...(categories as string[]));
  }
  const expected = canonical.join(", ");
  return expected === value ? undefined : { messageId: "wrongForm", expected };
}

/** Returns the canonical letter or name for a STRIDE item in any case, or undefined. */
function strideCategory(item: string): string | undefined {
  return [...STRIDE_LETTERS, ...STRIDE_NAMES].find((category) => key(category) === key(item));
}

/** `High to Low`, optionally followed by a comment; the expected level may not exceed the current one. */
function checkRiskReduction(value: string): Problem | undefined {
  const match = /^(\S+)\s+to\s+(\S+?)(?=$|[\s,.;:(-])/i.exec(value);
  const from = LEVELS.findIndex((level) => level.toLowerCase() === match?.[1]?.toLowerCase());
  const to = LEVELS.findIndex((level) => level.toLowerCase() === match?.[2]?.toLowerCase());
  if (!match || from === -1 || to === -1) return { messageId: "riskForm" };
  const form = `${LEVELS[from]} to ${LEVELS[to]}`;
  if (match[0] !== form) return { messageId: "wrongForm", expected: form + value.slice(match[0].length) };
  // LEVELS runs from Critical down to Low, so a reduction moves to a larger index.
  return to < from ? { messageId: "notReduction" } : undefined;
}

function rowId(row: Row): string {
  return row.entity?.id ?? `row ${row.index}`;
}

/** Returns a fix that replaces the cell's text, when the cell is a single plain text node. */
function plainTextFix(source: string, cell: Cell, text: string): Fix | undefined {
  const [only, ...rest] = cell.node.children;
  if (!only || rest.length > 0 || only.type !== "text") return undefined;
  const start = only.position?.start.offset;
  const end = only.position?.end.offset;
  if (start === undefined || end === undefined || source.slice(start, end) !== only.value) return undefined;
  return { range: { start, end }, text };
}
