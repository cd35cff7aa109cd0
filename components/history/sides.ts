/** A side of the comparison: a published version or the draft. */
export type Side = number | "draft";

export const parseSide = (value: string | undefined): Side | null =>
  value === "draft" ? "draft" : value && /^[1-9][0-9]{0,8}$/.test(value) ? Number(value) : null;
