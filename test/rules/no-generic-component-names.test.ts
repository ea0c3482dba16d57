import { describe, expect, it } from "vitest";
import rule from "../../rules/no-generic-component-names.js";
import { runRules } from "../../src/engine.js";
import { parseThreatModel } from "../../src/parse/model.js";
import { findings, md, type Finding } from "../helpers.js";

/** Builds a Threats table with one row (line 5); the Threat cell's text starts at column 12. */
function threat(statement: string, mitigations = ""): string {
  return md("## Threats", "", "| Threat Number | Threat | Mitigations |", "| --- | --- | --- |", `| T-0001 | ${statement} | ${mitigations} |`);
}

function generic(term: string, column: number): Finding {
  return {
    messageId: "generic",
    message: `Generic name \`${term}\` does not say which component is meant; prefix it with the component's own name, such as \`<name> ${term}\`.`,
    line: 5,
    column,
    endLine: 5,
    endColumn: column + term.length,
  };
}

describe("no-generic-component-names", () => {
  const valid: [string, string, Record<string, unknown>][] = [
    ["an identifier before the term", threat("An attacker can invoke the chat-orchestrator Lambda function"), {}],
    ["a capitalised name before the term", threat("An attacker can read the OrdersTable DynamoDB table"), {}],
    ["inline code before the term", threat("An attacker can invoke the `chat-orchestrator` Lambda function"), {}],
    ["inline code after the term", threat("An attacker can read the S3 bucket `lockers-photos`"), {}],
    ["a bracketed name after the term", threat("An attacker can call API Gateway (lockers-public-api authorizer)"), {}],
    ["a quoted name after the term", threat('An attacker can read the S3 bucket "lockers-photos"'), {}],
    ["`named` after the term", threat("An attacker can read the S3 bucket named lockers-photos"), {}],
    ["a term inside a longer word", threat("An attacker can read the S3 bucketful"), {}],
    ["terms in a link column", threat("An attacker can read photos", "[**M-0001**](#M-0001): Encrypt the S3 bucket"), {}],
    ["a term not in the list", threat("An attacker can read the S3 bucket"), { terms: ["SQS queue"] }],
    ["an empty list", threat("An attacker can read the S3 bucket"), { terms: [] }],
  ];
  it.each(valid)("accepts %s", (_name, text, options) => {
    expect(findings(rule, text, options)).toEqual([]);
  });

  const invalid: [string, string, Record<string, unknown>, Finding[]][] = [
    ["a term after an article", threat("An attacker can invoke the Lambda function"), {}, [generic("Lambda function", 39)]],
    ["a plural term after a number", threat("An attacker can read 5 S3 buckets"), {}, [generic("S3 buckets", 35)]],
    ["a term after a preposition", threat("Requests reach API Gateway unsigned"), {}, [generic("API Gateway", 27)]],
    ["a term in lower case at the start of the cell", threat("lambda functions run as admin"), {}, [generic("lambda functions", 12)]],
    ["a term after a plain adjective", threat("An attacker can read the main DynamoDB table"), {}, [generic("DynamoDB table", 42)]],
    ["a term from the option", threat("An attacker can flood the SQS queue"), { terms: ["SQS queue"] }, [generic("SQS queue", 38)]],
    [
      "two terms in one cell",
      threat("The API Gateway forwards to the Lambda function"),
      {},
      [generic("API Gateway", 16), generic("Lambda function", 44)],
    ],
  ];
  it.each(invalid)("reports %s", (_name, text, options, expected) => {
    expect(findings(rule, text, options)).toEqual(expected);
  });

  it("reports the whole text node when escapes make offsets unknown", () => {
    // The escaped bracket makes the source one character longer than the text.
    const text = threat("An attacker \\(outside\\) can invoke the Lambda function");
    expect(findings(rule, text).map((finding) => [finding.column, finding.endColumn])).toEqual([[12, 66]]);
  });

  it("checks 100 KB of one character in well under 100 ms", () => {
    const model = parseThreatModel(threat(`${"a".repeat(100_000)} Lambda function`));
    const started = performance.now();
    const diagnostics = runRules(model, [{ rule, severity: "error", options: rule.meta.defaultOptions }]);
    expect(performance.now() - started).toBeLessThan(100);
    expect(diagnostics).toHaveLength(1);
  });

  it.each([
    ["an empty file", ""],
    ["a header-only table", md("## Threats", "", "| Threat Number | Threat |", "| --- | --- |")],
    ["empty cells", threat("")],
  ])("finds nothing in %s", (_name, text) => {
    expect(findings(rule, text)).toEqual([]);
  });
});
