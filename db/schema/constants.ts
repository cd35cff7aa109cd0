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
