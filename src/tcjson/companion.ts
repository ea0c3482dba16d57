/**
 * Compares a Markdown threat model with its ThreatComposer JSON: the same assumptions,
 * threats and mitigations by number, the same texts, statuses, priorities, STRIDE letters,
 * comments and links. Each disagreement is placed on the Markdown row or cell it concerns.
 *
 * Texts are compared as ThreatComposer's Markdown export would show the JSON value (see
 * markdown-text.ts), with whitespace runs collapsed. Comments ignore whitespace entirely,
 * because the export deletes their line breaks.
 */

import { documentRange, tablesOf } from "../model-util.js";
import type { Entity, EntityKind, MessageData, Range, Row, TableKind, ThreatModel } from "../types.js";
import {
  displayId,
  isObject,
  metadataValue,
  MITIGATION_STATUS_LABELS,
  NO_STATUS_LABEL,
  THREAT_STATUS_LABELS,
  type EntityArrayKey,
  type MetadataItem,
} from "./format.js";
import { differingExcerpts, preview } from "./messages.js";
import { cellTextsOf, commentText, normalizeSpace, withoutSpace } from "./markdown-text.js";

export type CompanionMessageId = "notInJson" | "notInMarkdown" | "textDiffers" | "fieldDiffers" | "linkMissing" | "linkExtra";

export interface Disagreement {
  messageId: CompanionMessageId;
  data: MessageData;
  range: Range;
}

/** Metadata keys the exporter uses for values ThreatComposer has no field for; the comparison reads them first. */
export const CUSTOM_KEYS = { priority: "custom:priority", status: "custom:status", stride: "custom:stride" } as const;

interface KindSpec {
  kind: EntityKind;
  array: EntityArrayKey;
  prefix: string;
  title: string;
  table: TableKind;
  /** The links of this kind's rows: the Markdown column role and how to read the JSON side. */
  links: { role: string; targets: (data: Record<string, unknown>, id: string) => string[] }[];
}

/** The JSON data of one entity: what the Markdown row is compared with. */
interface JsonEntity {
  id: string;
  numericId: number;
  value: Record<string, unknown>;
  text: string;
}

const STRIDE_WORDS: Record<string, string> = {
  spoofing: "S",
  tampering: "T",
  repudiation: "R",
  "information disclosure": "I",
  "denial of service": "D",
  "elevation of privilege": "E",
};

function links(data: Record<string, unknown>, array: "assumptionLinks" | "mitigationLinks"): Record<string, unknown>[] {
  const items = data[array];
  return Array.isArray(items) ? items.filter(isObject) : [];
}

const KINDS: readonly KindSpec[] = [
  {
    kind: "assumption",
    array: "assumptions",
    prefix: "A",
    title: "Assumption",
    table: "assumptions",
    links: [
      {
        role: "linked-threats",
        targets: (data, id) => links(data, "assumptionLinks").filter((link) => link.assumptionId === id && link.type === "Threat").map((link) => String(link.linkedId)),
      },
      {
        role: "linked-mitigations",
        targets: (data, id) => links(data, "assumptionLinks").filter((link) => link.assumptionId === id && link.type === "Mitigation").map((link) => String(link.linkedId)),
      },
    ],
  },
  {
    kind: "threat",
    array: "threats",
    prefix: "T",
    title: "Threat",
    table: "threats",
    links: [
      { role: "mitigations", targets: (data, id) => links(data, "mitigationLinks").filter((link) => link.linkedId === id).map((link) => String(link.mitigationId)) },
      { role: "assumptions", targets: (data, id) => links(data, "assumptionLinks").filter((link) => link.linkedId === id).map((link) => String(link.assumptionId)) },
    ],
  },
  {
    kind: "mitigation",
    array: "mitigations",
    prefix: "M",
    title: "Mitigation",
    table: "mitigations",
    links: [
      {
        role: "threats-mitigating",
        targets: (data, id) => links(data, "mitigationLinks").filter((link) => link.mitigationId === id).map((link) => String(link.linkedId)),
      },
      { role: "assumptions", targets: (data, id) => links(data, "assumptionLinks").filter((link) => link.linkedId === id).map((link) => String(link.assumptionId)) },
    ],
  },
];

/**
 * Tells whether the document is a threats-only export: a Threats table without its
 * Mitigations and Assumptions columns. Such a document leaves out the other entities and
 * all links, so only threats are compared.
 */
export function isThreatsOnly(model: ThreatModel): boolean {
  const [table] = tablesOf(model, "threats");
  return table !== undefined && table.column("mitigations") === undefined && table.column("assumptions") === undefined;
}

/** Compares a Markdown model with parsed ThreatComposer data; `jsonName` names the JSON file in messages. */
export function compareWithCompanion(model: ThreatModel, data: Record<string, unknown>, jsonName: string): Disagreement[] {
  const disagreements: Disagreement[] = [];
  const threatsOnly = isThreatsOnly(model);
  const kinds = threatsOnly ? KINDS.filter((spec) => spec.kind === "threat") : KINDS;

  // Every entity ID of the file, as the number key a Markdown reference maps to (`M:3`).
  const keyById = new Map<string, string>();
  const jsonByKind = new Map<EntityKind, JsonEntity[]>();
  for (const spec of KINDS) {
    const entities = readJsonEntities(data, spec);
    jsonByKind.set(spec.kind, entities);
    for (const entity of entities) {
      if (!keyById.has(entity.id)) keyById.set(entity.id, `${spec.prefix}:${entity.numericId}`);
    }
  }

  for (const spec of kinds) {
    const jsonEntities = jsonByKind.get(spec.kind) ?? [];
    // Rows are matched by number, so `T-01` in Markdown is the threat whose numericId is 1.
    const jsonByNumber = new Map<number, JsonEntity>();
    for (const entity of jsonEntities) {
      if (!jsonByNumber.has(entity.numericId)) jsonByNumber.set(entity.numericId, entity);
    }
    const markdownByNumber = new Map<number, Entity>();
    const unnumbered: Entity[] = [];
    for (const entity of model.entities) {
      if (entity.kind !== spec.kind) continue;
      const number = numberOfId(spec.prefix, entity.id);
      if (number === undefined) unnumbered.push(entity);
      else if (!markdownByNumber.has(number)) markdownByNumber.set(number, entity);
    }

    // 1. Rows on one side only.
    for (const entity of unnumbered) {
      disagreements.push({ messageId: "notInJson", data: { kind: spec.title, id: entity.id, file: jsonName }, range: entity.idCell.range });
    }
    for (const [number, entity] of markdownByNumber) {
      if (!jsonByNumber.has(number)) {
        disagreements.push({ messageId: "notInJson", data: { kind: spec.title, id: entity.id, file: jsonName }, range: entity.idCell.range });
      }
    }
    const [table] = tablesOf(model, spec.table);
    for (const [number, entity] of jsonByNumber) {
      if (markdownByNumber.has(number)) continue;
      disagreements.push({
        messageId: "notInMarkdown",
        data: { kind: spec.kind, id: displayId(spec.prefix, number), text: preview(entity.text), file: jsonName, table: spec.title + "s" },
        range: table?.header?.range ?? documentRange(model),
      });
    }

    // 2. Rows on both sides: texts, fields and links.
    const pairs = [...markdownByNumber].flatMap(([number, markdown]) => {
      const json = jsonByNumber.get(number);
      return json ? [{ id: markdown.id, markdown, json }] : [];
    });
    const shownTexts = cellTextsOf(pairs.map((pair) => pair.json.text));
    pairs.forEach((pair, index) => {
      const context = { spec, id: pair.id, file: jsonName, row: pair.markdown.row };
      compareText(context, pair.markdown, shownTexts[index] ?? "", disagreements);
      compareFields(context, pair.json, disagreements);
      if (!threatsOnly) compareLinks(context, model, data, pair.json, keyById, disagreements);
    });
  }
  return disagreements;
}

function readJsonEntities(data: Record<string, unknown>, spec: KindSpec): JsonEntity[] {
  const items = data[spec.array];
  if (!Array.isArray(items)) return [];
  const entities: JsonEntity[] = [];
  for (const item of items) {
    if (!isObject(item) || typeof item.id !== "string" || typeof item.numericId !== "number") continue;
    const text = spec.kind === "threat" ? item.statement : item.content;
    entities.push({ id: item.id, numericId: item.numericId, value: item, text: typeof text === "string" ? text : "" });
  }
  return entities;
}

interface RowContext {
  spec: KindSpec;
  id: string;
  file: string;
  row: Row;
}

/** Returns the cell of a row in the column with this role, if the table has that column. */
function cellOf(row: Row, role: string) {
  const column = row.table.column(role);
  return column === undefined ? undefined : row.cells[column.index];
}

function compareText(context: RowContext, markdown: Entity, jsonCellText: string, out: Disagreement[]): void {
  const markdownText = normalizeSpace(markdown.statement);
  const jsonText = normalizeSpace(jsonCellText);
  if (markdownText === jsonText) return;
  const [markdownExcerpt, jsonExcerpt] = differingExcerpts(markdownText, jsonText);
  const textRole = context.spec.kind === "threat" ? "threat" : context.spec.kind;
  out.push({
    messageId: "textDiffers",
    data: { kind: context.spec.title, id: context.id, markdown: markdownExcerpt, json: jsonExcerpt, file: context.file },
    range: cellOf(context.row, textRole)?.range ?? context.row.range,
  });
}

function firstString(value: Record<string, unknown>, key: string): string | undefined {
  const found = metadataValue(value as { metadata?: MetadataItem[] }, key);
  if (typeof found === "string") return found;
  if (Array.isArray(found)) return found.join(", ");
  return undefined;
}

/** STRIDE letters of a cell or a stored list, as a sorted string: `I, T`. */
export function strideLetters(text: string): string {
  const letters = new Set<string>();
  const lower = text.toLowerCase();
  for (const [word, letter] of Object.entries(STRIDE_WORDS)) if (lower.includes(word)) letters.add(letter);
  for (const token of text.split(/[\s,;/]+/)) if (/^[STRIDE]$/.test(token)) letters.add(token);
  return [...letters].sort().join(", ");
}

function compareFields(context: RowContext, json: JsonEntity, out: Disagreement[]): void {
  const { spec, row } = context;
  const push = (field: string, role: string, markdown: string, expected: string): void => {
    out.push({
      messageId: "fieldDiffers",
      data: { kind: spec.title, id: context.id, field, markdown: markdown || "(empty)", json: expected || "(empty)", file: context.file },
      range: cellOf(row, role)?.range ?? row.range,
    });
  };

  const statusCell = cellOf(row, "status");
  if (statusCell && spec.kind !== "assumption") {
    const labels = spec.kind === "threat" ? THREAT_STATUS_LABELS : MITIGATION_STATUS_LABELS;
    const stored = json.value.status;
    const expected = firstString(json.value, CUSTOM_KEYS.status) ?? (typeof stored === "string" ? (labels[stored] ?? stored) : NO_STATUS_LABEL);
    if (normalizeSpace(statusCell.text) !== expected) push("status", "status", normalizeSpace(statusCell.text), expected);
  }

  const priorityCell = cellOf(row, "priority");
  if (priorityCell && spec.kind === "threat") {
    const expected = firstString(json.value, CUSTOM_KEYS.priority) ?? firstString(json.value, "Priority") ?? "";
    if (normalizeSpace(priorityCell.text) !== expected) push("Priority", "priority", normalizeSpace(priorityCell.text), expected);
  }

  const strideCell = cellOf(row, "stride");
  if (strideCell && spec.kind === "threat") {
    const custom = firstString(json.value, CUSTOM_KEYS.stride);
    const markdownLetters = custom === undefined ? strideLetters(strideCell.text) : normalizeSpace(strideCell.text);
    const jsonLetters = custom ?? strideLetters(firstString(json.value, "STRIDE") ?? "");
    if (markdownLetters !== jsonLetters) push("STRIDE", "stride", normalizeSpace(strideCell.text), custom ?? (firstString(json.value, "STRIDE") ?? ""));
  }

  const commentsCell = cellOf(row, "comments");
  if (commentsCell) {
    const stored = firstString(json.value, "Comments") ?? "";
    if (withoutSpace(commentsCell.text) !== withoutSpace(commentText(stored))) {
      push("Comments", "comments", preview(normalizeSpace(commentsCell.text)), preview(normalizeSpace(stored)));
    }
  }
}

function compareLinks(
  context: RowContext,
  model: ThreatModel,
  data: Record<string, unknown>,
  json: JsonEntity,
  keyById: ReadonlyMap<string, string>,
  out: Disagreement[],
): void {
  for (const link of context.spec.links) {
    const cell = cellOf(context.row, link.role);
    if (!cell) continue;
    // A link to an ID the file does not define is dropped, as ThreatComposer's export drops it.
    const expected = new Set(link.targets(data, json.id).flatMap((id) => keyById.get(id) ?? []));
    const references = model.crossReferences.filter((reference) => reference.row === context.row && reference.cell === cell);
    const present = new Set(references.map((reference) => referenceKey(reference.targetId)));

    for (const key of expected) {
      if (present.has(key)) continue;
      const [prefix = "", number = ""] = key.split(":");
      const target = displayId(prefix, Number(number));
      out.push({
        messageId: "linkMissing",
        data: { kind: context.spec.title, id: context.id, target, column: context.row.table.columns[cell.index]?.name ?? link.role, file: context.file },
        range: cell.range,
      });
    }
    for (const reference of references) {
      if (expected.has(referenceKey(reference.targetId))) continue;
      out.push({
        messageId: "linkExtra",
        data: { kind: context.spec.title, id: context.id, target: reference.targetId, file: context.file },
        range: reference.link.range,
      });
    }
  }
}

/** Returns the number of an ID with this prefix (`T-0007`, `T-07` and `T-7` are all 7), or undefined. */
function numberOfId(prefix: string, id: string): number | undefined {
  const match = /^([A-Za-z]{1,2})-(\d{1,9})$/.exec(id);
  return match && match[1] === prefix ? Number(match[2]) : undefined;
}

/** Returns the key that matches a reference target with a JSON entity: its prefix and number, `T:7`. */
function referenceKey(targetId: string): string {
  const match = /^([A-Za-z]{1,2})-(\d{1,9})$/.exec(targetId);
  return match ? `${match[1]}:${Number(match[2])}` : targetId;
}
