/** The href that filters the lead's activity to the events behind one rule (or back to all). */
export function ruleFilterHref(leadId: string, ruleId: string | null): string {
  return ruleId
    ? `/leads/${leadId}?rule=${encodeURIComponent(ruleId)}#activity`
    : `/leads/${leadId}#activity`;
}
