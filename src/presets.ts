/**
 * The built-in presets as plain data: a rule id to a severity, or to a severity and options.
 *
 * - `recommended` (the default): integrity that any document of this family should meet,
 *   ThreatComposer exports included. ThreatComposer writes a section only when it has data,
 *   so a missing Threats section is only a warning and the template-only sections 8–10 are
 *   never asked for.
 * - `strict`: the methodology template in full.
 * - `threat-composer`: ThreatComposer's Markdown export as it writes it.
 */

import { TEMPLATE_CELL_TAGS } from "./structure-util.js";
import type { Preset } from "./types.js";

export const recommended: Preset = {
  name: "recommended",
  description: "Integrity checks for any threat model of this family, ThreatComposer exports included.",
  rules: {
    // Invalid UTF-8 is read as U+FFFD, so the other rules see altered text. It is a warning because they still run.
    "text-encoding": "warn",
    // A ThreatComposer export of a workspace with no threats has no Threats section at all.
    "section-required": ["warn", { sections: ["threats"], allowNested: true }],
    "section-order": "warn",
    "table-required": [
      "error",
      { tables: ["assumptions", "threats", "mitigations", "impacted-assets", "existing-controls", "residual-threats"] },
    ],
    "table-columns": [
      "error",
      {
        // Older exports have no Status columns; a threats-only export drops the link columns.
        optional: [
          "threats.status",
          "threats.mitigations",
          "threats.assumptions",
          "threats.comments",
          "mitigations.status",
          "mitigations.comments",
          "assumptions.comments",
          "residual-threats.aws-services",
          "residual-threats.comments",
          "existing-controls.comments",
          "data-flows.assets",
        ],
        allowExtra: true,
      },
    ],
    "table-row-shape": "error",
    "id-format": "error",
    "id-unique": "error",
    "xref-target-exists": "error",
    "xref-bidirectional": "error",
    "residual-threat-coverage": "warn",
    // Cross-references: ThreatComposer exports quote full statements and anchor their rows,
    // but leave asset rows, which nothing links to, without an anchor.
    "xref-format": "error",
    "xref-full-statement": "warn",
    "xref-statement-sync": "error",
    "id-anchor": ["error", { requireUnlinked: false }],
    // ThreatComposer's grammar allows "with"/"that" prerequisites and "negatively impacting".
    "threat-statement-grammar": ["warn", { grammar: "threat-composer" }],
    // Evidence prefixes, quantified impact and actual component names are the template's own demands.
    "threat-evidence-prefix": "off",
    "threat-quantified-impact": "off",
    "no-generic-component-names": "off",
    // ThreatComposer's status labels; priority and STRIDE may be unset in an export.
    "cell-values": ["error", { statuses: ["Identified", "Resolved", "Not Useful", "In-progress", "Will not action", "NoSet"], allowEmpty: true }],
    "well-architected-ids": "warn",
    "no-prose-in-table-sections": "warn",
    "no-forbidden-sections": "warn",
    // The methodology's best-practice list recommends the coverage percentages its format rules forbid.
    "no-coverage-percentages": "off",
    // ThreatComposer renders Markdown in Comments as HTML, lists and code blocks included.
    "html-in-cells": ["warn", { allowed: [...TEMPLATE_CELL_TAGS, "ul", "ol", "li", "pre", "blockquote", "hr", "img"] }],
    "table-blank-line-before": "warn",
    // ThreatComposer exports hold free text outside their tables, with images for diagrams,
    // and may leave a threat without a mitigation.
    "required-subsections": "off",
    "disclaimers": "off",
    "diagram-required": ["warn", { accept: ["ascii", "image", "mermaid"] }],
    "dataflow-consistency": "warn",
    "no-orphan-entities": "off",
    "ai-ml-threat-coverage": "off",
    "tc-json-schema": "error",
    "tc-json-unique-ids": "error",
    "tc-json-links": "warn",
    "tc-json-statement": "error",
    // Compares NAME.md with NAME.tc.json when that file exists; a missing one is not reported.
    "tc-json-companion": ["error", { require: false }],
  },
};

export const strict: Preset = {
  name: "strict",
  description: "The Threat Model Generation Methodology v2.0 template in full.",
  rules: {
    "text-encoding": "warn",
    "section-required": "error",
    "section-order": "error",
    "table-required": "error",
    "table-columns": ["error", { optional: [], allowExtra: true }],
    "table-row-shape": "error",
    "id-format": "error",
    "id-unique": "error",
    "xref-target-exists": "error",
    "xref-bidirectional": "error",
    "residual-threat-coverage": "error",
    "xref-format": "error",
    "xref-full-statement": "error",
    "xref-statement-sync": "error",
    "id-anchor": "error",
    "threat-statement-grammar": "error",
    "threat-evidence-prefix": "error",
    "threat-quantified-impact": "error",
    "no-generic-component-names": "error",
    "cell-values": "error",
    // The template marks its Well-Architected mappings optional.
    "well-architected-ids": "warn",
    "no-prose-in-table-sections": "error",
    "no-forbidden-sections": "error",
    "no-coverage-percentages": "error",
    "html-in-cells": "error",
    "table-blank-line-before": "error",
    "required-subsections": "error",
    // The quality checklist requires disclaimers only "if applicable".
    "disclaimers": "warn",
    "diagram-required": "error",
    "dataflow-consistency": "error",
    "no-orphan-entities": "error",
    // The AI/ML categories are guidance, not one of the template's rejection rules.
    "ai-ml-threat-coverage": "warn",
    "tc-json-schema": "error",
    "tc-json-unique-ids": "error",
    // A dangling link loses nothing ThreatComposer shows, so it stays a warning here too.
    "tc-json-links": "warn",
    "tc-json-statement": "error",
    "tc-json-companion": ["error", { require: true }],
  },
};

/**
 * `threat-composer`: documents exported by AWS ThreatComposer. Its Markdown export has up to
 * eight parts in a fixed order (the application name as the title, then Application Info,
 * Architecture, Dataflow, Assumptions, Threats, Mitigations and Impacted Assets), writes a
 * section only when it has data, anchors each assumption, threat and mitigation row with
 * `<a name="T-0001"></a>`, and quotes full statements in every cross-reference.
 */
export const threatComposer: Preset = {
  name: "threat-composer",
  description: "Documents exported by AWS ThreatComposer, with or without the Status columns of newer exports.",
  rules: {
    "text-encoding": "warn",
    // A "threats only" export holds just the Threats section; a full export omits empty ones.
    "section-required": ["warn", { sections: ["threats"], allowNested: true }],
    "section-order": "error",
    "table-required": ["error", { tables: ["assumptions", "threats", "mitigations", "impacted-assets"] }],
    "table-columns": [
      "error",
      {
        // Older exports have no Status columns; a threats-only export drops the two link columns.
        optional: ["threats.status", "mitigations.status", "threats.mitigations", "threats.assumptions"],
        allowExtra: true,
      },
    ],
    "table-row-shape": "error",
    "table-blank-line-before": "error",
    "id-format": "error",
    "id-unique": "error",
    // Asset rows carry no anchor, and nothing links to them.
    "id-anchor": ["error", { requireUnlinked: false }],
    "xref-target-exists": "error",
    "xref-bidirectional": "error",
    "xref-format": "error",
    "xref-full-statement": "error",
    "xref-statement-sync": "error",
    // ThreatComposer's grammar: any prerequisite words, "negatively impacting" as an ending,
    // and statement parts that may be left out, so a partial statement is only a warning.
    "threat-statement-grammar": ["warn", { grammar: "threat-composer" }],
    // The status labels of both tables, and `NoSet` for an unset status.
    "cell-values": ["error", { statuses: ["Identified", "Resolved", "Not Useful", "In-progress", "Will not action", "NoSet"], allowEmpty: true }],
    // Comments are Markdown rendered to HTML, lists and code blocks included.
    "html-in-cells": ["warn", { allowed: [...TEMPLATE_CELL_TAGS, "ul", "ol", "li", "pre", "blockquote", "hr", "img"] }],
    "no-prose-in-table-sections": "warn",
    "no-forbidden-sections": "warn",
    "tc-json-schema": "error",
    "tc-json-unique-ids": "error",
    "tc-json-links": "warn",
    "tc-json-statement": "error",
    "tc-json-companion": ["error", { require: false }],
  },
};

export const presets: Readonly<Record<string, Preset>> = { recommended, strict, "threat-composer": threatComposer };
