export const LEAD_SORTS = ["recent", "created", "name", "company"] as const;
export type LeadSort = (typeof LEAD_SORTS)[number];
