/**
 * The leads of one batch, column by column as they are staged (one string or null per lead and
 * column, in STAGE_COLUMNS order): light to hold — the rows' cells and mapped objects are not
 * kept — and written as COPY text on PostgreSQL or as one array per column on PGlite. A lead
 * named twice in the batch keeps one place, its later row's values and history winning.
 */
import type { HistoryStep, MappedRow } from "./map-row";

export const STAGE_COLUMNS = [
  "email",
  "ext",
  "first_name",
  "last_name",
  "company",
  "job_title",
  "seniority",
  "industry",
  "company_size",
  "country",
  "phone",
  "source",
  "consent",
  "consent_at",
  "consent_source",
  "traits",
  "created_at",
] as const;

const PROFILE = [
  "firstName",
  "lastName",
  "company",
  "jobTitle",
  "seniority",
  "industry",
  "companySize",
  "country",
  "phone",
  "source",
  "consent",
  "consentAt",
  "consentSource",
] as const;

const text = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

export class LeadBatch {
  /** One array per STAGE_COLUMNS entry; index i is the lead at ord i + 1. */
  readonly columns: (string | null)[][] = STAGE_COLUMNS.map(() => []);
  /** History steps by the ord (1-based) of their lead. */
  history: { ord: number; step: HistoryStep }[] = [];
  /** Rows that named a lead already in the batch. */
  repeated = 0;
  /** Rows read into the batch (repeats included). */
  rows = 0;
  private readonly ords = new Map<string, number>();

  get size(): number {
    return this.columns[0].length;
  }

  add(row: MappedRow): void {
    this.rows++;
    const lead = row.lead;
    const key = lead.email ? `e:${lead.email}` : `x:${lead.externalId}`;
    const values: (string | null)[] = [lead.email, lead.externalId];
    for (const k of PROFILE) values.push(text(lead.profile[k]));
    values.push(JSON.stringify(lead.traits), lead.createdAt ? lead.createdAt.toISOString() : null);
    let ord = this.ords.get(key);
    if (ord === undefined) {
      ord = this.size + 1;
      this.ords.set(key, ord);
      for (let c = 0; c < values.length; c++) this.columns[c].push(values[c]);
    } else {
      this.repeated++;
      for (let c = 0; c < values.length; c++) this.columns[c][ord - 1] = values[c];
      const repeated = ord;
      this.history = this.history.filter((h) => h.ord !== repeated);
    }
    for (const step of row.history) this.history.push({ ord, step });
  }
}
