import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { defaultOutputPath, runExport } from "../../src/cli/export.js";
import type { CliIo } from "../../src/cli/run.js";
import { parseThreatModel } from "../../src/parse/model.js";
import { compareWithCompanion } from "../../src/tcjson/companion.js";
import { buildThreatComposerData, ExportError, exportThreatModel, uuidV5 } from "../../src/tcjson/export.js";
import { validateThreatComposer } from "../../src/tcjson/schema.js";
import { md, repoRoot } from "../helpers.js";

const SMALL = md(
  "# Shop",
  "",
  "## Application Info",
  "",
  "A web shop.",
  "",
  "## Architecture",
  "",
  "### Introduction",
  "Three tiers.",
  "### Architecture Diagram",
  "![Architecture Diagram](https://example.com/arch.png)",
  "",
  "## Assumptions",
  "",
  "| Assumption Number | Assumption | Linked Threats | Linked Mitigations | Comments |",
  "| --- | --- | --- | --- | --- |",
  "| A-0001 | Users sign in \\(SSO\\) | [**T-0001**](#T-0001): A malicious insider with log access can read logs, resulting in reduced confidentiality of user data |  | Checked<br>twice |",
  "",
  "## Threats",
  "",
  "| Threat Number | Threat | Mitigations | Assumptions | Status | Priority | STRIDE | Comments |",
  "| --- | --- | --- | --- | --- | --- | --- | --- |",
  "| T-0001 | A malicious insider with log access can read logs, resulting in reduced confidentiality of user data | [**M-0001**](#M-0001): Encrypt logs | [**A-0001**](#A-0001): Users sign in \\(SSO\\) | Identified | Critical | I | |",
  "| T-0002 | Someone might break things | | | Mitigated | Low | Spoofing | |",
  "",
  "## Mitigations",
  "",
  "| Mitigation Number | Mitigation | Threats Mitigating | Assumptions | Status | Comments |",
  "| --- | --- | --- | --- | --- | --- |",
  "| M-0001 | Encrypt logs | [**T-0001**](#T-0001): A malicious insider with log access can read logs, resulting in reduced confidentiality of user data | | Resolved | |",
);

function exportOf(markdown: string, filePath = "/docs/shop.md"): string {
  return exportThreatModel(parseThreatModel(markdown, { filePath }));
}

describe("uuidV5", () => {
  it("matches the RFC 4122 test vector", () => {
    // The DNS namespace and "python.org" give this UUID in every v5 implementation.
    expect(uuidV5("python.org", "6ba7b810-9dad-11d1-80b4-00c04fd430c8")).toBe("886313e1-3b8a-5372-9b90-0c9aee199e5d");
  });
});

describe("exportThreatModel", () => {
  it("writes every part of the model", () => {
    const data = JSON.parse(exportOf(SMALL));
    expect(Object.keys(data)).toEqual(["schema", "applicationInfo", "architecture", "assumptions", "mitigations", "assumptionLinks", "mitigationLinks", "threats"]);
    expect(data.applicationInfo).toEqual({ name: "Shop", description: "A web shop." });
    expect(data.architecture).toEqual({ image: "https://example.com/arch.png", description: "Three tiers." });
    expect(data.assumptions).toEqual([
      { id: expect.any(String), numericId: 1, displayOrder: 1, content: "Users sign in (SSO)", metadata: [{ key: "Comments", value: "Checked\ntwice" }] },
    ]);
    expect(data.mitigations[0]).toMatchObject({ numericId: 1, content: "Encrypt logs", status: "mitigationResolved" });
    expect(data.assumptionLinks).toEqual([{ type: "Threat", assumptionId: data.assumptions[0].id, linkedId: data.threats[0].id }]);
    expect(data.mitigationLinks).toEqual([{ mitigationId: data.mitigations[0].id, linkedId: data.threats[0].id }]);
  });

  it("splits a statement in the grammar into its parts", () => {
    const [first] = JSON.parse(exportOf(SMALL)).threats;
    expect(first).toMatchObject({
      numericId: 1,
      threatSource: "malicious insider",
      prerequisites: "with log access",
      threatAction: "read logs",
      impactedGoal: ["confidentiality"],
      impactedAssets: ["user data"],
      statement: "A malicious insider with log access can read logs, resulting in reduced confidentiality of user data",
      status: "threatIdentified",
    });
  });

  it("keeps values ThreatComposer lacks as custom metadata", () => {
    const [first, second] = JSON.parse(exportOf(SMALL)).threats;
    expect(first.metadata).toEqual([
      { key: "Priority", value: "High" },
      { key: "custom:priority", value: "Critical" },
      { key: "STRIDE", value: ["I"] },
    ]);
    expect(second).not.toHaveProperty("threatAction");
    expect(second.statement).toBe("Someone might break things");
    expect(second.metadata).toEqual([
      { key: "Priority", value: "Low" },
      { key: "custom:stride", value: "Spoofing" },
      { key: "custom:status", value: "Mitigated" },
    ]);
  });

  it("derives stable IDs from the title and the entity ID", () => {
    const first = exportOf(SMALL, "/a/shop.md");
    expect(exportOf(SMALL, "/b/other.md")).toBe(first);
    const data = JSON.parse(first);
    expect(data.threats[0].id).toBe(uuidV5("Shop\nT-0001"));
    expect(data.threats[0].id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it("validates and agrees with its source document", () => {
    const model = parseThreatModel(SMALL, { filePath: "/docs/shop.md" });
    const data = buildThreatComposerData(model);
    expect(validateThreatComposer(data)).toEqual([]);
    expect(compareWithCompanion(model, data as unknown as Record<string, unknown>, "shop.tc.json")).toEqual([]);
  });

  it("refuses duplicate IDs and unreadable rows", () => {
    const broken = SMALL.replace("| T-0002 |", "| T-0001 |").replace("| M-0001 | Encrypt", "|  | Encrypt");
    const model = parseThreatModel(broken, { filePath: "/docs/shop.md" });
    let error: unknown;
    try {
      buildThreatComposerData(model);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ExportError);
    expect((error as ExportError).problems).toEqual([
      "`T-0001` is defined twice, at lines 24 and 25; give each row its own ID.",
      "Line 31: row 1 of the Mitigations table has no readable ID; give it one or remove the row.",
    ]);
  });

  it("refuses IDs without a number and values too long for ThreatComposer", () => {
    const renamed = SMALL.replace("| T-0002 |", "| T2 |");
    expect(() => exportOf(renamed)).toThrow(ExportError);
    const long = SMALL.replace("| M-0001 | Encrypt logs |", `| M-0001 | ${"x".repeat(1001)} |`);
    try {
      exportOf(long);
      expect.unreachable();
    } catch (error) {
      expect((error as ExportError).problems[0]).toMatch(/^The exported JSON would be invalid: mitigations\[0\]\.content: `x+\.\.\.` is 1001 characters long; ThreatComposer allows at most 1000, so shorten it\.$/);
    }
  });
});

describe("export of examples/", () => {
  const examplesDir = join(repoRoot, "examples");
  // The faulty copy breaks the model on purpose and has no companion file. test/examples.test.ts pins its findings.
  const files = existsSync(examplesDir)
    ? readdirSync(examplesDir).filter((name) => name.endsWith(".md") && name !== "README.md" && !name.endsWith(".faulty.md"))
    : [];

  it("finds example threat models", () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files)("%s exports, validates and round-trips", (name) => {
    const path = join(examplesDir, name);
    const text = readFileSync(path, "utf8");
    const model = parseThreatModel(text, { filePath: path });
    const json = exportThreatModel(model);
    const data = JSON.parse(json) as Record<string, unknown>;
    expect(validateThreatComposer(data)).toEqual([]);
    expect(compareWithCompanion(model, data, `${name}.tc.json`)).toEqual([]);
    expect(exportThreatModel(parseThreatModel(text, { filePath: path }))).toBe(json);

    // The committed companion file, which the strict preset requires, must be the current export.
    const companion = path.replace(/\.md$/, ".tc.json");
    if (existsSync(companion)) {
      expect(readFileSync(companion, "utf8"), `${companion} is stale; run \`tmlint export examples/${name}\``).toBe(json);
    }
  });
});

describe("tmlint export", () => {
  const folders: string[] = [];
  afterEach(() => {
    for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
  });

  function setup(markdown: string): { folder: string; io: CliIo; out: string[]; err: string[] } {
    const folder = mkdtempSync(join(tmpdir(), "tmlint-export-"));
    folders.push(folder);
    writeFileSync(join(folder, "shop.md"), markdown);
    const out: string[] = [];
    const err: string[] = [];
    const io: CliIo = { stdout: (text) => out.push(text), stderr: (text) => err.push(text), cwd: folder, env: {}, isTTY: false };
    return { folder, io, out, err };
  }

  it("writes NAME.tc.json beside the Markdown", async () => {
    const { folder, io, err } = setup(SMALL);
    expect(await runExport({ file: "shop.md" }, io)).toBe(0);
    expect(readFileSync(join(folder, "shop.tc.json"), "utf8")).toBe(exportOf(SMALL));
    expect(err).toEqual([`tmlint: wrote ${join(folder, "shop.tc.json")}\n`]);
  });

  it("writes to -o, creating its folder, or to standard output for -", async () => {
    const { folder, io, out } = setup(SMALL);
    expect(await runExport({ file: "shop.md", outputFile: "out/model.json" }, io)).toBe(0);
    expect(existsSync(join(folder, "out", "model.json"))).toBe(true);
    expect(await runExport({ file: "shop.md", outputFile: "-" }, io)).toBe(0);
    expect(out.join("")).toBe(exportOf(SMALL));
  });

  it("writes nothing when the export is refused", async () => {
    const { folder, io, err } = setup(SMALL.replace("| T-0002 |", "| T-0001 |"));
    expect(await runExport({ file: "shop.md" }, io)).toBe(1);
    expect(existsSync(join(folder, "shop.tc.json"))).toBe(false);
    expect(err.join("")).toBe("tmlint: shop.md was not exported, because data would be lost:\n  - `T-0001` is defined twice, at lines 24 and 25; give each row its own ID.\n");
  });

  it("reports a missing input file", async () => {
    const { io, err } = setup(SMALL);
    expect(await runExport({ file: "nope.md" }, io)).toBe(2);
    expect(err.join("")).toBe("tmlint: cannot read `nope.md`: file not found; export takes a Markdown threat model.\n");
  });

  it("refuses a binary input file", async () => {
    const { folder, io, err } = setup(SMALL);
    writeFileSync(join(folder, "binary.md"), "a\u0000b");
    expect(await runExport({ file: "binary.md" }, io)).toBe(2);
    expect(existsSync(join(folder, "binary.tc.json"))).toBe(false);
    expect(err.join("")).toBe("tmlint: cannot read `binary.md`: not a text file (NUL byte at offset 1); export takes a Markdown threat model.\n");
  });

  it("names the default output", () => {
    expect(defaultOutputPath("docs/model.md")).toBe("docs/model.tc.json");
    expect(defaultOutputPath("notes.txt")).toBe("notes.txt.tc.json");
  });
});
