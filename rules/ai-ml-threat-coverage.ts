/**
 * Requires a document that describes an AI/ML component to have threats in the four AI/ML
 * categories of the methodology: prompt injection and manipulation, model integrity, data
 * privacy and operational risks.
 *
 * Only the Architecture and Dataflow sections are read for AI/ML components: the standard
 * disclaimers in Application Info mention machine learning services whatever the system is.
 * Bare "model" is not a term, so "threat model" and "data model" do not count. Threats are
 * matched by keywords, so a threat counts for a category when its statement uses one of the
 * category's words.
 */

import type { Nodes } from "mdast";
import { walkTree } from "../src/parse/node-index.js";
import { defineRule } from "../src/rule.js";
import { entitiesOf } from "../src/model-util.js";
import { rangeOfNode } from "../src/parse/cells.js";
import type { Range, ThreatModel } from "../src/types.js";

type Category = "prompt-injection" | "model-integrity" | "data-privacy" | "operational";

interface Options {
  /** Words and phrases that name an AI/ML component. All-capital terms match case-sensitively. */
  terms: string[];
  categories: Category[];
}

const DEFAULT_TERMS = [
  "LLM",
  "large language model",
  "language model",
  "foundation model",
  "AI model",
  "ML model",
  "machine learning",
  "generative AI",
  "GenAI",
  "GPT",
  "RAG",
  "retrieval augmented generation",
  "prompt",
  "system prompt",
  "AI agent",
  "LLM agent",
  "agentic",
  "embedding",
  "vector database",
  "vector store",
  "training data",
  "fine-tuning",
  "model inference",
  "Amazon Bedrock",
  "Bedrock",
  "SageMaker",
  "chatbot",
];

interface CategorySpec {
  title: string;
  examples: string;
  /** Word stems; a statement with a word that starts with one of them counts. */
  stems: string[];
  /**
   * Stems that count only when the statement also names the model: a "backdoored" build
   * script or "cache poisoning" is not a threat to model integrity.
   */
  modelStems?: string[];
}

/** Words that show a statement is about the model itself. */
const MODEL_CONTEXT = ["model", "llm", "weights", "training", "fine-tun", "embedding", "adapter", "classifier", "knowledge base"];

const CATEGORIES: Record<Category, CategorySpec> = {
  "prompt-injection": {
    title: "prompt injection and manipulation",
    examples: "direct or indirect prompt injection, jailbreaks or leakage of the system prompt",
    stems: ["prompt", "jailbreak", "hidden instruction", "malicious instruction", "adversarial suffix", "instruction injection"],
  },
  "model-integrity": {
    title: "model integrity",
    examples: "poisoned training data, tampered model weights, adversarial inputs or model theft",
    stems: [
      "training data",
      "fine-tuning data",
      "fine tuning data",
      "model weight",
      "adversarial input",
      "adversarial example",
      "misclassif",
      "model theft",
      "model extraction",
      "distillation",
      "data poisoning",
      "model poisoning",
    ],
    modelStems: ["poison", "backdoor", "tamper", "manipulat", "corrupt", "steal", "stole", "exfiltrat", "replicat", "compromis"],
  },
  "data-privacy": {
    title: "data privacy",
    examples: "memorised training data, personal data in responses, inference or model inversion attacks",
    stems: [
      "privacy",
      "pii",
      "personal data",
      "personal information",
      "personally identifiable",
      "memori",
      "membership inference",
      "inversion",
      "leak",
      "exfiltrat",
      "disclos",
      "expos",
      "sensitive",
      "confidential",
    ],
  },
  operational: {
    title: "operational risks",
    examples: "cost exhaustion, hallucinations, bias or degraded model performance",
    stems: [
      "cost",
      "denial of wallet",
      "denial-of-wallet",
      "denial of service",
      "denial-of-service",
      "exhaust",
      "hallucinat",
      "bias",
      "fairness",
      "discriminat",
      "degrad",
      "overwhelm",
      "unbounded",
      "runaway",
      "over-reliance",
      "overreliance",
      "over reliant",
      "over-reliant",
      "incorrect output",
      "erroneous",
    ],
  },
};

const ALL_CATEGORIES = Object.keys(CATEGORIES) as Category[];

export default defineRule<Options, "missingCategory">({
  meta: {
    id: "ai-ml-threat-coverage",
    description: "Require threats in the four AI/ML categories when the system has an AI/ML component.",
    defaultSeverity: "warning",
    schema: {
      type: "object",
      properties: {
        terms: { type: "array", items: { type: "string", minLength: 2 }, uniqueItems: true },
        categories: { type: "array", items: { enum: ALL_CATEGORIES }, uniqueItems: true },
      },
      additionalProperties: false,
    },
    defaultOptions: { terms: DEFAULT_TERMS, categories: ALL_CATEGORIES },
    messages: {
      missingCategory:
        "The system has an AI/ML component (`{{term}}` at line {{line}}), but no threat covers {{category}}; add threats such as {{examples}}.",
    },
  },

  check({ model, options, report }) {
    const threats = [...entitiesOf(model, "threat"), ...entitiesOf(model, "residual-threat")];
    // Without threats there is nothing to compare; section-required and table-required report that.
    if (threats.length === 0 || options.categories.length === 0) return;

    const found = findTerm(model, options.terms);
    if (!found) return;

    const statements = threats.map((threat) => threat.statementRaw.toLowerCase());
    const place = model.section("threats")?.heading.range ?? threats[0]?.row.table.range ?? found.range;
    for (const category of options.categories) {
      const spec = CATEGORIES[category];
      if (statements.some((statement) => coversCategory(statement, spec))) continue;
      report({
        messageId: "missingCategory",
        data: { term: found.text, line: found.range.start.line, category: spec.title, examples: spec.examples },
        range: place,
        related: [{ message: "AI/ML component named here", range: found.range }],
      });
    }
  },
});

interface FoundTerm {
  text: string;
  range: Range;
}

/** Finds the first AI/ML term in the text, code and headings of Architecture and Dataflow. */
function findTerm(model: ThreatModel, terms: readonly string[]): FoundTerm | undefined {
  const patterns = termPatterns(terms);
  if (patterns.length === 0) return undefined;

  let first: FoundTerm | undefined;
  for (const kind of ["architecture", "dataflow"] as const) {
    const section = model.section(kind);
    if (!section) continue;
    const blocks: Nodes[] = [...section.nodes, ...section.subheadings.map((heading) => heading.node)];
    for (const block of blocks) {
      walkTree(block, (node) => {
        // Image URLs and alt text are not read: base64 data can spell a term by chance.
        if (node.type !== "text" && node.type !== "inlineCode" && node.type !== "code") return;
        const range = rangeOfNode(node);
        if (!range || (first && range.start.offset >= first.range.start.offset)) return;
        const source = model.text.slice(range.start.offset, range.end.offset);
        for (const pattern of patterns) {
          pattern.lastIndex = 0;
          const match = pattern.exec(source);
          if (!match) continue;
          const start = range.start.offset + match.index;
          if (first && start >= first.range.start.offset) continue;
          first = { text: match[0], range: model.rangeOf(start, start + match[0].length) };
        }
      });
    }
  }
  return first;
}

/**
 * Builds one case-sensitive pattern for all-capital terms (`LLM`, `RAG`) and one
 * case-insensitive pattern for the rest. Words may be joined by spaces or hyphens and take
 * a plural `s`. Alternations of literals keep matching linear.
 */
function termPatterns(terms: readonly string[]): RegExp[] {
  const toSource = (term: string): string =>
    term
      .trim()
      .split(/[\s-]+/)
      .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
      .join("[\\s-]+");
  const acronyms = terms.filter((term) => /^[A-Z0-9]+$/.test(term.trim()));
  const words = terms.filter((term) => !/^[A-Z0-9]+$/.test(term.trim()) && term.trim() !== "");
  const patterns: RegExp[] = [];
  if (acronyms.length > 0) patterns.push(new RegExp(`\\b(?:${acronyms.map(toSource).join("|")})s?\\b`, "g"));
  if (words.length > 0) patterns.push(new RegExp(`\\b(?:${words.map(toSource).join("|")})s?\\b`, "gi"));
  return patterns;
}

function coversCategory(statement: string, spec: CategorySpec): boolean {
  if (mentionsStem(statement, spec.stems)) return true;
  return spec.modelStems !== undefined && mentionsStem(statement, spec.modelStems) && mentionsStem(statement, MODEL_CONTEXT);
}

/** Tells whether a lower-case statement has a word that starts with one of the stems. */
function mentionsStem(statement: string, stems: readonly string[]): boolean {
  return stems.some((stem) => {
    let index = statement.indexOf(stem);
    while (index !== -1) {
      if (index === 0 || !/[a-z0-9]/.test(statement.charAt(index - 1))) return true;
      index = statement.indexOf(stem, index + 1);
    }
    return false;
  });
}
