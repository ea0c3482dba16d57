#!/usr/bin/env node
// Deterministic generator of strict-template threat models for the benchmark.
//
//   node bench/generate.mjs --threats 500 --seed 1 --out /tmp/tm-500.md
//   node bench/generate.mjs --repo 200 --threats 50 --seed 1 --out /tmp/tm-repo
//   node bench/generate.mjs --table-rows 20000 --seed 1 --out /tmp/tm-table.md
//
// The same options and seed always produce the same bytes. A document of N threats has N/2 assumptions,
// N mitigations, N/4 assets and N/4 existing controls (mixed Effective, Partial and Ineffective), plus one
// residual threat for each Partial or Ineffective control. Cross-references carry the full statement of
// their target, and every threat-mitigation, threat-assumption and assumption-mitigation link appears
// on both sides.

import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";

import {
  buildModel,
  fill,
  formatCount,
  formatId,
  intBetween,
  mulberry32,
  pick,
  shuffle,
  threatStatement,
} from "./model.mjs";
import {
  ASSUMPTIONS,
  AWS_SERVICES,
  COMPONENTS,
  EVIDENCE_PREFIXES,
  MITIGATIONS,
  WELL_ARCHITECTED_IDS,
} from "./vocabulary.mjs";

/** @typedef {import("./model.mjs").Model} Model */
/** @typedef {import("./model.mjs").Random} Random */
/** @typedef {import("./model.mjs").Threat} Threat */
/** @typedef {import("./model.mjs").LinkedItem} LinkedItem */

/** @param {string} id */
function link(id) {
  return `[**${id}**](#${id})`;
}

/** Return the ID cell of a defining row: an HTML anchor, so that `#T-0001` has a target, plus the self-link. */
function idCell(/** @type {string} */ id) {
  return `<a id="${id}"></a>${link(id)}`;
}

/** @param {{ id: string, text: string }[]} targets */
function crossReferences(targets) {
  return targets.map((target) => `${link(target.id)}: ${target.text}`).join("<br/>");
}

/** @param {readonly string[]} cells */
function tableRow(cells) {
  return `| ${cells.join(" | ")} |`;
}

/** @param {readonly string[]} headers @param {readonly (readonly string[])[]} rows */
function table(headers, rows) {
  const lines = [tableRow(headers), tableRow(headers.map(() => "---"))];
  for (const row of rows) lines.push(tableRow(row));
  return lines.join("\n");
}

/** @param {Model} model */
function threatTargets(model, /** @type {number[]} */ indexes) {
  return indexes.map((index) => {
    const threat = /** @type {Threat} */ (model.threats[index]);
    return { id: threat.id, text: threat.statement };
  });
}

/** @param {LinkedItem[]} items @param {number[]} indexes */
function itemTargets(items, indexes) {
  return indexes.map((index) => {
    const item = /** @type {LinkedItem} */ (items[index]);
    return { id: item.id, text: item.text };
  });
}

/** @param {Model} model @param {Random} random */
function renderApplicationInfo(model, random) {
  const name = model.applicationName;
  const [first, second, third] = model.components;
  return [
    "## Section 1: Application Info",
    "",
    "### Disclaimers",
    "",
    "_**1. Motivation for externalizing this threat model:**_",
    "",
    `_This threat model of ${name} is shared for review. It reflects the design at the time of writing and ` +
      "carries no warranty; readers should adapt it to their own deployment and risk appetite._",
    "",
    "_**2. Criteria for prioritizing threats:**_",
    "",
    "_Threats are ranked by their effect on the confidentiality, integrity and availability of the system " +
      "and its data, weighed against the business context described below._",
    "",
    "_**3. Agreement:**_",
    "",
    "_Use of the cloud services named here is governed by the agreement between the operator and its provider._",
    "",
    "### Summary",
    "",
    `${name} processes about ${formatCount(intBetween(random, 1000, 90000))} orders a day for ` +
      `${formatCount(intBetween(random, 50, 4000))} merchant tenants. The ${first} receives requests, the ` +
      `${second} stores state and the ${third} handles asynchronous work.`,
    "",
    "### Key Features",
    "",
    ...model.components.slice(0, 5).map((component) => `- Self-service configuration of the ${component}`),
    "",
    "### Architecture and Documentation References",
    "",
    "- Architecture overview: `docs/architecture/overview.md`",
    "- Deployment guide: `docs/operations/deploy.md`",
    "- Infrastructure code: `infra/`",
    "",
  ].join("\n");
}

/** Draw a box of fixed inner width around centred text. @param {string} text @param {number} width */
function box(text, width) {
  const padding = width - text.length;
  const left = " ".repeat(Math.floor(padding / 2));
  const right = " ".repeat(Math.ceil(padding / 2));
  return [`┌${"─".repeat(width)}┐`, `│${left}${text}${right}│`, `└${"─".repeat(width)}┘`];
}

/** @param {Model} model */
function renderArchitecture(model) {
  const layers = [
    { name: "Edge Layer", components: model.components.slice(0, 3) },
    { name: "Application Layer", components: model.components.slice(3, 6) },
    { name: "Data Layer", components: model.components.slice(6, 10) },
  ];
  const width = 40;
  const diagram = [`+${"-".repeat(width + 4)}+`, `|  ${`${model.applicationName} Architecture`.padEnd(width + 2)}|`];
  for (const layer of layers) {
    diagram.push(`+${"-".repeat(width + 4)}+`, `|  ${layer.name.padEnd(width + 2)}|`);
    for (const component of layer.components) {
      for (const line of box(component, width - 2)) diagram.push(`|  ${line.padEnd(width + 2)}|`);
    }
  }
  diagram.push(`+${"-".repeat(width + 4)}+`);

  return [
    "## Section 2: Architecture",
    "",
    "### Introduction",
    "",
    `${model.applicationName} is a serverless application split into an edge, an application and a data layer.`,
    "",
    "### Key Benefits",
    "",
    "- **Isolation**: each tenant's data sits behind its own encryption key.",
    "- **Scalability**: the edge layer scales with request volume without manual steps.",
    "- **Auditability**: every administrative change is written to the audit log.",
    "- **Operability**: deployments go through one reviewed pipeline.",
    "",
    "### Architecture Components",
    "",
    ...layers.flatMap((layer) => [
      `**${layer.name}**`,
      "",
      ...layer.components.map((component) => `- ${component}: serves the ${layer.name.toLowerCase()}`),
      "",
    ]),
    "### Workflow",
    "",
    ...model.components.slice(0, 5).map((component, index) => `${index + 1}. **Step ${index + 1}**: the ${component} handles the request`),
    "",
    "### Architecture Diagram",
    "",
    "```text",
    ...diagram,
    "```",
    "",
  ].join("\n");
}

/** @param {Model} model */
function renderDataflow(model) {
  const entities = ["Customer", ...model.components.slice(0, 6)];
  const flows = entities.slice(1).map((target, index) => ({
    id: `DF${index + 1}`,
    source: /** @type {string} */ (entities[index]),
    target,
  }));
  const boundaries = flows.filter((_, index) => index % 2 === 0).map((flow, index) => ({ id: `TB${index + 1}`, flow }));

  const width = 44;
  /** @type {string[]} */
  const diagram = [];
  entities.forEach((entity, index) => {
    for (const line of box(entity, width - 8)) diagram.push(`    ${line}`);
    const flow = flows[index];
    if (flow === undefined) return;
    diagram.push(`${" ".repeat(width / 2)}│ ${flow.id}`, `${" ".repeat(width / 2)}▼`);
    const boundary = boundaries.find((candidate) => candidate.flow === flow);
    if (boundary !== undefined) {
      const label = `${boundary.id} Trust Boundary`;
      const padding = width - label.length;
      diagram.push(
        `╔${"═".repeat(width)}╗`,
        `║${" ".repeat(Math.floor(padding / 2))}${label}${" ".repeat(Math.ceil(padding / 2))}║`,
        `╚${"═".repeat(width)}╝`,
        `${" ".repeat(width / 2)}▼`,
      );
    }
  });

  return [
    "## Section 3: Dataflow",
    "",
    "### Introduction",
    "",
    "Requests enter from the internet, pass the edge layer and reach the data layer through the application layer.",
    "",
    "### Entities Table",
    "",
    table(
      ["Entity", "Description"],
      entities.map((entity) => [entity, entity === "Customer" ? "A person using the web or mobile client" : `The ${entity}`]),
    ),
    "",
    "### Data Flows Definition Table",
    "",
    table(
      ["Flow Identifier", "Flow Description", "Source Entity", "Target Entity", "Assets"],
      flows.map((flow) => [flow.id, `${flow.source} calls ${flow.target}`, flow.source, flow.target, "Request payload, session token"]),
    ),
    "",
    "### Trust Boundaries Table",
    "",
    table(
      ["Boundary Identifier", "Purpose", "Source Entity", "Target Entity"],
      boundaries.map(({ id, flow }) => [id, `Authenticates calls into the ${flow.target}`, flow.source, flow.target]),
    ),
    "",
    "### Possible Threat Sources Table",
    "",
    table(
      ["Category", "Description", "Examples"],
      [
        ["Legitimate Users", "Users who trigger faults by accident", "A merchant administrator, A customer"],
        ["Malicious Internal Actors", "Insiders who cause harm on purpose", "A support engineer, A developer"],
        ["External Threat Actors", "Attackers on the internet", "A botnet operator, An external attacker"],
        ["Untrusted Third Parties", "Partners that send malformed data", "A payment partner"],
      ],
    ),
    "",
    "### Dataflow Diagram",
    "",
    "```text",
    ...diagram,
    "```",
    "",
  ].join("\n");
}

/** @param {Model} model */
function renderAssumptions(model) {
  const rows = model.assumptions.map((assumption) => [
    idCell(assumption.id),
    assumption.text,
    crossReferences(threatTargets(model, assumption.threats)),
    crossReferences(itemTargets(model.mitigations, assumption.mitigations)),
    assumption.comment,
  ]);
  return [
    "## Section 4: Assumptions Table",
    "",
    table(["Assumption Number", "Assumption", "Linked Threats", "Linked Mitigations", "Comments"], rows),
    "",
  ].join("\n");
}

/** @param {Model} model */
function renderThreats(model) {
  const rows = model.threats.map((threat) => [
    idCell(threat.id),
    `${threat.evidencePrefix} ${threat.statement}`,
    crossReferences(itemTargets(model.mitigations, threat.mitigations)),
    crossReferences(itemTargets(model.assumptions, threat.assumptions)),
    "Identified",
    threat.priority,
    threat.stride,
    threat.comment,
  ]);
  return [
    "## Section 5: Threats Table",
    "",
    table(["Threat Number", "Threat", "Mitigations", "Assumptions", "Status", "Priority", "STRIDE", "Comments"], rows),
    "",
  ].join("\n");
}

/** @param {Model} model */
function renderMitigations(model) {
  const rows = model.mitigations.map((mitigation) => [
    idCell(mitigation.id),
    mitigation.text,
    crossReferences(threatTargets(model, mitigation.threats)),
    crossReferences(itemTargets(model.assumptions, mitigation.assumptions)),
    "Identified",
    mitigation.comment,
  ]);
  return [
    "## Section 6: Mitigations Table",
    "",
    table(["Mitigation Number", "Mitigation", "Threats Mitigating", "Assumptions", "Status", "Comments"], rows),
    "",
  ].join("\n");
}

/** @param {Model} model */
function renderAssets(model) {
  const rows = model.assets.map((asset) => [idCell(asset.id), asset.name, crossReferences(threatTargets(model, asset.threats))]);
  return ["## Section 7: Impacted Assets Table", "", table(["Asset Number", "Asset", "Related Threats"], rows), ""].join("\n");
}

/** @param {Model} model */
function renderControls(model) {
  const rows = model.controls.map((control) => [
    idCell(control.id),
    control.name,
    control.type,
    control.evidence,
    crossReferences(threatTargets(model, control.threats)),
    control.effectiveness,
    control.gap,
    control.comment,
  ]);
  const headers = [
    "Control Number",
    "Control Name",
    "Control Type",
    "Implementation Evidence",
    "Threats Addressed",
    "Effectiveness",
    "Gaps/Weaknesses",
    "Comments",
  ];
  return ["## Section 8: Existing Controls Table", "", table(headers, rows), ""].join("\n");
}

/**
 * Render one residual threat for each Partial or Ineffective control. Its statement is the statement of
 * the first threat that the control addresses, and it recommends that threat's mitigations.
 * @param {Model} model
 * @param {Random} random
 */
function renderResidualThreats(model, random) {
  const rows = [];
  for (const control of model.controls) {
    if (control.effectiveness === "Effective") continue;
    const threat = /** @type {Threat} */ (model.threats[/** @type {number} */ (control.threats[0])]);
    rows.push([
      idCell(formatId("RT", rows.length)),
      threat.statement,
      crossReferences([{ id: control.id, text: control.gap }]),
      crossReferences(itemTargets(model.mitigations, threat.mitigations)),
      threat.priority,
      pick(random, ["Low (< 1 week)", "Medium (1-3 weeks)", "High (> 3 weeks)"]),
      shuffle(random, AWS_SERVICES).slice(0, 2).join("<br/>"),
      pick(random, ["High to Low", "High to Medium", "Critical to Medium", "Medium to Low"]),
      `<p>Implementation: apply the recommended mitigations to the controls listed in ${control.id}.</p>` +
        `<p>Validation: repeat the attack path of ${threat.id} and confirm that it is blocked ` +
        `in ${intBetween(random, 3, 40)} test cases.</p>`,
    ]);
  }
  const headers = [
    "Residual Threat Number",
    "Residual Threat",
    "Current Control Gaps",
    "Recommended Mitigation",
    "Priority",
    "Implementation Effort",
    "AWS Services Required",
    "Expected Risk Reduction",
    "Comments",
  ];
  return ["## Section 9: Residual Threats and Recommended Mitigations Table", "", table(headers, rows), ""].join("\n");
}

/** @param {Model} model */
function renderWellArchitected(model) {
  /** @type {Map<string, number>} */
  const counts = new Map();
  for (const mitigation of model.mitigations) {
    const match = /(SEC|REL)-\d\d/.exec(mitigation.comment);
    if (match !== null) counts.set(match[0], (counts.get(match[0]) ?? 0) + 1);
  }
  const rows = [...counts.entries()].sort().map(([id, count]) => [id, id.startsWith("SEC") ? "Security" : "Reliability", String(count)]);
  return [
    "## Section 10: AWS Well-Architected Framework Mappings",
    "",
    table(["Best Practice", "Pillar", "Mitigations Mapped"], rows),
    "",
  ].join("\n");
}

/**
 * Generate one strict-template threat model with all ten sections.
 * @param {{ threats: number, seed: number }} options
 * @returns {string}
 */
export function generateDocument({ threats, seed }) {
  const random = mulberry32(seed);
  const model = buildModel(threats, random);
  return [
    `# ${model.applicationName} - Threat Model`,
    "",
    renderApplicationInfo(model, random),
    renderArchitecture(model),
    renderDataflow(model),
    renderAssumptions(model),
    renderThreats(model),
    renderMitigations(model),
    renderAssets(model),
    renderControls(model),
    renderResidualThreats(model, random),
    renderWellArchitected(model),
  ].join("\n");
}

/**
 * Generate a document that holds only one Threats table of `rows` rows. The Mitigations and Assumptions
 * cells hold plain text instead of links, because the document defines no mitigations or assumptions,
 * and the Comments cell holds only the Well-Architected mapping, which keeps 20,000 rows near 11 MB.
 * IDs past T-9999 take a fifth digit.
 * @param {{ rows: number, seed: number }} options
 * @returns {string}
 */
export function generateThreatsTable({ rows, seed }) {
  const random = mulberry32(seed);
  const components = COMPONENTS.slice(0, 10);
  const lines = [
    "# Threat Table Stress Test - Threat Model",
    "",
    "## Section 5: Threats Table",
    "",
    tableRow(["Threat Number", "Threat", "Mitigations", "Assumptions", "Status", "Priority", "STRIDE", "Comments"]),
    tableRow(Array.from({ length: 8 }, () => "---")),
  ];
  for (let index = 0; index < rows; index += 1) {
    const component = pick(random, components);
    lines.push(
      tableRow([
        idCell(formatId("T", index)),
        `${pick(random, EVIDENCE_PREFIXES)} ${threatStatement(random, component)}`,
        fill(pick(random, MITIGATIONS), random, component),
        fill(pick(random, ASSUMPTIONS), random, component),
        "Identified",
        pick(random, ["Critical", "High", "Medium", "Low"]),
        pick(random, ["S", "T", "R", "I", "D", "E"]),
        `<p>AWS Well-Architected mapping: ${pick(random, WELL_ARCHITECTED_IDS)}</p>`,
      ]),
    );
  }
  lines.push("");
  return lines.join("\n");
}

/**
 * Write `documents` separate threat models of `threats` threats each into `directory` as
 * `threat-model-001.md`, … Document k uses seed `seed + k`, so the documents differ.
 * @param {{ documents: number, threats: number, seed: number, directory: string }} options
 * @returns {string[]} The paths written, in order.
 */
export function writeRepository({ documents, threats, seed, directory }) {
  mkdirSync(directory, { recursive: true });
  const width = Math.max(3, String(documents).length);
  const paths = [];
  for (let index = 0; index < documents; index += 1) {
    const path = join(directory, `threat-model-${String(index + 1).padStart(width, "0")}.md`);
    writeFileSync(path, generateDocument({ threats, seed: seed + index }));
    paths.push(path);
  }
  return paths;
}

const USAGE = `Usage:
  node bench/generate.mjs --threats N [--seed S] --out FILE
  node bench/generate.mjs --repo M --threats N [--seed S] --out DIRECTORY
  node bench/generate.mjs --table-rows R [--seed S] --out FILE

--threats      threats per document (default 50)
--repo         write M documents into DIRECTORY instead of one file
--table-rows   write one Threats table of R rows instead of a full document
--seed         seed of the pseudo-random generator (default 1)
--out          output file, or directory with --repo`;

/**
 * Parse an integer option of at least `minimum`; exit with a usage message on anything else.
 * @param {string | undefined} value
 * @param {string} name
 * @param {number} fallback
 * @param {number} [minimum]
 */
function integerOption(value, name, fallback, minimum = 1) {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isSafeInteger(parsed) || parsed < minimum) {
    console.error(`Invalid --${name} \`${value}\`: expected an integer of at least ${minimum}.\n\n${USAGE}`);
    process.exit(2);
  }
  return parsed;
}

function main() {
  const { values } = parseArgs({
    options: {
      threats: { type: "string" },
      repo: { type: "string" },
      "table-rows": { type: "string" },
      seed: { type: "string" },
      out: { type: "string" },
      help: { type: "boolean" },
    },
  });
  if (values.help === true) {
    console.log(USAGE);
    return;
  }
  if (values.out === undefined) {
    console.error(`Missing --out: name the output file or directory.\n\n${USAGE}`);
    process.exit(2);
  }
  const seed = integerOption(values.seed, "seed", 1, 0);
  const threats = integerOption(values.threats, "threats", 50);

  if (values.repo !== undefined) {
    const documents = integerOption(values.repo, "repo", 1);
    writeRepository({ documents, threats, seed, directory: values.out });
  } else if (values["table-rows"] !== undefined) {
    const rows = integerOption(values["table-rows"], "table-rows", 1);
    writeFileSync(values.out, generateThreatsTable({ rows, seed }));
  } else {
    writeFileSync(values.out, generateDocument({ threats, seed }));
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) main();
