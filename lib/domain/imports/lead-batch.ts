/**
 * The leads of one batch, column by column as they are staged (one string or null per lead and
 * column, in STAGE_COLUMNS order): light to hold — the mapped objects are not kept, only each
 * lead's line and cells, should the database refuse it — and written as COPY text on PostgreSQL
 * or as one array per column on PGlite. A lead named twice in the batch keeps one place, its
 * later row's values and history winning.
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
  /** Each lead's row: its line and cells (index ord - 1). */
  readonly lines: number[] = [];
  readonly cells: string[][] = [];
  private readonly ords = new Map<string, number>();

  get size(): number {
    return this.columns[0].length;
  }

  add(row: MappedRow, line: number, cells: string[]): void {
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
      this.lines.push(line);
      this.cells.push(cells);
    } else {
      this.repeated++;
      for (let c = 0; c < values.length; c++) this.columns[c][ord - 1] = values[c];
      this.lines[ord - 1] = line;
      this.cells[ord - 1] = cells;
      const repeated = ord;
      this.history = this.history.filter((h) => h.ord !== repeated);
    }
    for (const step of row.history) this.history.push({ ord, step });
  }

  /** The leads at these ords (1-based), as a batch of their own (ords renumbered in order). */
  subset(ords: number[]): LeadBatch {
    const part = new LeadBatch();
    const renumbered = new Map(ords.map((ord, i) => [ord, i + 1]));
    for (const ord of ords) {
      this.columns.forEach((column, c) => part.columns[c].push(column[ord - 1]));
      part.lines.push(this.lines[ord - 1]);
      part.cells.push(this.cells[ord - 1]);
    }
    part.history = this.history.flatMap((h) => {
      const ord = renumbered.get(h.ord);
      return ord === undefined ? [] : [{ ord, step: h.step }];
    });
    part.rows = ords.length;
    return part;
  }
}
