import type { Role } from "@/lib/shared/vocabulary";

/**
 * Who may do what. Pages, server actions and route handlers all check these on the server;
 * data-access functions additionally scope rows (a rep only ever reads their own leads).
 */
export const PERMISSIONS = {
  "rules:read": ["admin", "marketer", "manager"],
  "rules:write": ["admin", "marketer"],
  "thresholds:read": ["admin", "marketer", "manager"],
  "thresholds:write": ["admin", "marketer"],
  "inbox:read": ["admin", "manager", "rep"],
  "leads:read": ["admin", "marketer", "manager", "rep"],
  /** Read every lead; without it a manager reads their team's and unassigned leads, a rep their own (lead-scope.ts). */
  "leads:read-all": ["admin", "marketer"],
  "leads:write": ["admin", "marketer"],
  /** Import CSV files: outcomes (managers too); leads, events and combined files need imports:leads. */
  "imports:write": ["admin", "marketer", "manager"],
  "imports:leads": ["admin", "marketer"],
  "leads:decide": ["admin", "manager", "rep"],
  /** Reassign a lead to another rep (managers within their team). */
  "leads:assign": ["admin", "manager"],
  /** Read the agreed reason lists (to pick one when deciding). */
  "reasons:read": ["admin", "manager", "rep"],
  /** Read the SLA tiers. */
  "sla:read": ["admin", "manager", "rep"],
  "notifications:read": ["admin", "marketer", "manager", "rep"],
  "reports:read": ["admin", "manager", "marketer"],
  /** Change the report settings (target rate), train the predictive score. */
  "reports:write": ["admin", "manager"],
  /**
   * Turn the recalibration assistant's suggestions into the draft model (never published by it):
   * only those who may edit the draft (rules:write, thresholds:write); managers read and train.
   */
  "recalibration:draft": ["admin", "marketer"],
  "settings:read": ["admin", "manager"],
  "settings:sales": ["admin", "manager"],
  "users:manage": ["admin"],
  "api-keys:manage": ["admin"],
  /** Outgoing webhook endpoints, their secrets and delivery logs. */
  "webhooks:manage": ["admin"],
  /** GDPR: export everything held on a lead, erase a lead, set the event retention. */
  "privacy:manage": ["admin"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

/** The app's sections in navigation order, each with the permission that reveals it. */
export const NAV_ITEMS = [
  { key: "rules", href: "/rules", permission: "rules:read" },
  { key: "thresholds", href: "/thresholds", permission: "thresholds:read" },
  { key: "inbox", href: "/inbox", permission: "inbox:read" },
  { key: "leads", href: "/leads", permission: "leads:read" },
  { key: "reports", href: "/reports", permission: "reports:read" },
  { key: "import", href: "/import", permission: "imports:write" },
  { key: "settings", href: "/settings", permission: "settings:read" },
] as const satisfies readonly { key: string; href: string; permission: Permission }[];

export type NavKey = (typeof NAV_ITEMS)[number]["key"];

export function navFor(role: Role) {
  return NAV_ITEMS.filter((item) => can(role, item.permission));
}

/** Where each role lands after signing in. */
export function homeFor(role: Role): string {
  return { admin: "/leads", marketer: "/rules", manager: "/inbox", rep: "/inbox" }[role];
}
