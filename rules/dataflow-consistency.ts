/**
 * Requires the Dataflow tables and diagram to agree. Every DF and TB ID of the Data Flows
 * and Trust Boundaries tables is labelled in the ASCII dataflow diagram, and every DF and
 * TB label in the diagram has a row. Each flow's and boundary's source and target are
 * named in the Entities table.
 */

import { defineRule } from "../src/rule.js";
import { entitiesOf, entityTitle, tablesOf } from "../src/model-util.js";
import { diagramForm } from "../src/structure-util.js";
import type { Entity, Range, ThreatModel } from "../src/types.js";

/** `DF1`, `TB12` as labels in a diagram: `DF1:`, `[TB5]`, `──DF10──►`, `DF5/DF8`. */
const LABEL = /\b(?:DF|TB)\d{1,4}\b/g;

interface Label {
  id: string;
  range: Range;
}

type MessageIds = "notInDiagram" | "undefinedLabel" | "unknownEntity" | "unknownEntitySuggestion" | "noEntity";

export default defineRule<Record<string, never>, MessageIds>({
  meta: {
    id: "dataflow-consistency",
    description: "Require the Dataflow diagram, flows, trust boundaries and entities to agree.",
    defaultSeverity: "error",
    schema: { type: "object", properties: {}, additionalProperties: false },
    defaultOptions: {},
    messages: {
      notInDiagram: "{{kind}} `{{id}}` is not labelled in the dataflow diagram; add `{{id}}` where the diagram shows it.",
      undefinedLabel: "Diagram label `{{id}}` has no row in the {{table}} table; add the row or fix the label.",
      unknownEntity:
        "{{kind}} `{{id}}` has the {{role}} `{{name}}`, which is not in the Entities table; use an entity name from that table or add the entity.",
      unknownEntitySuggestion:
        "{{kind}} `{{id}}` has the {{role}} `{{name}}`, which is not in the Entities table; write `{{suggestion}}` or add the entity.",
      noEntity: "{{kind}} `{{id}}` has no {{role}}; name an entity from the Entities table.",
    },
  },

  check({ model, report }) {
    const rows = [...entitiesOf(model, "data-flow"), ...entitiesOf(model, "trust-boundary")];

    // 1. Labels in the ASCII diagrams of the Dataflow section against the table rows.
    const labels = diagramLabels(model);
    if (labels !== undefined) {
      const labelled = new Set(labels.map((label) => label.id));
      for (const entity of rows) {
        if (labelled.has(entity.id.toUpperCase())) continue;
        report({ messageId: "notInDiagram", data: { kind: entityTitle(entity.kind), id: entity.id }, range: entity.idCell.range });
      }

      const defined = new Set(rows.map((entity) => entity.id.toUpperCase()));
      const hasFlows = tablesOf(model, "data-flows").length > 0;
      const hasBoundaries = tablesOf(model, "trust-boundaries").length > 0;
      const reported = new Set<string>();
      for (const label of labels) {
        if (defined.has(label.id) || reported.has(label.id)) continue;
        const isFlow = label.id.startsWith("DF");
        // Without the table there is nothing to compare; table-required reports the table.
        if (isFlow ? !hasFlows : !hasBoundaries) continue;
        reported.add(label.id);
        report({
          messageId: "undefinedLabel",
          data: { id: label.id, table: isFlow ? "Data Flows" : "Trust Boundaries" },
          range: label.range,
        });
      }
    }

    // 2. Sources and targets against the Entities table.
    const names = new Map<string, string>();
    for (const entity of entitiesOf(model, "dataflow-entity")) names.set(normaliseName(entity.id), entity.id);
    if (names.size === 0) return;
    for (const entity of rows) {
      for (const role of ["source", "target"] as const) checkEndpoint(entity, role, names, report);
    }
  },
});

type Report = (descriptor: { messageId: MessageIds; data: Record<string, string>; range: Range }) => void;

/** Checks one source or target cell; several entities in one cell are split at `,`, `;` and line breaks. */
function checkEndpoint(entity: Entity, role: "source" | "target", names: Map<string, string>, report: Report): void {
  const column = entity.row.table.column(role);
  const cell = column === undefined ? undefined : entity.row.cells[column.index];
  // A table without the column is table-columns' finding.
  if (!cell) return;
  const data = { kind: entityTitle(entity.kind), id: entity.id, role };

  const parts = cell.text.split(/[,;\n]/).map((part) => part.trim()).filter((part) => part !== "");
  if (parts.length === 0) {
    report({ messageId: "noEntity", data, range: cell.range });
    return;
  }
  for (const name of parts) {
    const key = normaliseName(name);
    if (names.has(key)) continue;
    const suggestion = suggestName(key, names);
    report(
      suggestion === undefined
        ? { messageId: "unknownEntity", data: { ...data, name }, range: cell.range }
        : { messageId: "unknownEntitySuggestion", data: { ...data, name, suggestion }, range: cell.range },
    );
  }
}

/**
 * Collects the DF and TB labels of the Dataflow section's ASCII diagrams, with positions
 * from the source. Returns undefined when the section has no ASCII diagram, since an image
 * cannot be read.
 */
function diagramLabels(model: ThreatModel): Label[] | undefined {
  const diagrams = model.section("dataflow")?.diagrams.filter((diagram) => diagramForm(diagram) === "ascii") ?? [];
  if (diagrams.length === 0) return undefined;

  const labels: Label[] = [];
  for (const diagram of diagrams) {
    // Search the source between the fences, so that match offsets are file offsets.
    const source = model.text.slice(diagram.range.start.offset, diagram.range.end.offset);
    const bodyStart = source.search(/\r\n|\r|\n/);
    if (bodyStart === -1) continue;
    const base = diagram.range.start.offset + bodyStart;
    for (const match of source.slice(bodyStart).matchAll(LABEL)) {
      const start = base + match.index;
      labels.push({ id: match[0], range: model.rangeOf(start, start + match[0].length) });
    }
  }
  return labels;
}

/** Compares entity names without case, spacing, quotes or a trailing colon or period. */
function normaliseName(name: string): string {
  const text = name.toLowerCase().replace(/\s+/g, " ");
  // Trimmed with index loops: an end-anchored character class would backtrack quadratically.
  let start = 0;
  let end = text.length;
  while (start < end && LEADING_NOISE.includes(text.charAt(start))) start++;
  while (end > start && TRAILING_NOISE.includes(text.charAt(end - 1))) end--;
  return text.slice(start, end);
}

const LEADING_NOISE = "\"'`*_ ";
const TRAILING_NOISE = "\"'`*_ .:";

/**
 * Finds the one entity whose name is a spelling variant of the written name. A variant has the
 * same letters and digits apart from case, spacing and punctuation (`web-app` for `Web App`),
 * or the same words but one, which is a single typo away (`API Gatway`, `Users`). Returns
 * undefined when no entity or more than one entity fits. A name with extra or missing words
 * gets no suggestion, since those words may be what distinguishes it (`User Session A` is not
 * `User`).
 */
function suggestName(key: string, names: Map<string, string>): string | undefined {
  const compact = compactName(key);
  const words = key.split(" ");
  const matches = new Set<string>();
  for (const [candidate, written] of names) {
    if (compactName(candidate) === compact || isOneWordTypo(words, candidate.split(" "))) matches.add(written);
  }
  return matches.size === 1 ? [...matches][0] : undefined;
}

/** Drops everything but letters and digits, so that `web-app`, `web_app` and `WebApp` compare equal. */
function compactName(name: string): string {
  return name.replace(/[^\p{L}\p{N}]+/gu, "");
}

/** The minimum length of a word in which one typo is taken as a slip, not another name (`Node A`, `Node B`). */
const MIN_TYPO_WORD_LENGTH = 4;

/**
 * Tells whether two names have the same words but one, and that one differs by a single edit.
 * Words with digits never count as typos, because `DB1` and `DB2` name different stores.
 */
function isOneWordTypo(written: readonly string[], candidate: readonly string[]): boolean {
  if (written.length !== candidate.length) return false;
  let differing = -1;
  for (let index = 0; index < written.length; index++) {
    if (written[index] === candidate[index]) continue;
    if (differing !== -1) return false;
    differing = index;
  }
  if (differing === -1) return false;

  const a = written[differing] ?? "";
  const b = candidate[differing] ?? "";
  if (Math.min(a.length, b.length) < MIN_TYPO_WORD_LENGTH || /\d/.test(a + b)) return false;
  return isOneEditApart(a, b);
}

/**
 * Tells whether two different strings are one insertion, deletion, substitution or swap of
 * neighbouring characters apart. It compares the parts after the common prefix, in linear time.
 */
function isOneEditApart(a: string, b: string): boolean {
  if (a === b || Math.abs(a.length - b.length) > 1) return false;
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && a.charAt(prefix) === b.charAt(prefix)) prefix++;
  const restA = a.slice(prefix);
  const restB = b.slice(prefix);

  if (a.length > b.length) return restA.slice(1) === restB;
  if (b.length > a.length) return restB.slice(1) === restA;
  if (restA.slice(1) === restB.slice(1)) return true;
  return restA.charAt(0) === restB.charAt(1) && restA.charAt(1) === restB.charAt(0) && restA.slice(2) === restB.slice(2);
}
