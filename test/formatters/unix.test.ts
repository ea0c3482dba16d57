import { describe, expect, test } from "vitest";
import unix from "../../src/formatters/unix.js";
import { fixtureContext, fixtureResults } from "./fixture.js";

const expectedLines = [
  "docs/threat models/pay#1.md:1:1: error: Section `Threats` is missing; add a `## Threats` heading. [section-required]",
  "docs/threat models/pay#1.md:12:3: error: Threat ID `T-0001` is already defined at line 4; give this row its own ID. [id-unique]",
  "docs/threat models/pay#1.md:20:1: warning: Section `Threats: 100%, all tenants` comes after `Mitigations`; move it above. [section-order]",
  "docs/threat models/pay#1.md:31:5: error: Link target `quota\\n::warning file=README.md::injected` is not defined; add it or fix the link. [xref-target-exists]",
  "docs/threat models/pay#1.md:40:7: error: Link target `\\x1b[2J\\x1b[31mred\\r\\x07\\x9b` is not defined;  add it  or fix the link. [xref-target-exists]",
  "docs/tm.md:3:1: warning: Section `Assets` comes after `Threats`; move it above. [section-order]",
  "notes/a,b: c.md:5:1: error: Threat ID `T-9` is already defined at line 2; give this row its own ID. [id-unique]",
  "C:\\work\\repo\\docs\\win.md:7:2: warning: Section `Assets` comes after `Threats`; move it above. [section-order]",
  "/elsewhere/outside.md:2:1: error: Threat ID `T-3` is already defined at line 1; give this row its own ID. [id-unique]",
  "locked.md:1:1: error: cannot be read: EACCES: permission denied [fatal]",
  "",
];

describe("unix formatter", () => {
  test("golden output", () => {
    expect(unix(fixtureResults, fixtureContext()).split("\n")).toEqual(expectedLines);
  });

  test("no findings prints nothing", () => {
    expect(unix([], fixtureContext())).toBe("");
  });

  test("Windows cwd gives forward-slash relative paths", () => {
    const output = unix([{ ...fixtureResults[1]!, filePath: "C:\\work\\repo\\docs\\tm.md" }], fixtureContext({ cwd: "C:\\work\\repo" }));
    expect(output).toBe("docs/tm.md:3:1: warning: Section `Assets` comes after `Threats`; move it above. [section-order]\n");
  });

  test("one line per finding whatever the message holds", () => {
    const output = unix(fixtureResults, fixtureContext());
    expect(output.split("\n")).toHaveLength(11);
    expect(output).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
  });
});
