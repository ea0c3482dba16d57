// The cross-linked content of a generated threat model (threats, assumptions, mitigations, assets,
// controls) and the seeded random helpers that fill it, kept apart from the Markdown rendering in
// bench/generate.mjs.

import {
  ACTIONS,
  ACTORS,
  APPLICATION_NAMES,
  ASSET_KINDS,
  ASSUMPTIONS,
  BUSINESS_IMPACTS,
  CAPABILITIES,
  COMPONENTS,
  CONTROL_GAPS,
  CONTROL_NAMES,
  EVIDENCE_PREFIXES,
  IMPACTS,
  MITIGATIONS,
  SOURCE_FILES,
  WELL_ARCHITECTED_IDS,
} from "./vocabulary.mjs";

/** @typedef {() => number} Random A generator of floats in [0, 1). */

/**
 * @typedef {object} Threat
 * @property {string} id
 * @property {string} statement
 * @property {string} evidencePrefix
 * @property {number[]} mitigations Indexes into the mitigation list.
 * @property {number[]} assumptions Indexes into the assumption list.
 * @property {string} priority
 * @property {string} stride
 * @property {string} comment
 */

/**
 * @typedef {object} LinkedItem An assumption or mitigation.
 * @property {string} id
 * @property {string} text
 * @property {number[]} threats
 * @property {number[]} assumptions Mitigations only: the linked assumptions.
 * @property {number[]} mitigations Assumptions only: the linked mitigations.
 * @property {string} comment
 */

/**
 * @typedef {object} Control
 * @property {string} id
 * @property {string} name
 * @property {string} type
 * @property {string} evidence
 * @property {number[]} threats
 * @property {"Effective" | "Partial" | "Ineffective"} effectiveness
 * @property {string} gap
 * @property {string} comment
 */

/**
 * @typedef {object} Model
 * @property {string} applicationName
 * @property {string[]} components The components this document draws and cites.
 * @property {Threat[]} threats
 * @property {LinkedItem[]} assumptions
 * @property {LinkedItem[]} mitigations
 * @property {{ id: string, name: string, threats: number[] }[]} assets
 * @property {Control[]} controls
 */

/**
 * Create the mulberry32 generator: a 32-bit state, period 2^32, good enough for test data and the same
 * on every platform.
 * @param {number} seed
 * @returns {Random}
 */
export function mulberry32(seed) {
  let state = seed >>> 0;
  return function next() {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = state;
    mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * @template T
 * @param {Random} random
 * @param {readonly T[]} list
 * @returns {T}
 */
export function pick(random, list) {
  return /** @type {T} */ (list[Math.floor(random() * list.length)]);
}

/**
 * Return a shuffled copy (Fisher-Yates), so the order depends only on the seed.
 * @template T
 * @param {Random} random
 * @param {readonly T[]} list
 * @returns {T[]}
 */
export function shuffle(random, list) {
  const copy = [...list];
  for (let index = copy.length - 1; index > 0; index -= 1) {
    const other = Math.floor(random() * (index + 1));
    [copy[index], copy[other]] = [/** @type {T} */ (copy[other]), /** @type {T} */ (copy[index])];
  }
  return copy;
}

/** @param {Random} random @param {number} min @param {number} max inclusive */
export function intBetween(random, min, max) {
  return min + Math.floor(random() * (max - min + 1));
}

/** Format an integer with comma thousands separators, independent of the locale. */
export function formatCount(/** @type {number} */ value) {
  const digits = String(value);
  let formatted = "";
  for (let index = 0; index < digits.length; index += 1) {
    const remaining = digits.length - index;
    formatted += digits[index];
    if (remaining > 1 && remaining % 3 === 1) formatted += ",";
  }
  return formatted;
}

/**
 * Replace `{c}` with the component, each `{n}` with a count from 3 to 48,000 and each `{k}` with a
 * count from 2 to 90.
 * @param {string} template
 * @param {Random} random
 * @param {string} component
 */
export function fill(template, random, component) {
  const large = template.replaceAll("{c}", component).split("{n}");
  return large
    .map((part) => {
      const small = part.split("{k}");
      return small.reduce((text, rest) => `${text}${intBetween(random, 2, 90)}${rest}`);
    })
    .reduce((text, rest) => `${text}${formatCount(intBetween(random, 3, 48000))}${rest}`);
}

/** @param {string} prefix @param {number} index zero-based */
export function formatId(prefix, index) {
  return `${prefix}-${String(index + 1).padStart(4, "0")}`;
}

/** @param {Random} random @param {string} component */
export function threatStatement(random, component) {
  const actor = pick(random, ACTORS);
  const article = /^[aeiou]/i.test(actor) ? "An" : "A";
  const capability = pick(random, CAPABILITIES);
  const action = fill(pick(random, ACTIONS), random, component);
  const impact = fill(pick(random, IMPACTS), random, component);
  const businessImpact = fill(pick(random, BUSINESS_IMPACTS), random, component);
  return `${article} ${actor} who ${capability} can ${action}, which leads to ${impact}, resulting in ${businessImpact}`;
}

/** @param {Random} random @param {string} component */
function evidenceComment(random, component) {
  const file = pick(random, SOURCE_FILES);
  const line = intBetween(random, 5, 900);
  return (
    `<p>AWS Well-Architected mapping: ${pick(random, WELL_ARCHITECTED_IDS)}</p>` +
    `<p>Evidence: \`${file}\` line ${line} configures the ${component} without this safeguard; ` +
    `${intBetween(random, 2, 40)} call sites depend on it.</p>`
  );
}

/** @param {number[]} list @param {number} value */
function addUnique(list, value) {
  if (!list.includes(value)) list.push(value);
}

/**
 * Build the cross-linked content of one document before any Markdown is written.
 * @param {number} threatCount
 * @param {Random} random
 * @returns {Model}
 */
export function buildModel(threatCount, random) {
  const assumptionCount = Math.max(1, Math.round(threatCount / 2));
  const mitigationCount = Math.max(1, threatCount);
  const assetCount = Math.max(1, Math.round(threatCount / 4));
  const controlCount = Math.max(1, Math.round(threatCount / 4));
  const components = shuffle(random, COMPONENTS).slice(0, 10);

  /** @type {Threat[]} */
  const threats = [];
  for (let index = 0; index < threatCount; index += 1) {
    const component = pick(random, components);
    // Mitigation `index` and assumption `index / 2` are always linked, so every row is referenced.
    const mitigations = [index % mitigationCount];
    const extraMitigations = intBetween(random, 1, 2);
    for (let extra = 0; extra < extraMitigations; extra += 1) {
      addUnique(mitigations, Math.floor(random() * mitigationCount));
    }
    const assumptions = [Math.floor(index / 2) % assumptionCount];
    if (random() < 0.3) addUnique(assumptions, Math.floor(random() * assumptionCount));
    threats.push({
      id: formatId("T", index),
      statement: threatStatement(random, component),
      evidencePrefix: pick(random, EVIDENCE_PREFIXES),
      mitigations: mitigations.sort((a, b) => a - b),
      assumptions: assumptions.sort((a, b) => a - b),
      priority: pick(random, ["Critical", "High", "High", "Medium", "Medium", "Low"]),
      stride: pick(random, ["S", "T", "R", "I", "D", "E", "S, T", "I, D", "T, E"]),
      comment: evidenceComment(random, component),
    });
  }

  /** @type {LinkedItem[]} */
  const mitigations = [];
  for (let index = 0; index < mitigationCount; index += 1) {
    const component = pick(random, components);
    mitigations.push({
      id: formatId("M", index),
      text: fill(pick(random, MITIGATIONS), random, component),
      threats: [],
      assumptions: [],
      mitigations: [],
      comment:
        `<p>Implementation: change the ${component} configuration in \`${pick(random, SOURCE_FILES)}\`.</p>` +
        `<p>AWS Well-Architected: ${pick(random, WELL_ARCHITECTED_IDS)}</p>`,
    });
  }

  /** @type {LinkedItem[]} */
  const assumptions = [];
  for (let index = 0; index < assumptionCount; index += 1) {
    const component = pick(random, components);
    assumptions.push({
      id: formatId("A", index),
      text: fill(pick(random, ASSUMPTIONS), random, component),
      threats: [],
      assumptions: [],
      mitigations: [],
      comment: `<p>Confirmed with the ${component} owners; review again after ${intBetween(random, 2, 12)} months.</p>`,
    });
  }

  // Fill in the reverse side of each link. A mitigation inherits the assumptions of the threats it
  // addresses, and each assumption lists those mitigations back.
  threats.forEach((threat, threatIndex) => {
    for (const mitigationIndex of threat.mitigations) {
      const mitigation = /** @type {LinkedItem} */ (mitigations[mitigationIndex]);
      addUnique(mitigation.threats, threatIndex);
      for (const assumptionIndex of threat.assumptions) addUnique(mitigation.assumptions, assumptionIndex);
    }
    for (const assumptionIndex of threat.assumptions) {
      addUnique(/** @type {LinkedItem} */ (assumptions[assumptionIndex]).threats, threatIndex);
    }
  });
  mitigations.forEach((mitigation, mitigationIndex) => {
    for (const assumptionIndex of mitigation.assumptions) {
      addUnique(/** @type {LinkedItem} */ (assumptions[assumptionIndex]).mitigations, mitigationIndex);
    }
  });
  for (const item of [...mitigations, ...assumptions]) {
    item.threats.sort((a, b) => a - b);
    item.assumptions.sort((a, b) => a - b);
    item.mitigations.sort((a, b) => a - b);
  }

  const assets = [];
  for (let index = 0; index < assetCount; index += 1) {
    const related = [];
    for (let threatIndex = index; threatIndex < threatCount; threatIndex += assetCount) related.push(threatIndex);
    assets.push({
      id: formatId("AS", index),
      name: `${pick(random, ASSET_KINDS)} held by the ${pick(random, components)}`,
      threats: related,
    });
  }

  /** @type {Control[]} */
  const controls = [];
  for (let index = 0; index < controlCount; index += 1) {
    const component = pick(random, components);
    const first = Math.min(index * 4, threatCount - 1);
    const addressed = [];
    for (let threatIndex = first; threatIndex < Math.min(first + 4, threatCount); threatIndex += 1) {
      addressed.push(threatIndex);
    }
    // About 40% Effective, 45% Partial and 15% Ineffective.
    const draw = random();
    /** @type {Control["effectiveness"]} */
    let effectiveness = "Ineffective";
    if (draw < 0.4) effectiveness = "Effective";
    else if (draw < 0.85) effectiveness = "Partial";
    const file = pick(random, SOURCE_FILES);
    controls.push({
      id: formatId("EC", index),
      name: `${pick(random, CONTROL_NAMES)} for the ${component}`,
      type: pick(random, ["Preventive", "Detective", "Corrective"]),
      evidence:
        `**Found in repo**: \`${file}\` Line ${intBetween(random, 5, 900)} - enables the control for the ${component}` +
        `<br/>**Found in architecture**: section ${intBetween(random, 2, 9)}.${intBetween(random, 1, 6)} ` +
        `lists ${intBetween(random, 2, 30)} routes behind it`,
      threats: addressed,
      effectiveness,
      gap: fill(pick(random, CONTROL_GAPS), random, component),
      comment:
        `<p>AWS Well-Architected: ${pick(random, WELL_ARCHITECTED_IDS)}</p>` +
        `<p>Recommendation: extend the control to the remaining routes of the ${component}.</p>`,
    });
  }

  return {
    applicationName: pick(random, APPLICATION_NAMES),
    components,
    threats,
    assumptions,
    mitigations,
    assets,
    controls,
  };
}
