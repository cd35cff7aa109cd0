/**
 * Rows of the inbox the page is first drawn with, enough to fill a tall screen: the server sends
 * these (and the counts of the whole list); the browser asks for the rest once the page answers keys.
 */
export const INBOX_FIRST_ROWS = 40;

/** How many of a person's latest notifications the inbox shows (read or not). */
export const RECENT_NOTIFICATIONS = 100;

type SlaState = {
  breachedEarlier: boolean;
  sla: { overdue: boolean; breached: { firstTouch: boolean; touches: boolean } } | null;
};

/** Past the SLA: a deadline passed or a breach recorded, now or before a reassignment. */
export function isPastSla(row: SlaState): boolean {
  return Boolean(
    row.breachedEarlier ||
    (row.sla && (row.sla.overdue || row.sla.breached.firstTouch || row.sla.breached.touches)),
  );
}
