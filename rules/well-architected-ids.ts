/**
 * Requires AWS Well-Architected question references such as `SEC-03` (or AWS's own `SEC03`,
 * as in `SEC03-BP02`) to fall inside their pillar's range. The default ranges are the
 * template's: SEC-01 to SEC-11, REL-01 to REL-13, PERF-01 to PERF-05, COST-01 to COST-10 and
 * OPS-01 to OPS-11. References are read from all text outside code blocks, HTML included.
 */

import { defineRule } from "../src/rule.js";
import { rangeOfNode } from "../src/parse/cells.js";
import { allNodes } from "../src/parse/node-index.js";
import type { Range, ThreatModel } from "../src/types.js";

interface Options {
  /** The number of questions per pillar prefix. */
  pillars: Record<string, number>;
}

const PILLAR_NAMES: Record<string, string> = {
  SEC: "Security",
  REL: "Reliability",
  PERF: "Performance Efficiency",
  COST: "Cost Optimization",
  OPS: "Operational Excellence",
  SUS: "Sustainability",
};

export default defineRule<Options, "outOfRange" | "unpadded">({
  meta: {
    id: "well-architected-ids",
    description: "Require AWS Well-Architected references such as `SEC-03` to fall inside their pillar's range.",
    defaultSeverity: "error",
    schema: {
      type: "object",
      properties: {
        pillars: {
          type: "object",
          propertyNames: { pattern: "^[A-Z]{2,6}$" },
          additionalProperties: { type: "integer", minimum: 1, maximum: 99 },
        },
      },
      additionalProperties: false,
    },
    defaultOptions: { pillars: { SEC: 11, REL: 13, PERF: 5, COST: 10, OPS: 11 } },
    messages: {
      outOfRange: "Well-Architected reference `{{reference}}` is outside the {{pillar}} pillar's range {{first}} to {{last}}; fix the question number.",
      unpadded: "Well-Architected reference `{{reference}}` has a one-digit number; write `{{expected}}`.",
    },
  },

  check({ model, options, report }) {
    const prefixes = Object.keys(options.pillars).filter((prefix) => /^[A-Z]{2,6}$/.test(prefix));
    if (prefixes.length === 0) return;
    // The lookbehind keeps `BSC-SEC-01` (a baseline-control ID) and `XSEC-01` out.
    const reference = new RegExp(`(?<![\\w-])(${prefixes.join("|")})(-?)(\\d{1,3})(?!\\d)`, "g");

    for (const { node } of allNodes(model.root)) {
      if (node.type !== "text" && node.type !== "inlineCode" && node.type !== "html") continue;
      const nodeRange = rangeOfNode(node);
      if (!nodeRange) continue;
      for (const match of node.value.matchAll(reference)) {
        const [written, prefix = "", hyphen = "", digits = ""] = match;
        const range = locate(model, node.value, nodeRange, match.index, written.length);
        const number = Number.parseInt(digits, 10);
        const last = options.pillars[prefix] ?? 0;
        if (number < 1 || number > last) {
          report({
            messageId: "outOfRange",
            data: { reference: written, pillar: PILLAR_NAMES[prefix] ?? prefix, first: `${prefix}${hyphen}01`, last: `${prefix}${hyphen}${String(last).padStart(2, "0")}` },
            range,
          });
        } else if (digits.length === 1) {
          const expected = `${prefix}${hyphen}${digits.padStart(2, "0")}`;
          report({
            messageId: "unpadded",
            data: { reference: written, expected },
            range,
            ...(range !== nodeRange ? { fix: { range: { start: range.start.offset, end: range.end.offset }, text: expected } } : {}),
          });
        }
      }
    }
  },
});

/** Returns the range of a match inside a node, or the node's range when its source differs from its value. */
function locate(model: ThreatModel, value: string, nodeRange: Range, index: number, length: number): Range {
  if (model.text.slice(nodeRange.start.offset, nodeRange.end.offset) !== value) return nodeRange;
  return model.rangeOf(nodeRange.start.offset + index, nodeRange.start.offset + index + length);
}
