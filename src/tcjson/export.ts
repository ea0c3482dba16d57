/**
 * Builds ThreatComposer JSON (schema version 1) from a Markdown threat model: application
 * info, architecture and dataflow descriptions, assumptions, mitigations, threats and both
 * link lists. The output is deterministic: each UUID is derived from the document and the
 * entity ID, so an unchanged document exports to the same bytes.
 *
 * Export is refused, with every reason listed, when the model would lose data: an ID
 * defined twice, a row without a readable ID, or a value ThreatComposer cannot hold.
 */

import { createHash } from "node:crypto";
import { basename } from "node:path";
import { requireRange } from "../parse/cells.js";
import { TABLE_TITLES } from "../parse/vocabulary.js";
import type { CrossReference, Entity, EntityKind, Row, Section, SectionKind, ThreatModel } from "../types.js";
import { CUSTOM_KEYS, strideLetters } from "./companion.js";
import {
  MITIGATION_STATUS_LABELS,
  NO_STATUS_LABEL,
  PRIORITIES,
  THREAT_STATUS_LABELS,
  type Assumption,
  type AssumptionLink,
  type ImageInfo,
  type MetadataItem,
  type Mitigation,
  type MitigationLink,
  type Threat,
  type ThreatComposerData,
} from "./format.js";
import { validateThreatComposer } from "./schema.js";
import { commentHtmlToMarkdown } from "./markdown-text.js";
import { splitThreatStatement } from "./split-statement.js";

/** Raised when a document cannot be exported without losing data; `problems` lists each reason. */
export class ExportError extends Error {
  override name = "ExportError";

  constructor(readonly problems: string[]) {
    super(`Cannot export: ${problems.length} problem${problems.length === 1 ? "" : "s"} would lose data.`);
  }
}

export interface ExportOptions {
  /** The text the UUIDs are derived from; the document's title, or its file name when it has none, by default. */
  seed?: string;
}

/** The namespace of tmlint's name-based UUIDs (a random UUID, fixed forever so that IDs stay stable). */
const UUID_NAMESPACE = "5b0f3c8e-2f4e-4d8a-9a51-6f1e0c7d2b43";

/** Makes an RFC 4122 version 5 UUID: SHA-1 of a namespace and a name, with version and variant bits set. */
export function uuidV5(name: string, namespace = UUID_NAMESPACE): string {
  const hash = createHash("sha1").update(Buffer.from(namespace.replace(/-/g, ""), "hex")).update(name, "utf8").digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const EXPORTED_KINDS: readonly EntityKind[] = ["assumption", "threat", "mitigation"];
const KIND_TABLE = { assumption: "assumptions", threat: "threats", mitigation: "mitigations" } as const;
const ID_PATTERN: Record<string, RegExp> = { assumption: /^A-(\d{1,9})$/, threat: /^T-(\d{1,9})$/, mitigation: /^M-(\d{1,9})$/ };

/** Builds the ThreatComposer data for a model; raises ExportError when data would be lost. */
export function buildThreatComposerData(model: ThreatModel, options: ExportOptions = {}): ThreatComposerData {
  const problems = findExportProblems(model);
  if (problems.length > 0) throw new ExportError(problems);

  const seed = options.seed ?? (model.title?.text || basename(model.filePath));
  const uuidOf = (id: string): string => uuidV5(`${seed}\n${id}`);
  const byKind = (kind: EntityKind): Entity[] => model.entities.filter((entity) => entity.kind === kind);

  const data: ThreatComposerData = { schema: 1 };

  const name = model.title?.text;
  const applicationDescription = sectionBody(model, "application-info");
  if (name || applicationDescription) {
    data.applicationInfo = {};
    if (name) data.applicationInfo.name = name;
    if (applicationDescription) data.applicationInfo.description = applicationDescription;
  }
  const architecture = imageInfo(model, "architecture", "Architecture Diagram");
  if (architecture) data.architecture = architecture;
  const dataflow = imageInfo(model, "dataflow", "Dataflow Diagram");
  if (dataflow) data.dataflow = dataflow;

  data.assumptions = byKind("assumption").map((entity): Assumption => {
    const numericId = numberOf(entity);
    const assumption: Assumption = { id: uuidOf(entity.id), numericId, displayOrder: numericId, content: entity.statement };
    const metadata = commentsMetadata(entity.row);
    if (metadata.length > 0) assumption.metadata = metadata;
    return assumption;
  });

  data.mitigations = byKind("mitigation").map((entity): Mitigation => {
    const numericId = numberOf(entity);
    const mitigation: Mitigation = { id: uuidOf(entity.id), numericId, displayOrder: numericId, content: entity.statement };
    const metadata: MetadataItem[] = [...commentsMetadata(entity.row)];
    const status = readStatus(entity.row, MITIGATION_STATUS_LABELS);
    if (status.value !== undefined) mitigation.status = status.value;
    if (status.custom !== undefined) metadata.push({ key: CUSTOM_KEYS.status, value: status.custom });
    if (metadata.length > 0) mitigation.metadata = metadata;
    return mitigation;
  });

  const { assumptionLinks, mitigationLinks } = collectLinks(model, uuidOf);
  data.assumptionLinks = assumptionLinks;
  data.mitigationLinks = mitigationLinks;
  data.threats = byKind("threat").map((entity) => buildThreat(entity, uuidOf(entity.id)));

  const invalid = validateThreatComposer(data);
  if (invalid.length > 0) throw new ExportError(invalid.map((problem) => `The exported JSON would be invalid: ${problem.message}`));
  return data;
}

/** Serialises the data as ThreatComposer writes it: two-space indentation, with a final newline added. */
export function exportThreatModel(model: ThreatModel, options: ExportOptions = {}): string {
  return `${JSON.stringify(buildThreatComposerData(model, options), null, 2)}\n`;
}

/** Lists what would be lost: duplicate IDs and rows of the three tables whose ID cannot be read. */
export function findExportProblems(model: ThreatModel): string[] {
  const problems: string[] = [];
  const seen = new Map<string, Entity>();
  const numbers = new Map<string, Entity>();
  for (const entity of model.entities) {
    if (!EXPORTED_KINDS.includes(entity.kind)) continue;
    const first = seen.get(entity.id);
    if (first) {
      problems.push(`\`${entity.id}\` is defined twice, at lines ${first.range.start.line} and ${entity.range.start.line}; give each row its own ID.`);
      continue;
    }
    seen.set(entity.id, entity);
    const number = `${entity.kind}:${numberOf(entity)}`;
    const sameNumber = numbers.get(number);
    if (sameNumber && Number.isFinite(numberOf(entity))) {
      problems.push(`\`${entity.id}\` at line ${entity.range.start.line} has the same number as \`${sameNumber.id}\` at line ${sameNumber.range.start.line}; give each row its own number.`);
    }
    numbers.set(number, entity);
    if (!ID_PATTERN[entity.kind]?.test(entity.id)) {
      problems.push(
        `Line ${entity.range.start.line}: ID \`${entity.id}\` is not of the form ${entity.kind === "assumption" ? "A" : entity.kind === "threat" ? "T" : "M"}-0001, so it has no number for ThreatComposer; renumber the row.`,
      );
    }
  }
  for (const kind of EXPORTED_KINDS) {
    for (const table of model.tables.filter((candidate) => candidate.kind === KIND_TABLE[kind as keyof typeof KIND_TABLE])) {
      for (const row of table.rows) {
        if (row.entity === undefined) {
          problems.push(
            `Line ${row.range.start.line}: row ${row.index} of the ${TABLE_TITLES[table.kind ?? "threats"]} table has no readable ID; give it one or remove the row.`,
          );
        }
      }
    }
  }
  return problems;
}

function numberOf(entity: Entity): number {
  return Number(ID_PATTERN[entity.kind]?.exec(entity.id)?.[1] ?? Number.NaN);
}

/** Returns the Markdown source between a section's heading and its end, trimmed. */
function sectionBody(model: ThreatModel, kind: SectionKind): string {
  const section = model.section(kind);
  if (!section) return "";
  return model.text.slice(section.heading.range.end.offset, section.range.end.offset).trim();
}

/**
 * Reads the Architecture or Dataflow section as ThreatComposer's export writes it: an
 * optional `### Introduction` heading before the description, and a `### … Diagram`
 * heading followed by one image whose URL becomes `image`. Anything else, ASCII and
 * Mermaid diagrams included, stays in the description.
 */
function imageInfo(model: ThreatModel, kind: SectionKind, diagramHeading: string): ImageInfo | undefined {
  const section = model.section(kind);
  if (!section) return undefined;
  let body = sectionBody(model, kind);
  const info: ImageInfo = {};

  const image = diagramImage(model, section, diagramHeading);
  if (image) {
    info.image = image.url;
    body = `${model.text.slice(section.heading.range.end.offset, image.start)}${model.text.slice(image.end, section.range.end.offset)}`.trim();
  }
  body = body.replace(/^###\s+Introduction[ \t]*(?:\r\n|\r|\n|$)/, "").trim();
  if (body) info.description = body;
  return info.image || info.description ? info : undefined;
}

/** Finds the `### … Diagram` heading and the single image paragraph after it, with the offsets they span. */
function diagramImage(model: ThreatModel, section: Section, heading: string): { url: string; start: number; end: number } | undefined {
  const subheading = section.subheadings.find((candidate) => candidate.text === heading && candidate.depth === 3);
  if (!subheading) return undefined;
  const index = section.nodes.findIndex((node) => requireRange(node).start.offset > subheading.range.start.offset);
  const next = section.nodes[index];
  const after = section.nodes[index + 1];
  if (next?.type !== "paragraph" || next.children.length !== 1 || next.children[0]?.type !== "image") return undefined;
  if (after !== undefined) return undefined;
  const url = next.children[0].url;
  if (!/^(?:https?:\/\/|data:image\/)/i.test(url)) return undefined;
  return { url, start: subheading.range.start.offset, end: requireRange(next).end.offset };
}

function cellText(row: Row, role: string): string {
  const column = row.table.column(role);
  if (!column) return "";
  return (row.cells[column.index]?.text ?? "").trim();
}

/** Reads the Comments cell as Markdown, turning the HTML that ThreatComposer's export writes back into Markdown. */
function commentsMetadata(row: Row): MetadataItem[] {
  const column = row.table.column("comments");
  const cell = column === undefined ? undefined : row.cells[column.index];
  if (!cell || cell.text.trim() === "") return [];
  const markdown = commentHtmlToMarkdown(cell.raw.replace(/\\\|/g, "|"));
  return [{ key: "Comments", value: markdown }];
}

/**
 * Reads a status cell as a stored value. A label ThreatComposer does not have, or writes in
 * another case, is returned as `custom` for the exporter to keep as custom metadata.
 */
function readStatus(row: Row, labels: Readonly<Record<string, string>>): { value?: string; custom?: string } {
  const text = cellText(row, "status");
  if (text === "" || text === NO_STATUS_LABEL) return {};
  const match = Object.entries(labels).find(([stored, label]) => label === text || stored === text);
  return match ? { value: match[0] } : { custom: text };
}

function buildThreat(entity: Entity, id: string): Threat {
  const numericId = numberOf(entity);
  const threat: Threat = { id, numericId, displayOrder: numericId };
  const parts = splitThreatStatement(entity.statement);
  if (parts) Object.assign(threat, parts);
  threat.statement = entity.statement;

  const metadata: MetadataItem[] = [];
  const priority = cellText(entity.row, "priority");
  if (priority !== "") {
    const known = PRIORITIES.find((candidate) => candidate === priority);
    // ThreatComposer has no Critical: the closest it has is High, and the written value is kept.
    if (known) metadata.push({ key: "Priority", value: known });
    else if (priority.toLowerCase() === "critical") metadata.push({ key: "Priority", value: "High" }, { key: CUSTOM_KEYS.priority, value: priority });
    else metadata.push({ key: CUSTOM_KEYS.priority, value: priority });
  }

  const strideCell = cellText(entity.row, "stride");
  if (strideCell !== "") {
    const letters = strideLetters(strideCell);
    const readsBack = letters !== "" && strideLetters(letters) === strideLetters(strideCell) && isPlainStride(strideCell);
    if (readsBack) metadata.push({ key: "STRIDE", value: strideCell.split(/[\s,;/]+/).filter((token) => /^[STRIDE]$/.test(token)) });
    else metadata.push({ key: CUSTOM_KEYS.stride, value: strideCell });
  }

  metadata.push(...commentsMetadata(entity.row));
  if (entity.statementRaw !== entity.statement) {
    const evidence = entity.statementRaw.slice(0, Math.max(0, entity.statementRaw.length - entity.statement.length)).trim();
    if (evidence) metadata.push({ key: "custom:evidence", value: evidence });
  }
  const status = readStatus(entity.row, THREAT_STATUS_LABELS);
  if (status.value !== undefined) threat.status = status.value;
  if (status.custom !== undefined) metadata.push({ key: CUSTOM_KEYS.status, value: status.custom });
  if (metadata.length > 0) threat.metadata = metadata;
  return threat;
}

/** Tells whether a STRIDE cell is only letters and separators, so that the stored list prints it back. */
function isPlainStride(text: string): boolean {
  return /^[STRIDE](?:\s*,\s*[STRIDE])*$/.test(text.trim());
}

/**
 * Collects both link lists from the cross-references of all three tables, each link once,
 * in document order. A reference to an ID the document does not define is left out.
 */
function collectLinks(model: ThreatModel, uuidOf: (id: string) => string): { assumptionLinks: AssumptionLink[]; mitigationLinks: MitigationLink[] } {
  const assumptionLinks: AssumptionLink[] = [];
  const mitigationLinks: MitigationLink[] = [];
  const seen = new Set<string>();
  const defined = (id: string, kind: EntityKind): boolean => model.entityById.get(id)?.kind === kind;

  const addAssumptionLink = (assumption: string, target: string, targetKind: EntityKind): void => {
    if (!defined(assumption, "assumption") || !defined(target, targetKind)) return;
    const key = `A:${assumption}:${target}`;
    if (seen.has(key)) return;
    seen.add(key);
    assumptionLinks.push({ type: targetKind === "threat" ? "Threat" : "Mitigation", assumptionId: uuidOf(assumption), linkedId: uuidOf(target) });
  };
  const addMitigationLink = (mitigation: string, threat: string): void => {
    if (!defined(mitigation, "mitigation") || !defined(threat, "threat")) return;
    const key = `M:${mitigation}:${threat}`;
    if (seen.has(key)) return;
    seen.add(key);
    mitigationLinks.push({ mitigationId: uuidOf(mitigation), linkedId: uuidOf(threat) });
  };

  for (const reference of model.crossReferences) {
    const source = reference.source;
    if (!source || !isLinkColumn(reference)) continue;
    const target = reference.targetId;
    if (source.kind === "assumption" && (reference.targetKind === "threat" || reference.targetKind === "mitigation")) {
      addAssumptionLink(source.id, target, reference.targetKind);
    } else if (source.kind === "threat" && reference.targetKind === "assumption") {
      addAssumptionLink(target, source.id, "threat");
    } else if (source.kind === "mitigation" && reference.targetKind === "assumption") {
      addAssumptionLink(target, source.id, "mitigation");
    } else if (source.kind === "threat" && reference.targetKind === "mitigation") {
      addMitigationLink(target, source.id);
    } else if (source.kind === "mitigation" && reference.targetKind === "threat") {
      addMitigationLink(source.id, target);
    }
  }
  return { assumptionLinks, mitigationLinks };
}

/** Link columns only: a reference in a Comments cell is prose, not a link. */
function isLinkColumn(reference: CrossReference): boolean {
  const role = reference.column?.role;
  return role !== undefined && ["linked-threats", "linked-mitigations", "mitigations", "assumptions", "threats-mitigating"].includes(role);
}
