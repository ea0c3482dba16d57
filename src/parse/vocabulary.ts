/**
 * The names tmlint recognises: section titles, sub-section titles, column names and ID
 * prefixes. Teams add their own names (other languages, house templates) through the
 * `sections` and `columns` configuration keys, which extend these tables.
 */

import type { EntityKind, SectionKind, TableKind } from "../types.js";

/** Section kinds in template order. */
export const SECTION_ORDER: readonly SectionKind[] = [
  "application-info",
  "architecture",
  "dataflow",
  "assumptions",
  "threats",
  "mitigations",
  "impacted-assets",
  "existing-controls",
  "residual-threats",
  "well-architected",
];

/** The template's title for each section, used in messages. */
export const SECTION_TITLES: Record<SectionKind, string> = {
  "application-info": "Application Info",
  architecture: "Architecture",
  dataflow: "Dataflow",
  assumptions: "Assumptions",
  threats: "Threats",
  mitigations: "Mitigations",
  "impacted-assets": "Impacted Assets",
  "existing-controls": "Existing Controls",
  "residual-threats": "Residual Threats",
  "well-architected": "AWS Well-Architected Mappings",
};

const DEFAULT_SECTION_NAMES: Record<SectionKind, string[]> = {
  "application-info": ["Application Info", "Application Information"],
  architecture: ["Architecture"],
  dataflow: ["Dataflow", "Data Flow"],
  assumptions: ["Assumptions"],
  threats: ["Threats"],
  mitigations: ["Mitigations"],
  "impacted-assets": ["Impacted Assets", "Assets"],
  "existing-controls": ["Existing Controls", "Existing Security Controls"],
  "residual-threats": ["Residual Threats", "Residual Threats and Recommended Mitigations"],
  "well-architected": [
    "AWS Well-Architected Mappings",
    "AWS Well-Architected Framework Mappings",
    "Well-Architected Mappings",
  ],
};

/** Sub-sections tmlint knows, by the section they belong to. */
export const SUBSECTION_NAMES: Record<string, string[]> = {
  disclaimers: ["Disclaimers"],
  summary: ["Summary"],
  "key-features": ["Key Features", "Features"],
  references: [
    "Architecture and Documentation References",
    "Architecture and Documentation Reference",
    "Documentation References",
    "References",
  ],
  introduction: ["Introduction"],
  "key-benefits": ["Key Benefits"],
  components: ["Architecture Components", "Components"],
  workflow: ["Workflow"],
  "architecture-diagram": ["Architecture Diagram"],
  entities: ["Entities"],
  "data-flows": ["Data Flows Definition", "Data Flows", "Data Flow Definitions", "Data flows definition"],
  "trust-boundaries": ["Trust Boundaries"],
  "threat-sources": ["Possible Threat Sources", "Threat Sources"],
  "dataflow-diagram": ["Dataflow Diagram", "Data Flow Diagram"],
};

/** Dataflow sub-sections whose table kind follows from the heading. */
const SUBSECTION_TABLE_KIND: Record<string, TableKind> = {
  entities: "entities",
  "data-flows": "data-flows",
  "trust-boundaries": "trust-boundaries",
  "threat-sources": "threat-sources",
};

/** The table each section holds. */
export const SECTION_TABLE_KIND: Partial<Record<SectionKind, TableKind>> = {
  assumptions: "assumptions",
  threats: "threats",
  mitigations: "mitigations",
  "impacted-assets": "impacted-assets",
  "existing-controls": "existing-controls",
  "residual-threats": "residual-threats",
};

export const TABLE_TITLES: Record<TableKind, string> = {
  assumptions: "Assumptions",
  threats: "Threats",
  mitigations: "Mitigations",
  "impacted-assets": "Impacted Assets",
  "existing-controls": "Existing Controls",
  "residual-threats": "Residual Threats",
  entities: "Entities",
  "data-flows": "Data Flows",
  "trust-boundaries": "Trust Boundaries",
  "threat-sources": "Possible Threat Sources",
};

export const TABLE_ENTITY_KIND: Partial<Record<TableKind, EntityKind>> = {
  assumptions: "assumption",
  threats: "threat",
  mitigations: "mitigation",
  "impacted-assets": "asset",
  "existing-controls": "control",
  "residual-threats": "residual-threat",
  "data-flows": "data-flow",
  "trust-boundaries": "trust-boundary",
  entities: "dataflow-entity",
};

/** The ID prefix of each kind that has one. */
export const ID_PREFIX: Partial<Record<EntityKind, string>> = {
  assumption: "A",
  threat: "T",
  mitigation: "M",
  asset: "AS",
  control: "EC",
  "residual-threat": "RT",
  "data-flow": "DF",
  "trust-boundary": "TB",
};

const PREFIX_KIND = new Map<string, EntityKind>(
  Object.entries(ID_PREFIX).map(([kind, prefix]) => [prefix, kind as EntityKind]),
);

export const ENTITY_TITLES: Record<EntityKind, string> = {
  assumption: "Assumption",
  threat: "Threat",
  mitigation: "Mitigation",
  asset: "Asset",
  control: "Existing control",
  "residual-threat": "Residual threat",
  "data-flow": "Data flow",
  "trust-boundary": "Trust boundary",
  "dataflow-entity": "Entity",
};

/** `T-0001`, `AS-12`, `rt-0003`: a prefixed ID as used in cross-references. */
export const PREFIXED_ID = /^([A-Za-z]{1,2})-(\d{1,9})$/;

/** Returns the entity kind of an ID such as `T-0001` or `DF3`, or undefined. */
export function kindOfId(id: string): EntityKind | undefined {
  const prefixed = PREFIXED_ID.exec(id);
  if (prefixed) return PREFIX_KIND.get((prefixed[1] ?? "").toUpperCase());
  const short = /^(DF|TB)(\d{1,9})$/i.exec(id);
  if (short) return PREFIX_KIND.get((short[1] ?? "").toUpperCase());
  return undefined;
}

// ---------------------------------------------------------------------------
// Columns
// ---------------------------------------------------------------------------

/** A column of a table kind: its canonical role, the template's name and accepted aliases. */
export interface ColumnSpec {
  role: string;
  name: string;
  aliases: string[];
}

const ID_ALIASES = ["#", "ID", "Number", "Identifier", "No", "No."];

function idColumn(name: string, ...aliases: string[]): ColumnSpec {
  const stem = name.replace(/ (Number|Identifier)$/, "");
  return {
    role: "id",
    name,
    aliases: [...ID_ALIASES, `${stem} #`, `${stem} ID`, `${stem} Number`, `${stem} Identifier`, ...aliases],
  };
}

function column(role: string, name: string, ...aliases: string[]): ColumnSpec {
  return { role, name, aliases };
}

/** The template's columns for each table, in template order. */
export const TEMPLATE_COLUMNS: Record<TableKind, ColumnSpec[]> = {
  assumptions: [
    idColumn("Assumption Number"),
    column("assumption", "Assumption", "Assumptions"),
    column("linked-threats", "Linked Threats", "Threats", "Related Threats"),
    column("linked-mitigations", "Linked Mitigations", "Mitigations", "Related Mitigations"),
    column("comments", "Comments", "Comment", "Notes"),
  ],
  threats: [
    idColumn("Threat Number"),
    column("threat", "Threat", "Threat Statement", "Statement", "Description"),
    column("mitigations", "Mitigations", "Linked Mitigations", "Related Mitigations"),
    column("assumptions", "Assumptions", "Linked Assumptions", "Related Assumptions"),
    column("status", "Status"),
    column("priority", "Priority"),
    column("stride", "STRIDE", "STRIDE Category", "STRIDE Categories"),
    column("comments", "Comments", "Comment", "Notes"),
  ],
  mitigations: [
    idColumn("Mitigation Number"),
    column("mitigation", "Mitigation", "Mitigation Description", "Description"),
    column("threats-mitigating", "Threats Mitigating", "Threats Mitigated", "Linked Threats", "Threats"),
    column("assumptions", "Assumptions", "Linked Assumptions", "Related Assumptions"),
    column("status", "Status"),
    column("comments", "Comments", "Comment", "Notes"),
  ],
  "impacted-assets": [
    idColumn("Asset Number", "Assets Number", "Assets #"),
    column("asset", "Asset", "Assets", "Asset Name", "Asset Description"),
    column("related-threats", "Related Threats", "Linked Threats", "Threats"),
  ],
  "existing-controls": [
    idColumn("Control Number"),
    column("control-name", "Control Name", "Control"),
    column("control-type", "Control Type", "Type"),
    column("implementation-evidence", "Implementation Evidence", "Evidence"),
    column("threats-addressed", "Threats Addressed", "Linked Threats", "Threats"),
    column("effectiveness", "Effectiveness"),
    column("gaps", "Gaps/Weaknesses", "Gaps / Weaknesses", "Gaps", "Weaknesses"),
    column("comments", "Comments", "Comment", "Notes"),
  ],
  "residual-threats": [
    idColumn("Residual Threat Number"),
    column("residual-threat", "Residual Threat", "Threat"),
    column("current-control-gaps", "Current Control Gaps", "Control Gaps"),
    column("recommended-mitigation", "Recommended Mitigation", "Recommended Mitigations"),
    column("priority", "Priority"),
    column("implementation-effort", "Implementation Effort", "Effort"),
    column("aws-services", "AWS Services Required", "AWS Services"),
    column("expected-risk-reduction", "Expected Risk Reduction", "Risk Reduction"),
    column("comments", "Comments", "Comment", "Notes"),
  ],
  entities: [column("entity", "Entity", "Entities", "Name"), column("description", "Description")],
  "data-flows": [
    idColumn("Flow Identifier", "Flow"),
    column("description", "Flow Description", "Description"),
    column("source", "Source Entity", "Source"),
    column("target", "Target Entity", "Target"),
    column("assets", "Assets", "Asset"),
  ],
  "trust-boundaries": [
    idColumn("Boundary Identifier", "Boundary"),
    column("purpose", "Purpose", "Description"),
    column("source", "Source Entity", "Source"),
    column("target", "Target Entity", "Target"),
  ],
  "threat-sources": [
    column("category", "Category"),
    column("description", "Description"),
    column("examples", "Examples"),
  ],
};

/** The column whose text is an entity's statement, per table kind. */
export const STATEMENT_ROLE: Partial<Record<TableKind, string>> = {
  assumptions: "assumption",
  threats: "threat",
  mitigations: "mitigation",
  "impacted-assets": "asset",
  "existing-controls": "control-name",
  "residual-threats": "residual-threat",
  entities: "description",
  "data-flows": "description",
  "trust-boundaries": "purpose",
};

/**
 * Normalises a heading or column title for comparison: case, punctuation and spacing are
 * ignored, a leading "Section 3:" or "3." and a trailing "Table" or "(Optional)" are removed.
 */
export function normaliseTitle(title: string): string {
  let text = title.normalize("NFKC").toLowerCase().trim();
  text = text.replace(/^section\s+\d+(?:\.\d+)*\s*[:.\-–—)]?\s*/u, "");
  text = text.replace(/^\d+(?:\.\d+)*\s*[.):\-–—]?\s+/u, "");
  text = text.replace(/[\s:：]+$/u, "");
  text = text.replace(/\s*\((?:optional)\)$/u, "");
  text = text.replace(/\s+table$/u, "");
  return text.replace(/[\s\p{P}\p{S}]+/gu, "");
}

/** Normalises a column name: like a title, but `#` is kept, since "Threat #" means the ID. */
export function normaliseColumn(name: string): string {
  const text = name.normalize("NFKC").toLowerCase().trim().replace(/[\s:：]+$/u, "");
  if (text === "#") return "#";
  const hash = text.endsWith("#") ? "#" : "";
  return text.replace(/[\s\p{P}\p{S}]+/gu, "") + hash;
}

/** Extra names for sections and columns, from configuration. */
export interface VocabularyOptions {
  /** Extra titles per section kind, e.g. `{ threats: ["Hot"] }`. */
  sections?: Partial<Record<SectionKind, string[]>>;
  /** Extra column names per `table.role`, e.g. `{ "threats.id": ["Threat #"] }`, or per role for all tables. */
  columns?: Record<string, string[]>;
}

/** Name lookups built once per configuration. */
export class Vocabulary {
  private readonly sectionByTitle = new Map<string, SectionKind>();
  private readonly subsectionByTitle = new Map<string, string>();
  private readonly columnRoles = new Map<TableKind, Map<string, string>>();

  constructor(options: VocabularyOptions = {}) {
    for (const kind of SECTION_ORDER) {
      const names = [...DEFAULT_SECTION_NAMES[kind], ...(options.sections?.[kind] ?? [])];
      for (const name of names) this.sectionByTitle.set(normaliseTitle(name), kind);
    }
    for (const [key, names] of Object.entries(SUBSECTION_NAMES)) {
      for (const name of names) this.subsectionByTitle.set(normaliseTitle(name), key);
    }
    for (const [tableKind, specs] of Object.entries(TEMPLATE_COLUMNS) as [TableKind, ColumnSpec[]][]) {
      const roles = new Map<string, string>();
      for (const spec of specs) {
        const extra = [
          ...(options.columns?.[`${tableKind}.${spec.role}`] ?? []),
          ...(options.columns?.[spec.role] ?? []),
        ];
        for (const name of [spec.name, ...spec.aliases, ...extra]) {
          const key = normaliseColumn(name);
          if (!roles.has(key)) roles.set(key, spec.role);
        }
      }
      this.columnRoles.set(tableKind, roles);
    }
  }

  /** Returns the section kind a heading title names, or undefined. */
  sectionKind(title: string): SectionKind | undefined {
    return this.sectionByTitle.get(normaliseTitle(title));
  }

  /** Returns the known sub-section key (`entities`, `workflow`, …) a heading names. */
  subsectionKey(title: string): string | undefined {
    return this.subsectionByTitle.get(normaliseTitle(title));
  }

  /** Returns the table kind a dataflow sub-section heading implies. */
  subsectionTableKind(title: string): TableKind | undefined {
    const key = this.subsectionKey(title);
    return key === undefined ? undefined : SUBSECTION_TABLE_KIND[key];
  }

  /** Returns the canonical role of a column name in a table kind. */
  columnRole(tableKind: TableKind, name: string): string | undefined {
    return this.columnRoles.get(tableKind)?.get(normaliseColumn(name));
  }

  /**
   * Guesses a table's kind from its header alone: the first column names the ID
   * ("Threat Number", "Control #") or the whole header matches a dataflow table.
   */
  kindFromColumns(names: string[]): TableKind | undefined {
    const first = normaliseColumn(names[0] ?? "");
    const stems: [string, TableKind][] = [
      ["residualthreat", "residual-threats"],
      ["assumption", "assumptions"],
      ["threat", "threats"],
      ["mitigation", "mitigations"],
      ["assets", "impacted-assets"],
      ["asset", "impacted-assets"],
      ["control", "existing-controls"],
      ["flow", "data-flows"],
      ["boundary", "trust-boundaries"],
    ];
    for (const [stem, kind] of stems) {
      for (const suffix of ["number", "#", "id", "identifier"]) {
        if (first === stem + suffix) return kind;
      }
    }
    for (const kind of ["entities", "threat-sources"] as const) {
      const specs = TEMPLATE_COLUMNS[kind];
      if (
        names.length === specs.length &&
        specs.every((spec, index) => this.columnRole(kind, names[index] ?? "") === spec.role)
      ) {
        return kind;
      }
    }
    return undefined;
  }

  /** Tells whether a column name reads as an ID column ("#", "ID", "Threat Number"). */
  isIdColumn(tableKind: TableKind, name: string): boolean {
    return this.columnRole(tableKind, name) === "id";
  }
}
