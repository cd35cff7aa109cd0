/**
 * What one batch of an import holds and answers: the rows read (kept whole for events and
 * outcomes, column by column for leads — lead-batch.ts), the counts it adds up to, and the rows
 * it refused with why.
 */
import { STAGE_COLUMNS, type LeadBatch } from "./lead-batch";
import type { CellError, MappedRow } from "./map-row";

export type Counts = {
  created: number;
  updated: number;
  skipped: number;
  failed: number;
  historyCreated: number;
  historySkipped: number;
};

export const noCounts = (): Counts => ({
  created: 0,
  updated: 0,
  skipped: 0,
  failed: 0,
  historyCreated: 0,
  historySkipped: 0,
});

/** A row refused, with its line, its cells (for the failed-rows CSV) and each reason. */
export type RowFailure = { line: number; cells: string[]; errors: CellError[] };

/** A mapped row of an events or outcomes file, as read. */
export type Pending = { line: number; cells: string[]; row: MappedRow };

export type BatchResult = Partial<Counts> & { rowErrors?: RowFailure[] };

/** The batch's leads, one per key (a later row of the same lead in the batch wins). */
export function distinctLeads(batch: Pending[]) {
  const byKey = new Map<string, Pending>();
  let repeated = 0;
  for (const p of batch) {
    const key = p.row.lead.email ? `e:${p.row.lead.email}` : `x:${p.row.lead.externalId}`;
    if (byKey.has(key)) repeated++;
    byKey.set(key, p);
  }
  return { leads: [...byKey.values()], repeated };
}

export const unknownLead = (p: Pending): CellError => ({
  column: null,
  code: "unknown_lead",
  message: `No lead with ${p.row.lead.email ? `email ${p.row.lead.email}` : `external id ${p.row.lead.externalId}`}.`,
  value: p.row.lead.email ?? p.row.lead.externalId,
});

/** A lead row refused: its external id is another lead's (that lead has another email). */
export function externalIdTaken(batch: LeadBatch, ord: number): RowFailure {
  const externalId = batch.columns[STAGE_COLUMNS.indexOf("ext")][ord - 1];
  return {
    line: batch.lines[ord - 1],
    cells: batch.cells[ord - 1],
    errors: [
      {
        column: null,
        code: "external_id_taken",
        message: `Another lead already has the external id “${externalId}”.`,
        value: externalId,
      },
    ],
  };
}
