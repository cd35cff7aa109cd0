/** Plain constants shared by the schema and the UI (no drizzle import, safe in client bundles). */
export const ROLES = ["admin", "marketer", "manager", "rep"] as const;
export type Role = (typeof ROLES)[number];

/** subscriber → lead → mql → sal → sql → opportunity → customer, with side exits recycled and disqualified. */
export const LIFECYCLE_STAGES = [
  "subscriber",
  "lead",
  "mql",
  "sal",
  "sql",
  "opportunity",
  "customer",
  "recycled",
  "disqualified",
] as const;
export type LifecycleStage = (typeof LIFECYCLE_STAGES)[number];

/** How a rep reached out to a lead. */
export const TOUCH_CHANNELS = ["call", "email", "meeting", "linkedin"] as const;
export type TouchChannel = (typeof TOUCH_CHANNELS)[number];

/** What came of a touch. */
export const TOUCH_OUTCOMES = ["no_answer", "left_message", "connected", "replied", "meeting_booked", "bounced"] as const;
export type TouchOutcome = (typeof TOUCH_OUTCOMES)[number];

/** A rep's decision on a lead: accept (MQL → SAL), qualify (SAL → SQL), reject (→ recycled), disqualify. */
export const DECISION_KINDS = ["accept", "qualify", "reject", "disqualify"] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];

/** The two agreed reason lists. */
export const REASON_KINDS = ["reject", "disqualify"] as const;
export type ReasonKind = (typeof REASON_KINDS)[number];

/** Fit grade letters, best first. */
export const FIT_GRADES = ["A", "B", "C", "D"] as const;
export type FitGradeLetter = (typeof FIT_GRADES)[number];
