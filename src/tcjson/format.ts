/**
 * The ThreatComposer workspace format (schema version 1) as TypeScript types, with the
 * value lists and display labels that several modules share. The JSON Schema in
 * `schemas/threat-composer.schema.json` is the authority on what a file may contain.
 */

import type { JsonPathSegment } from "../types.js";

export interface MetadataItem {
  key: string;
  value: string | string[];
}

interface BaseEntity {
  id: string;
  numericId: number;
  displayOrder?: number;
  metadata?: MetadataItem[];
  tags?: string[];
}

export interface Assumption extends BaseEntity {
  content: string;
}

export interface Mitigation extends BaseEntity {
  content: string;
  status?: string;
}

export interface Threat extends BaseEntity {
  threatSource?: string;
  prerequisites?: string;
  threatAction?: string;
  threatImpact?: string;
  impactedGoal?: string[];
  impactedAssets?: string[];
  statement?: string;
  customTemplate?: string;
  status?: string;
}

export interface AssumptionLink {
  type: "Threat" | "Mitigation";
  assumptionId: string;
  linkedId: string;
}

export interface MitigationLink {
  mitigationId: string;
  linkedId: string;
}

export interface ImageInfo {
  description?: string;
  image?: string;
}

export interface ThreatComposerData {
  schema: number;
  applicationInfo?: { name?: string; description?: string };
  architecture?: ImageInfo;
  dataflow?: ImageInfo;
  assumptions?: Assumption[];
  mitigations?: Mitigation[];
  assumptionLinks?: AssumptionLink[];
  mitigationLinks?: MitigationLink[];
  threats?: Threat[];
}

/** The three entity arrays, with the ID prefix ThreatComposer shows for each. */
export const ENTITY_ARRAYS = [
  { key: "assumptions", prefix: "A", title: "Assumption" },
  { key: "mitigations", prefix: "M", title: "Mitigation" },
  { key: "threats", prefix: "T", title: "Threat" },
] as const;

export type EntityArrayKey = (typeof ENTITY_ARRAYS)[number]["key"];

/** Threat status values and the labels the Markdown export prints for them. */
export const THREAT_STATUS_LABELS: Readonly<Record<string, string>> = {
  threatIdentified: "Identified",
  threatResolved: "Resolved",
  threatResolvedNotUseful: "Not Useful",
};

/** Mitigation status values and the labels the Markdown export prints for them. */
export const MITIGATION_STATUS_LABELS: Readonly<Record<string, string>> = {
  mitigationIdentified: "Identified",
  mitigationInProgress: "In-progress",
  mitigationResolved: "Resolved",
  mitigationResolvedWillNotAction: "Will not action",
};

/** The label the Markdown export prints for an entity without a status. */
export const NO_STATUS_LABEL = "NoSet";

export const PRIORITIES = ["High", "Medium", "Low"] as const;
export const STRIDE_LETTERS = ["S", "T", "R", "I", "D", "E"] as const;

/** Returns the ID ThreatComposer shows for a number: the prefix, `-`, and the number padded to 4 digits. */
export function displayId(prefix: string, numericId: number): string {
  return `${prefix}-${String(numericId).padStart(4, "0")}`;
}

/** Returns the first metadata value for a key, as the Markdown export reads it. */
export function metadataValue(entity: { metadata?: MetadataItem[] | undefined }, key: string): string | string[] | undefined {
  return entity.metadata?.find((item) => item.key === key)?.value;
}

/** Narrows an unknown JSON value to an object with string keys. */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** `threats[3].metadata[1]`: a path as people write it; the top level is `(top level)`. */
export function formatPath(path: readonly JsonPathSegment[]): string {
  let text = "";
  for (const segment of path) {
    if (typeof segment === "number") text += `[${segment}]`;
    else text += text === "" ? segment : `.${segment}`;
  }
  return text === "" ? "(top level)" : text;
}

/** An entity of a parsed file with its place, for rules that must survive an invalid shape. */
export interface LocatedEntity {
  array: EntityArrayKey;
  index: number;
  /** The ID when it is a string. */
  id: string | undefined;
  /** The number when it is a number. */
  numericId: number | undefined;
  value: Record<string, unknown>;
}

/** Lists the objects in the three entity arrays in file order, skipping anything that is not an object. */
export function locatedEntities(root: unknown): LocatedEntity[] {
  const found: LocatedEntity[] = [];
  if (!isObject(root)) return found;
  for (const { key } of ENTITY_ARRAYS) {
    const items = root[key];
    if (!Array.isArray(items)) continue;
    items.forEach((item: unknown, index) => {
      if (!isObject(item)) return;
      found.push({
        array: key,
        index,
        id: typeof item.id === "string" ? item.id : undefined,
        numericId: typeof item.numericId === "number" ? item.numericId : undefined,
        value: item,
      });
    });
  }
  return found;
}

/** Returns the word for an entity array's members: `assumption`, `mitigation`, `threat`. */
export function entityWord(array: EntityArrayKey): string {
  return array.slice(0, -1);
}

/** `T-0003 (threats[2])`: how messages name an entity of the file. */
export function describeEntity(entity: LocatedEntity): string {
  const prefix = ENTITY_ARRAYS.find((candidate) => candidate.key === entity.array)?.prefix ?? "?";
  const shown = entity.numericId === undefined ? "" : `${displayId(prefix, entity.numericId)} `;
  return `${shown}(${entity.array}[${entity.index}])`;
}
