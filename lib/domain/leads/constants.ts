export const LEAD_SORTS = ["recent", "score", "created", "name", "company"] as const;
export type LeadSort = (typeof LEAD_SORTS)[number];
