// Word lists for bench/generate.mjs. A `{c}` placeholder takes a component name, `{n}` a count up to
// 48,000 and `{k}` a count from 2 to 90, so that every generated statement names a concrete component
// and carries a quantity.

/** Named system components, so that no generated row uses a generic name such as "Lambda function". */
export const COMPONENTS = [
  "checkout-api Lambda",
  "payments-gateway API",
  "ledger-writer Lambda",
  "session-store ElastiCache cluster",
  "invoice-archive S3 bucket",
  "customer-profile DynamoDB table",
  "notification-dispatcher SQS queue",
  "admin-console web app",
  "report-builder ECS service",
  "identity Cognito user pool",
  "audit-trail CloudTrail log",
  "search-index OpenSearch domain",
  "webhook-receiver Lambda",
  "pricing-engine ECS service",
  "export-scheduler EventBridge rule",
  "secrets-vault Secrets Manager store",
];

export const APPLICATION_NAMES = [
  "Orderly Checkout",
  "Harbor Billing",
  "Lumen Support Desk",
  "Quarry Analytics",
  "Beacon Notifications",
  "Atlas Partner Portal",
  "Cobalt Inventory",
  "Meridian Payroll",
];

/** Threat actors; the article ("A" or "An") is chosen from the first letter. */
export const ACTORS = [
  "external attacker",
  "malicious authenticated customer",
  "compromised partner integration",
  "disgruntled support engineer",
  "automated credential-stuffing botnet",
  "rogue third-party script",
  "former contractor",
  "anonymous internet user",
  "insider with console access",
  "attacker on a shared Wi-Fi network",
];

/** Capability clauses that follow "who". */
export const CAPABILITIES = [
  "holds a stolen session cookie",
  "has network access to the private VPC endpoint",
  "controls a registered webhook URL",
  "has read access to the build logs",
  "obtained a leaked API key from a public repository",
  "knows the sequential order identifiers",
  "owns a valid free-tier account",
  "intercepts traffic on an untrusted network",
  "has write access to the shared configuration repository",
  "reuses credentials leaked in an unrelated breach",
];

/** Action clauses that follow "can". */
export const ACTIONS = [
  "replay expired tokens against the {c}",
  "inject crafted query fragments into requests handled by the {c}",
  "enumerate records exposed by the {c}",
  "flood the {c} with {n} requests per second",
  "tamper with messages held by the {c}",
  "read unencrypted backups of the {c}",
  "escalate to administrator roles through the {c}",
  "forge webhook signatures accepted by the {c}",
  "exfiltrate secrets cached by the {c}",
  "delete audit entries written by the {c}",
];

/** Technical impacts that follow "which leads to"; each carries a number. */
export const IMPACTS = [
  "unauthorized access to {n} customer accounts",
  "disclosure of {n} payment records",
  "corruption of {n} ledger entries",
  "an outage of the {c} lasting {k} hours",
  "loss of audit evidence covering {k} days",
  "privilege escalation for {n} tenant accounts",
  "exposure of {n} signed invoices",
  "silent changes to {n} price rules",
];

/** Business impacts that follow "resulting in"; each carries a number. */
export const BUSINESS_IMPACTS = [
  "regulatory fines of up to ${n}",
  "a drop of {k}% in completed checkouts",
  "chargebacks worth ${n}",
  "breach notifications to {n} customers",
  "service credit payouts of ${n}",
  "contract penalties under {k} enterprise agreements",
  "{k} hours of manual reconciliation work",
];

export const MITIGATIONS = [
  "Enforce mutual TLS between every client and the {c}",
  "Rotate credentials used by the {c} every {k} days",
  "Apply a rate limit of {n} requests per minute per client to the {c}",
  "Validate and parameterize every query issued by the {c}",
  "Encrypt backups of the {c} with a customer-managed KMS key",
  "Require hardware MFA for every administrator of the {c}",
  "Verify HMAC signatures on every webhook accepted by the {c}",
  "Write audit events from the {c} to an object-locked bucket with {k}-day retention",
  "Bind sessions issued by the {c} to the client certificate and expire them after {k} minutes",
  "Scope the IAM role of the {c} to the {k} actions it calls",
];

export const ASSUMPTIONS = [
  "The {c} is reachable only through the private VPC endpoint",
  "Administrators of the {c} sign in with hardware MFA keys",
  "Backups of the {c} are kept for {k} days",
  "TLS 1.2 or newer terminates at the load balancer in front of the {c}",
  "The {c} runs in a dedicated AWS account with {k} named operators",
  "Secrets used by the {c} are stored only in Secrets Manager",
  "The {c} receives traffic only from the {k} partner IP ranges on the allow list",
  "Deployments of the {c} go through the reviewed pipeline only",
];

export const ASSET_KINDS = [
  "Customer payment tokens",
  "Session cookies",
  "Order history",
  "Audit logs",
  "Tenant configuration",
  "Signing keys",
  "Invoice PDFs",
  "Support tickets",
];

export const CONTROL_NAMES = [
  "Cognito password policy",
  "WAF managed rule group",
  "KMS encryption at rest",
  "CloudWatch alarm on error rate",
  "GuardDuty findings export",
  "IAM permission boundary",
  "S3 Block Public Access",
  "Automated key rotation",
];

export const CONTROL_GAPS = [
  "MFA is optional, and {k}% of administrators have not enrolled",
  "Logs are kept for {k} days only and are not integrity-protected",
  "The rule group covers {k} of the public routes",
  "Alarms fire after {k} minutes of sustained errors",
  "Rotation runs every {k} days instead of every 30",
  "The boundary still allows {k} wildcard actions",
];

export const EVIDENCE_PREFIXES = [
  "**Found in repo**:",
  "**Found in image**:",
  "**Found in architecture**:",
  "**Found in diagram**:",
];

export const SOURCE_FILES = [
  "infra/network-stack.ts",
  "infra/storage-stack.ts",
  "infra/auth-stack.ts",
  "src/handlers/checkout.ts",
  "src/handlers/webhook.ts",
  "src/services/ledger.ts",
  "src/services/session.ts",
  "Dockerfile",
];

export const WELL_ARCHITECTED_IDS = ["SEC-01", "SEC-02", "SEC-03", "SEC-05", "SEC-06", "SEC-08", "SEC-09", "REL-09"];

export const AWS_SERVICES = [
  "AWS WAF (rate-based rules)",
  "Amazon CloudWatch (alarms)",
  "AWS KMS (customer-managed keys)",
  "Amazon Cognito (MFA enforcement)",
  "AWS IAM (permission boundaries)",
  "AWS CloudTrail (log file validation)",
];
