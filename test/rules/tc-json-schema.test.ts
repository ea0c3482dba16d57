import { describe, expect, it } from "vitest";
import rule from "../../rules/tc-json-schema.js";
import { jsonFindings, tcJson, uuid } from "../tcjson/helpers.js";

const long = (n: number, c = "x") => c.repeat(n);
const A = (extra: object = {}) => ({ id: uuid(1), numericId: 1, content: "Users sign in", ...extra });
const M = (extra: object = {}) => ({ id: uuid(2), numericId: 1, content: "Rate limiting", ...extra });
const T = (extra: object = {}) => ({ id: uuid(3), numericId: 1, ...extra });
const meta = (key: string, value: unknown) => ({ metadata: [{ key, value }] });
const B = (extra: object = {}) => ({ id: "b1", content: "an idea", createdAt: "2024-05-01T10:00:00Z", ...extra });
const W = (extra: object = {}) => ({ id: uuid(9), name: "Team A", ...extra });
const base64 = "data:image/png;base64,iVBORw0KGgo=";

// Each constraint of the schema: [constraint, a document that breaks it, a document that meets it].
const CASES: [string, unknown, unknown][] = [
  ["schema is required", {}, { schema: 1 }],
  ["schema is 1", { schema: 2 }, { schema: 1 }],
  ["schema is a number", { schema: "1" }, { schema: 1 }],
  ["unknown top-level key", { schema: 1, owner: "me" }, { schema: 1, workspace: W() }],
  ["workspace id is 36 characters", { schema: 1, workspace: W({ id: "w1" }) }, { schema: 1, workspace: W() }],
  ["workspace name characters", { schema: 1, workspace: W({ name: "a/b" }) }, { schema: 1, workspace: W({ name: "My team_1 #2" }) }],
  ["workspace name is required", { schema: 1, workspace: { id: uuid(9) } }, { schema: 1, workspace: W({ extra: true }) }],
  ["workspace storageType", { schema: 1, workspace: W({ storageType: "Cloud" }) }, { schema: 1, workspace: W({ storageType: "LocalStorage" }) }],
  ["application name length", { schema: 1, applicationInfo: { name: long(201) } }, { schema: 1, applicationInfo: { name: long(200) } }],
  ["application description length", { schema: 1, applicationInfo: { description: long(100001) } }, { schema: 1, applicationInfo: { description: long(100000) } }],
  ["application info keys", { schema: 1, applicationInfo: { title: "x" } }, { schema: 1, applicationInfo: {} }],
  ["image URL scheme", { schema: 1, architecture: { image: "ftp://example.com/a.png" } }, { schema: 1, architecture: { image: "https://example.com/a.png" } }],
  ["image URL length", { schema: 1, dataflow: { image: "https://example.com/" + long(2030) } }, { schema: 1, dataflow: { image: "https://example.com/" + long(2028) } }],
  ["image data URL type", { schema: 1, architecture: { image: "data:image/x-icon;base64,AAAA" } }, { schema: 1, architecture: { image: "data:image/svg+xml;base64,PHN2Zz4=" } }],
  ["image data URL base64", { schema: 1, architecture: { image: "data:image/png;base64,abc" } }, { schema: 1, architecture: { image: base64 } }],
  ["image data URL length", { schema: 1, architecture: { image: "data:image/png;base64," + long(1000000 - 20, "A") } }, { schema: 1, architecture: { image: "" } }],
  ["architecture keys", { schema: 1, dataflow: { diagram: "x" } }, { schema: 1, dataflow: { description: "Flows" } }],
  ["assumption id is required", { schema: 1, assumptions: [{ numericId: 1, content: "x" }] }, { schema: 1, assumptions: [A()] }],
  ["assumption content is required", { schema: 1, assumptions: [{ id: "a", numericId: 1 }] }, { schema: 1, assumptions: [A({ id: "a" })] }],
  ["assumption content length", { schema: 1, assumptions: [A({ content: long(1001) })] }, { schema: 1, assumptions: [A({ content: long(1000) })] }],
  ["entity id length", { schema: 1, assumptions: [A({ id: long(37) })] }, { schema: 1, assumptions: [A({ id: long(36) })] }],
  ["numericId is required", { schema: 1, threats: [{ id: "t" }] }, { schema: 1, threats: [T({ numericId: -3 })] }],
  ["numericId is a number", { schema: 1, threats: [T({ numericId: "1" })] }, { schema: 1, threats: [T({ numericId: 1.5 })] }],
  ["displayOrder is a number", { schema: 1, threats: [T({ displayOrder: "1" })] }, { schema: 1, threats: [T({ displayOrder: 1 })] }],
  ["tags are not empty", { schema: 1, mitigations: [M({ tags: [""] })] }, { schema: 1, mitigations: [M({ tags: ["auth"] })] }],
  ["tag length", { schema: 1, mitigations: [M({ tags: [long(31)] })] }, { schema: 1, mitigations: [M({ tags: [long(30)] })] }],
  ["entity keys", { schema: 1, threats: [T({ owner: "me" })] }, { schema: 1, threats: [T({ customTemplate: "[threat_source] can [threat_action]" })] }],
  ["threat part length", { schema: 1, threats: [T({ threatAction: long(201) })] }, { schema: 1, threats: [T({ threatAction: long(200) })] }],
  ["impacted goal item length", { schema: 1, threats: [T({ impactedGoal: [long(201)] })] }, { schema: 1, threats: [T({ impactedGoal: ["integrity"] })] }],
  ["impacted assets are a list", { schema: 1, threats: [T({ impactedAssets: "user data" })] }, { schema: 1, threats: [T({ impactedAssets: ["user data"] })] }],
  ["statement length", { schema: 1, threats: [T({ statement: long(1401) })] }, { schema: 1, threats: [T({ statement: long(1400) })] }],
  ["custom template length", { schema: 1, threats: [T({ customTemplate: long(201) })] }, { schema: 1, threats: [T({ customTemplate: long(200) })] }],
  ["displayed statement tokens", { schema: 1, threats: [T({ displayedStatement: [{ type: "i", content: "x" }] })] }, { schema: 1, threats: [T({ displayedStatement: ["A ", { type: "b", tooltip: "action", content: "x" }] })] }],
  ["threat status", { schema: 1, threats: [T({ status: "Identified" })] }, { schema: 1, threats: [T({ status: "threatResolvedNotUseful" })] }],
  ["mitigation status", { schema: 1, mitigations: [M({ status: "threatIdentified" })] }, { schema: 1, mitigations: [M({ status: "mitigationInProgress" })] }],
  ["Priority values", { schema: 1, threats: [T(meta("Priority", "Urgent"))] }, { schema: 1, threats: [T(meta("Priority", "Medium"))] }],
  ["Priority case", { schema: 1, threats: [T(meta("Priority", "high"))] }, { schema: 1, threats: [T(meta("Priority", "High"))] }],
  ["STRIDE letters", { schema: 1, threats: [T(meta("STRIDE", ["T", "X"]))] }, { schema: 1, threats: [T(meta("STRIDE", []))] }],
  ["STRIDE is a list", { schema: 1, threats: [T(meta("STRIDE", "T"))] }, { schema: 1, threats: [T(meta("STRIDE", ["T", "I"]))] }],
  ["Comments length", { schema: 1, assumptions: [A(meta("Comments", long(1001)))] }, { schema: 1, assumptions: [A(meta("Comments", long(1000)))] }],
  ["Comments is a string", { schema: 1, assumptions: [A(meta("Comments", 5))] }, { schema: 1, assumptions: [A(meta("Comments", "**Note**"))] }],
  ["metadata key on a threat", { schema: 1, threats: [T(meta("Owner", "me"))] }, { schema: 1, threats: [T(meta("custom:Owner", "me"))] }],
  ["metadata key on an assumption", { schema: 1, assumptions: [A(meta("Priority", "High"))] }, { schema: 1, assumptions: [A(meta("Comments", "x"))] }],
  ["metadata key on a mitigation", { schema: 1, mitigations: [M(meta("STRIDE", ["T"]))] }, { schema: 1, mitigations: [M(meta("mitigationPackId", "pack"))] }],
  ["custom key length", { schema: 1, threats: [T(meta("custom:" + long(44), "x"))] }, { schema: 1, threats: [T(meta("custom:" + long(43), "x"))] }],
  ["custom value type", { schema: 1, threats: [T(meta("custom:teams", 3))] }, { schema: 1, threats: [T(meta("custom:teams", ["a", "b"]))] }],
  ["metadata item keys", { schema: 1, threats: [T({ metadata: [{ key: "Comments", value: "x", note: "y" }] })] }, { schema: 1, threats: [T(meta("Comments", "x"))] }],
  ["metadata value is required", { schema: 1, threats: [T({ metadata: [{ key: "Comments" }] })] }, { schema: 1, threats: [T(meta("Comments", ""))] }],
  ["threat source metadata", { schema: 1, threats: [T(meta("source", "mitigationPack"))] }, { schema: 1, threats: [T(meta("source", "threatPack"))] }],
  ["mitigation source metadata", { schema: 1, mitigations: [M(meta("source", "threatPack"))] }, { schema: 1, mitigations: [M(meta("source", "mitigationPack"))] }],
  ["threat pack ID length", { schema: 1, threats: [T(meta("threatPackId", ""))] }, { schema: 1, threats: [T(meta("threatPackId", "GenAIChatbot"))] }],
  ["threat pack threat ID length", { schema: 1, threats: [T(meta("threatPackThreatId", long(37)))] }, { schema: 1, threats: [T(meta("threatPackThreatId", long(36)))] }],
  ["mitigation candidate ID length", { schema: 1, threats: [T(meta("threatPackMitigationCandidateId", long(37)))] }, { schema: 1, threats: [T(meta("threatPackMitigationCandidateId", long(36)))] }],
  ["mitigation pack ID length", { schema: 1, mitigations: [M(meta("mitigationPackId", long(31)))] }, { schema: 1, mitigations: [M(meta("mitigationPackId", long(30)))] }],
  ["mitigation pack mitigation ID length", { schema: 1, mitigations: [M(meta("mitigationPackMitigationId", long(37)))] }, { schema: 1, mitigations: [M(meta("mitigationPackMitigationId", long(36)))] }],
  ["assumption link type values", { schema: 1, assumptionLinks: [{ type: "threat", assumptionId: uuid(1), linkedId: uuid(3) }] }, { schema: 1, assumptionLinks: [{ type: "Threat", assumptionId: uuid(1), linkedId: uuid(3) }] }],
  ["assumption link type is required", { schema: 1, assumptionLinks: [{ assumptionId: uuid(1), linkedId: uuid(3) }] }, { schema: 1, assumptionLinks: [{ type: "Mitigation", assumptionId: uuid(1), linkedId: uuid(2) }] }],
  ["link IDs are 36 characters", { schema: 1, assumptionLinks: [{ type: "Threat", assumptionId: "a1", linkedId: uuid(3) }] }, { schema: 1, assumptionLinks: [{ type: "Threat", assumptionId: uuid(1), linkedId: uuid(3) }] }],
  ["link IDs are not longer", { schema: 1, mitigationLinks: [{ mitigationId: uuid(2), linkedId: uuid(3) + "x" }] }, { schema: 1, mitigationLinks: [{ mitigationId: uuid(2), linkedId: uuid(3) }] }],
  ["mitigation links have no type", { schema: 1, mitigationLinks: [{ type: "Threat", mitigationId: uuid(2), linkedId: uuid(3) }] }, { schema: 1, mitigationLinks: [{ mitigationId: uuid(2), linkedId: uuid(3) }] }],
  ["brainstorm keys", { schema: 1, brainstorm: { ideas: [] } }, { schema: 1, brainstorm: { threatSources: [B()] } }],
  ["brainstorm date in UTC", { schema: 1, brainstorm: { assets: [B({ createdAt: "2024-05-01T10:00:00+10:00" })] } }, { schema: 1, brainstorm: { assets: [B({ createdAt: "2024-05-01T10:00Z" })] } }],
  ["brainstorm item fields", { schema: 1, brainstorm: { assets: [{ id: "b1", content: "x" }] } }, { schema: 1, brainstorm: { assets: [B({ createdAt: "2024-05-01T10:00:00.123Z", createdBy: "ai-agent", groupId: "g1" })] } }],
  ["brainstorm content length", { schema: 1, brainstorm: { mitigations: [B({ content: long(201) })] } }, { schema: 1, brainstorm: { mitigations: [B({ content: long(200) })] } }],
  ["workspace metadata is an object", { schema: 1, workspace: W({ metadata: [] }) }, { schema: 1, workspace: W({ metadata: {} }) }],
  ["mitigation content length", { schema: 1, mitigations: [M({ content: long(1001) })] }, { schema: 1, mitigations: [M({ content: long(1000) })] }],
  ["threat source length", { schema: 1, threats: [T({ threatSource: long(201) })] }, { schema: 1, threats: [T({ threatSource: long(200) })] }],
  ["prerequisites length", { schema: 1, threats: [T({ prerequisites: long(201) })] }, { schema: 1, threats: [T({ prerequisites: long(200) })] }],
  ["threat impact length", { schema: 1, threats: [T({ threatImpact: long(201) })] }, { schema: 1, threats: [T({ threatImpact: long(200) })] }],
  ["impacted asset item length", { schema: 1, threats: [T({ impactedAssets: [long(201)] })] }, { schema: 1, threats: [T({ impactedAssets: [long(200)] })] }],
  ["dataflow description length", { schema: 1, dataflow: { description: long(100001) } }, { schema: 1, dataflow: { description: long(100000) } }],
  ["displayed statement tooltip length", { schema: 1, threats: [T({ displayedStatement: [{ tooltip: long(31), content: "x" }] })] }, { schema: 1, threats: [T({ displayedStatement: [{ tooltip: long(30), content: "x" }] })] }],
  ["displayed statement content length", { schema: 1, threats: [T({ displayedStatement: [{ content: long(201) }] })] }, { schema: 1, threats: [T({ displayedStatement: [{ content: long(200) }] })] }],
  ["assumption link keys", { schema: 1, assumptionLinks: [{ type: "Threat", assumptionId: uuid(1), linkedId: uuid(3), note: "x" }] }, { schema: 1, assumptionLinks: [] }],
  ["mitigation link mitigationId is required", { schema: 1, mitigationLinks: [{ linkedId: uuid(3) }] }, { schema: 1, mitigationLinks: [{ mitigationId: uuid(2), linkedId: uuid(3) }] }],
  ["brainstorm id length", { schema: 1, brainstorm: { assumptions: [B({ id: long(37) })] } }, { schema: 1, brainstorm: { assumptions: [B({ id: long(36) })] } }],
  ["brainstorm groupId length", { schema: 1, brainstorm: { threatActions: [B({ groupId: long(37) })] } }, { schema: 1, brainstorm: { threatActions: [B({ groupId: long(36) })] } }],
  ["brainstorm item keys", { schema: 1, brainstorm: { threatImpacts: [B({ votes: 3 })] } }, { schema: 1, brainstorm: { threatImpacts: [B()], threatPrerequisites: [B()] } }],
  ["brainstorm createdBy length", { schema: 1, brainstorm: { mitigations: [B({ createdBy: long(51) })] } }, { schema: 1, brainstorm: { mitigations: [B({ createdBy: long(50) })] } }],
];

/** For each failing document: the message, its line and column, and the start of the source it covers. */
const EXPECTED: Record<string, [message: string, line: number, column: number, source: string]> = {
  "schema is required": ["File has no `schema` key; add `\"schema\": 1` at the top level, since ThreatComposer imports only version 1.", 1, 1, "{"],
  "schema is 1": ["schema: version `2` is not supported; ThreatComposer imports only version 1, so write `\"schema\": 1`.", 2, 13, "2"],
  "schema is a number": ["schema: `\"1\"` is a string; write `\"schema\": 1`.", 2, 13, "\"1\""],
  "unknown top-level key": ["Key `owner` is not allowed at the top level; remove it, since ThreatComposer rejects unknown keys on import.", 3, 3, "\"owner\""],
  "workspace id is 36 characters": ["workspace.id: `w1` is 2 characters long; IDs here must be exactly 36 characters, the UUID of the entity.", 4, 11, "\"w1\""],
  "workspace name characters": ["workspace.name: `a/b` has characters other than letters, digits, `-`, `_`, `#` and space; remove them.", 5, 13, "\"a/b\""],
  "workspace name is required": ["workspace: required key `name` is missing; add it.", 3, 16, "{"],
  "workspace storageType": ["workspace.storageType: `Cloud` is not allowed; use LocalState or LocalStorage.", 6, 20, "\"Cloud\""],
  "application name length": ["applicationInfo.name: `xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx...` is 201 characters long; ThreatComposer allows at most 200, so shorten it.", 4, 13, "\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"],
  "application description length": ["applicationInfo.description: `xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx...` is 100001 characters long; ThreatComposer allows at most 100000, so shorten it.", 4, 20, "\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"],
  "application info keys": ["applicationInfo: key `title` is not allowed here; remove it, since ThreatComposer rejects unknown keys on import.", 4, 5, "\"title\""],
  "image URL scheme": ["architecture.image: `ftp://example.com/a.png` is neither an http(s) URL nor a base64 image data URL; use `https://...` or `data:image/png;base64,...`.", 4, 14, "\"ftp://example.com/a.png\""],
  "image URL length": ["dataflow.image: `https://example.com/xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx...` is a URL of 2050 characters; ThreatComposer allows at most 2048.", 4, 14, "\"https://example.com/xxxxxxxxxxxxxxxxxxx"],
  "image data URL type": ["architecture.image: `data:image/x-icon;base64,AAAA` is not a valid base64 image data URL; write `data:image/<type>;base64,<padded base64>` with a type of letters and `+` such as png or svg+xml.", 4, 14, "\"data:image/x-icon;base64,AAAA\""],
  "image data URL base64": ["architecture.image: `data:image/png;base64,abc` is not a valid base64 image data URL; write `data:image/<type>;base64,<padded base64>` with a type of letters and `+` such as png or svg+xml.", 4, 14, "\"data:image/png;base64,abc\""],
  "image data URL length": ["architecture.image: `data:image/png;base64,AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA...` is a data URL of 1000002 characters; ThreatComposer allows at most 1000000, so use a smaller image or an https URL.", 4, 14, "\"data:image/png;base64,AAAAAAAAAAAAAAAAA"],
  "architecture keys": ["dataflow: key `diagram` is not allowed here; remove it, since ThreatComposer rejects unknown keys on import.", 4, 5, "\"diagram\""],
  "assumption id is required": ["assumptions[0]: required key `id` is missing; add it.", 4, 5, "{"],
  "assumption content is required": ["assumptions[0]: required key `content` is missing; add it.", 4, 5, "{"],
  "assumption content length": ["assumptions[0].content: `xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx...` is 1001 characters long; ThreatComposer allows at most 1000, so shorten it.", 7, 18, "\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"],
  "entity id length": ["assumptions[0].id: `xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx` is 37 characters long; ThreatComposer allows at most 36, so shorten it.", 5, 13, "\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\""],
  "numericId is required": ["threats[0]: required key `numericId` is missing; add it.", 4, 5, "{"],
  "numericId is a number": ["threats[0].numericId: `\"1\"` is a string; use a number.", 6, 20, "\"1\""],
  "displayOrder is a number": ["threats[0].displayOrder: `\"1\"` is a string; use a number.", 7, 23, "\"1\""],
  "tags are not empty": ["mitigations[0].tags[0]: tag `\"\"` is empty; give it text or remove it.", 9, 9, "\"\""],
  "tag length": ["mitigations[0].tags[0]: `xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx` is 31 characters long; ThreatComposer allows at most 30, so shorten it.", 9, 9, "\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\""],
  "entity keys": ["threats[0]: key `owner` is not allowed on a threat; remove it, or keep the data as a metadata item whose key starts with `custom:`.", 7, 7, "\"owner\""],
  "threat part length": ["threats[0].threatAction: `xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx...` is 201 characters long; ThreatComposer allows at most 200, so shorten it.", 7, 23, "\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"],
  "impacted goal item length": ["threats[0].impactedGoal[0]: `xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx...` is 201 characters long; ThreatComposer allows at most 200, so shorten it.", 8, 9, "\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"],
  "impacted assets are a list": ["threats[0].impactedAssets: `\"user data\"` is a string; use an array.", 7, 25, "\"user data\""],
  "statement length": ["threats[0].statement: `xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx...` is 1401 characters long; ThreatComposer allows at most 1400, so shorten it.", 7, 20, "\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"],
  "custom template length": ["threats[0].customTemplate: `xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx...` is 201 characters long; ThreatComposer allows at most 200, so shorten it.", 7, 25, "\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"],
  "displayed statement tokens": ["threats[0].displayedStatement[0]: `{\"type\":\"i\",\"content\":\"x\"}` is not a statement token; use a string or an object with `content`, an optional `tooltip` and an optional `type` of b or span, or remove `displayedStatement`.", 8, 9, "{\n          \"type\": \"i\",\n          \"cont"],
  "threat status": ["threats[0].status: `Identified` is not a threat status; write `threatIdentified`.", 7, 17, "\"Identified\""],
  "mitigation status": ["mitigations[0].status: `threatIdentified` is not a mitigation status; use mitigationIdentified, mitigationInProgress, mitigationResolved or mitigationResolvedWillNotAction.", 8, 17, "\"threatIdentified\""],
  "Priority values": ["threats[0].metadata[0]: Priority `Urgent` is not allowed; use High, Medium or Low.", 10, 20, "\"Urgent\""],
  "Priority case": ["threats[0].metadata[0]: Priority `high` is not allowed; write `High`.", 10, 20, "\"high\""],
  "STRIDE letters": ["threats[0].metadata[0]: STRIDE letter `X` is not allowed; use S, T, R, I, D or E.", 12, 13, "\"X\""],
  "STRIDE is a list": ["threats[0].metadata[0]: STRIDE `\"T\"` is a string; write a list of letters such as [\"S\", \"T\"].", 10, 20, "\"T\""],
  "Comments length": ["assumptions[0].metadata[0]: Comments `xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx...` is 1001 characters long; ThreatComposer allows at most 1000, so shorten it.", 11, 20, "\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"],
  "Comments is a string": ["assumptions[0].metadata[0]: the value of `Comments` is a number `5`; use a string.", 11, 20, "5"],
  "metadata key on a threat": ["threats[0].metadata[0]: key `Owner` is not allowed on a threat; use Comments, Priority, STRIDE, source, threatPackId, threatPackThreatId, threatPackMitigationCandidateId or a key starting with `custom:`.", 9, 18, "\"Owner\""],
  "metadata key on an assumption": ["assumptions[0].metadata[0]: key `Priority` is not allowed on an assumption; use Comments or a key starting with `custom:`.", 10, 18, "\"Priority\""],
  "metadata key on a mitigation": ["mitigations[0].metadata[0]: key `STRIDE` is not allowed on a mitigation; use Comments, source, mitigationPackId, mitigationPackMitigationId or a key starting with `custom:`.", 10, 18, "\"STRIDE\""],
  "custom key length": ["threats[0].metadata[0]: key `custom:xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx` is 51 characters long; custom keys may have at most 50, so shorten it.", 9, 18, "\"custom:xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"],
  "custom value type": ["threats[0].metadata[0]: the value of `custom:teams` is a number `3`; use a string or a list of strings.", 10, 20, "3"],
  "metadata item keys": ["threats[0].metadata[0]: key `note` is not allowed here; remove it, since ThreatComposer rejects unknown keys on import.", 11, 11, "\"note\""],
  "metadata value is required": ["threats[0].metadata[0]: required key `value` is missing; add it.", 8, 9, "{"],
  "threat source metadata": ["threats[0].metadata[0]: source `mitigationPack` is not allowed on a threat; use threatPack.", 10, 20, "\"mitigationPack\""],
  "mitigation source metadata": ["mitigations[0].metadata[0]: source `threatPack` is not allowed on a mitigation; use mitigationPack.", 11, 20, "\"threatPack\""],
  "threat pack ID length": ["threats[0].metadata[0]: threatPackId `\"\"` is empty; give it text or remove it.", 10, 20, "\"\""],
  "threat pack threat ID length": ["threats[0].metadata[0]: threatPackThreatId `xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx` is 37 characters long; ThreatComposer allows at most 36, so shorten it.", 10, 20, "\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\""],
  "mitigation candidate ID length": ["threats[0].metadata[0]: threatPackMitigationCandidateId `xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx` is 37 characters long; ThreatComposer allows at most 36, so shorten it.", 10, 20, "\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\""],
  "mitigation pack ID length": ["mitigations[0].metadata[0]: mitigationPackId `xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx` is 31 characters long; ThreatComposer allows at most 30, so shorten it.", 11, 20, "\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\""],
  "mitigation pack mitigation ID length": ["mitigations[0].metadata[0]: mitigationPackMitigationId `xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx` is 37 characters long; ThreatComposer allows at most 36, so shorten it.", 11, 20, "\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\""],
  "assumption link type values": ["assumptionLinks[0].type: `threat` is not an assumption link type; write `Threat`.", 5, 15, "\"threat\""],
  "assumption link type is required": ["assumptionLinks[0]: required key `type` is missing; add it.", 4, 5, "{"],
  "link IDs are 36 characters": ["assumptionLinks[0].assumptionId: `a1` is 2 characters long; IDs here must be exactly 36 characters, the UUID of the entity.", 6, 23, "\"a1\""],
  "link IDs are not longer": ["mitigationLinks[0].linkedId: `00000000-0000-4000-8000-000000000003x` is 37 characters long; IDs here must be exactly 36 characters, the UUID of the entity.", 6, 19, "\"00000000-0000-4000-8000-000000000003x\""],
  "mitigation links have no type": ["mitigationLinks[0]: key `type` is not allowed, since mitigation links have no type; remove it.", 5, 7, "\"type\""],
  "brainstorm keys": ["brainstorm: key `ideas` is not allowed here; remove it, since ThreatComposer rejects unknown keys on import.", 4, 5, "\"ideas\""],
  "brainstorm date in UTC": ["brainstorm.assets[0].createdAt: `2024-05-01T10:00:00+10:00` is not a UTC date-time; write it as YYYY-MM-DDTHH:MM:SSZ, ending in Z with no offset.", 8, 22, "\"2024-05-01T10:00:00+10:00\""],
  "brainstorm item fields": ["brainstorm.assets[0]: required key `createdAt` is missing; add it.", 5, 7, "{"],
  "brainstorm content length": ["brainstorm.mitigations[0].content: `xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx...` is 201 characters long; ThreatComposer allows at most 200, so shorten it.", 7, 20, "\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"],
  "brainstorm createdBy length": ["brainstorm.mitigations[0].createdBy: `xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx` is 51 characters long; ThreatComposer allows at most 50, so shorten it.", 9, 22, "\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"],
  "workspace metadata is an object": ["workspace.metadata: `[]` is an array; use an object.", 6, 17, "[]"],
  "mitigation content length": ["mitigations[0].content: `xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx...` is 1001 characters long; ThreatComposer allows at most 1000, so shorten it.", 7, 18, "\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"],
  "threat source length": ["threats[0].threatSource: `xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx...` is 201 characters long; ThreatComposer allows at most 200, so shorten it.", 7, 23, "\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"],
  "prerequisites length": ["threats[0].prerequisites: `xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx...` is 201 characters long; ThreatComposer allows at most 200, so shorten it.", 7, 24, "\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"],
  "threat impact length": ["threats[0].threatImpact: `xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx...` is 201 characters long; ThreatComposer allows at most 200, so shorten it.", 7, 23, "\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"],
  "impacted asset item length": ["threats[0].impactedAssets[0]: `xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx...` is 201 characters long; ThreatComposer allows at most 200, so shorten it.", 8, 9, "\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"],
  "dataflow description length": ["dataflow.description: `xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx...` is 100001 characters long; ThreatComposer allows at most 100000, so shorten it.", 4, 20, "\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"],
  "displayed statement tooltip length": ["threats[0].displayedStatement[0].tooltip: `xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx` is 31 characters long; ThreatComposer allows at most 30, so shorten it.", 9, 22, "\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\""],
  "displayed statement content length": ["threats[0].displayedStatement[0].content: `xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx...` is 201 characters long; ThreatComposer allows at most 200, so shorten it.", 9, 22, "\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"],
  "assumption link keys": ["assumptionLinks[0]: key `note` is not allowed here; remove it, since ThreatComposer rejects unknown keys on import.", 8, 7, "\"note\""],
  "mitigation link mitigationId is required": ["mitigationLinks[0]: required key `mitigationId` is missing; add it.", 4, 5, "{"],
  "brainstorm id length": ["brainstorm.assumptions[0].id: `xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx` is 37 characters long; ThreatComposer allows at most 36, so shorten it.", 6, 15, "\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\""],
  "brainstorm groupId length": ["brainstorm.threatActions[0].groupId: `xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx` is 37 characters long; ThreatComposer allows at most 36, so shorten it.", 9, 20, "\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\""],
  "brainstorm item keys": ["brainstorm.threatImpacts[0]: key `votes` is not allowed here; remove it, since ThreatComposer rejects unknown keys on import.", 9, 9, "\"votes\""],
};

describe("tc-json-schema", () => {
  it.each(CASES.map(([name, , good]) => [name, good] as const))("accepts a document that meets: %s", (_name, good) => {
    expect(jsonFindings(rule, tcJson(good))).toEqual([]);
  });

  it.each(CASES.map(([name, bad]) => [name, bad] as const))("reports a document that breaks: %s", (name, bad) => {
    const expected = EXPECTED[name];
    expect(expected).toBeDefined();
    const [message, line, column, source] = expected ?? ["", 0, 0, ""];
    const [finding, ...more] = jsonFindings(rule, tcJson(bad));
    expect(more).toEqual([]);
    expect(finding?.messageId).toBe("schema");
    expect(finding?.message).toBe(message);
    expect([finding?.line, finding?.column]).toEqual([line, column]);
    expect(finding?.source.startsWith(source)).toBe(true);
  });

  it("reports several problems of one file in document order", () => {
    const text = tcJson({ schema: 1, threats: [T({ status: "Open", metadata: [{ key: "Priority", value: "Urgent" }] })] });
    expect(jsonFindings(rule, text).map((finding) => [finding.line, finding.message])).toEqual([
      [7, "threats[0].status: `Open` is not a threat status; use threatIdentified, threatResolved or threatResolvedNotUseful."],
      [11, "threats[0].metadata[0]: Priority `Urgent` is not allowed; use High, Medium or Low."],
    ]);
  });

  it("reports a bare array as the legacy form", () => {
    expect(jsonFindings(rule, "[]")).toEqual([
      {
        messageId: "legacyArray",
        message:
          "File is a bare JSON array, the ThreatComposer format from before schema versions, which is imported without any check; write an object such as `{\"schema\": 1, \"threats\": [...]}` instead.",
        line: 1,
        column: 1,
        endLine: 1,
        endColumn: 2,
        source: "[",
      },
    ]);
  });

  it("reports invalid JSON at its position", () => {
    const text = '{\n  "schema": 1,\n  "threats": [],\n}';
    expect(jsonFindings(rule, text)).toEqual([
      {
        messageId: "syntax",
        message: "File is not valid JSON: trailing comma before `}`; JSON allows none, so remove it.",
        line: 3,
        column: 16,
        endLine: 3,
        endColumn: 17,
        source: ",",
      },
    ]);
  });

  it("reports a comment as invalid JSON", () => {
    const text = '{ "schema": 1 // version\n}';
    expect(jsonFindings(rule, text).map((finding) => [finding.message, finding.line, finding.column, finding.source])).toEqual([
      ["File is not valid JSON: comments are not allowed in JSON; remove the comment (found `// version`).", 1, 15, "// version"],
    ]);
  });

  it("reports a missing value at the end of the file", () => {
    const text = '{ "schema": ';
    expect(jsonFindings(rule, text).map((finding) => [finding.message, finding.line, finding.column])).toEqual([
      ["File is not valid JSON: the file ends where a value is expected, inside the top-level object; add the value and close it with `}`.", 1, 13],
    ]);
  });

  it("counts columns in UTF-16 code units after a BOM", () => {
    // U+1F600 takes two UTF-16 code units and the BOM none, so `"x"` starts at column 49.
    const text = '\uFEFF{"schema": 1, "applicationInfo": {"name": "\u{1F600}", "x": 1}}';
    const [finding] = jsonFindings(rule, text);
    expect(finding?.message).toBe("applicationInfo: key `x` is not allowed here; remove it, since ThreatComposer rejects unknown keys on import.");
    expect([finding?.line, finding?.column, finding?.source]).toEqual([1, 49, '"x"']);
  });
});
