/**
 * The built-in rules, keyed by id. A test checks that this list matches the files in
 * `rules/`, so a new rule file must be added here.
 */

import type { AnyRule } from "../src/types.js";
import aiMlThreatCoverage from "./ai-ml-threat-coverage.js";
import cellValues from "./cell-values.js";
import dataflowConsistency from "./dataflow-consistency.js";
import diagramRequired from "./diagram-required.js";
import disclaimers from "./disclaimers.js";
import htmlInCells from "./html-in-cells.js";
import idAnchor from "./id-anchor.js";
import idFormat from "./id-format.js";
import idUnique from "./id-unique.js";
import noCoveragePercentages from "./no-coverage-percentages.js";
import noForbiddenSections from "./no-forbidden-sections.js";
import noGenericComponentNames from "./no-generic-component-names.js";
import noOrphanEntities from "./no-orphan-entities.js";
import noProseInTableSections from "./no-prose-in-table-sections.js";
import requiredSubsections from "./required-subsections.js";
import residualThreatCoverage from "./residual-threat-coverage.js";
import sectionOrder from "./section-order.js";
import sectionRequired from "./section-required.js";
import tableBlankLineBefore from "./table-blank-line-before.js";
import tableColumns from "./table-columns.js";
import tableRequired from "./table-required.js";
import tableRowShape from "./table-row-shape.js";
import tcJsonCompanion from "./tc-json-companion.js";
import tcJsonLinks from "./tc-json-links.js";
import tcJsonSchema from "./tc-json-schema.js";
import tcJsonStatement from "./tc-json-statement.js";
import tcJsonUniqueIds from "./tc-json-unique-ids.js";
import textEncoding from "./text-encoding.js";
import threatEvidencePrefix from "./threat-evidence-prefix.js";
import threatQuantifiedImpact from "./threat-quantified-impact.js";
import threatStatementGrammar from "./threat-statement-grammar.js";
import wellArchitectedIds from "./well-architected-ids.js";
import xrefBidirectional from "./xref-bidirectional.js";
import xrefFormat from "./xref-format.js";
import xrefFullStatement from "./xref-full-statement.js";
import xrefStatementSync from "./xref-statement-sync.js";
import xrefTargetExists from "./xref-target-exists.js";

export const builtinRules: readonly AnyRule[] = [
  textEncoding,
  sectionRequired,
  sectionOrder,
  tableRequired,
  tableColumns,
  tableRowShape,
  idFormat,
  idUnique,
  xrefTargetExists,
  xrefBidirectional,
  residualThreatCoverage,
  xrefFormat,
  xrefFullStatement,
  xrefStatementSync,
  idAnchor,
  threatStatementGrammar,
  threatEvidencePrefix,
  threatQuantifiedImpact,
  noGenericComponentNames,
  cellValues,
  wellArchitectedIds,
  noProseInTableSections,
  noForbiddenSections,
  noCoveragePercentages,
  htmlInCells,
  tableBlankLineBefore,
  requiredSubsections,
  disclaimers,
  diagramRequired,
  dataflowConsistency,
  noOrphanEntities,
  aiMlThreatCoverage,
  tcJsonSchema,
  tcJsonUniqueIds,
  tcJsonLinks,
  tcJsonStatement,
  tcJsonCompanion,
];

export const ruleRegistry: ReadonlyMap<string, AnyRule> = new Map(builtinRules.map((rule) => [rule.meta.id, rule]));
