import { describe, expect, it } from "vitest";
import rule from "../../rules/ai-ml-threat-coverage.js";
import { findings, md, runRule, type Finding } from "../helpers.js";

const threats = (...statements: string[]): string =>
  md(
    "## Threats",
    "",
    "| Threat Number | Threat |",
    "| --- | --- |",
    ...statements.map((statement, index) => `| T-000${index + 1} | ${statement} |`),
  );

const covered = threats(
  "A user who can submit text can inject a prompt that overrides the system prompt",
  "An insider who can upload data can poison the training data of the model",
  "A user who can query the API can extract PII from responses",
  "A user who can call the API can run up costs through expensive requests",
);

const llmArchitecture = md("## Architecture", "", "The chat service calls an LLM through Amazon Bedrock.", "");

const message = (term: string, line: number, category: string, examples: string): string =>
  `The system has an AI/ML component (\`${term}\` at line ${line}), but no threat covers ${category}; add threats such as ${examples}.`;

describe("ai-ml-threat-coverage", () => {
  const valid: [string, string, Record<string, unknown>][] = [
    ["all four categories covered", llmArchitecture + covered, {}],
    [
      // The disclaimers mention machine learning, but Application Info is not read.
      "machine learning only in the disclaimers",
      md("## Application Info", "", "If you use any machine learning services, the AI policy applies.", "", "## Architecture", "", "A web app and a database.", "") +
        threats("A user who can guess passwords can log in as another user"),
      {},
    ],
    ["the words threat model and data model", md("## Architecture", "", "This threat model covers the data model.", "") + threats("A user who …"), {}],
    ["an AI term inside an image", md("## Architecture", "", "![LLM](data:image/png;base64,LLM+RAG)", "") + threats("A user who …"), {}],
    ["no threats", llmArchitecture, {}],
    ["only the categories the options name", llmArchitecture + threats("A user who can inject a prompt …"), { categories: ["prompt-injection"] }],
    ["terms from the options", md("## Dataflow", "", "The chat service calls an LLM.", "") + threats("A user who …"), { terms: ["Rekognition"] }],
    ["empty document", "", {}],
  ];
  it.each(valid)("accepts %s", (_name, text, options) => {
    expect(findings(rule, text, options)).toEqual([]);
  });

  const invalid: [string, string, Record<string, unknown>, Finding[]][] = [
    [
      "a system with an LLM and one prompt-injection threat",
      llmArchitecture + threats("A user who can submit text can inject a prompt, which leads to data disclosure of customer records"),
      {},
      [
        {
          messageId: "missingCategory",
          message: message(
            "LLM",
            3,
            "model integrity",
            "poisoned training data, tampered model weights, adversarial inputs or model theft",
          ),
          line: 5,
          column: 1,
          endLine: 5,
          endColumn: 11,
        },
        {
          messageId: "missingCategory",
          message: message("LLM", 3, "operational risks", "cost exhaustion, hallucinations, bias or degraded model performance"),
          line: 5,
          column: 1,
          endLine: 5,
          endColumn: 11,
        },
      ],
    ],
    [
      // "backdoored" without the model is a supply-chain threat, not model integrity.
      "a backdoor that is not in a model, with the term in the Dataflow section",
      md("## Dataflow", "", "| Entity | Description |", "| --- | --- |", "| Agent | The AI agent |", "") +
        threats(
          "A user who can edit files can inject prompts",
          "An attacker who can publish a backdoored build can leak secrets",
          "A loop that is unbounded can exhaust compute",
        ),
      {},
      [
        {
          messageId: "missingCategory",
          message: message(
            "AI agent",
            5,
            "model integrity",
            "poisoned training data, tampered model weights, adversarial inputs or model theft",
          ),
          line: 7,
          column: 1,
          endLine: 7,
          endColumn: 11,
        },
      ],
    ],
  ];
  it.each(invalid)("reports %s", (_name, text, options, expected) => {
    expect(findings(rule, text, options)).toEqual(expected);
  });

  it("points at the AI/ML term as a related location", () => {
    const [diagnostic] = runRule(rule, llmArchitecture + threats("A user who can inject a prompt …"), { categories: ["data-privacy"] });
    expect(diagnostic?.related).toEqual([
      {
        message: "AI/ML component named here",
        range: { start: { line: 3, column: 27, offset: 43 }, end: { line: 3, column: 30, offset: 46 } },
      },
    ]);
  });

  it("stays fast on repeated words", () => {
    const hostile = md("## Architecture", "", `large ${" ".repeat(50_000)}x ${"prompt-".repeat(20_000)}`, "") + threats("A user who …");
    const started = performance.now();
    runRule(rule, hostile);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
