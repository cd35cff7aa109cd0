/** A lead's decisions and touches, newest first, for the lead API and the detail pane. */
import { desc, eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { decisions, touches } from "@/db/schema";
import { touchView, type TouchView } from "./log-touch";
import { decisionView, type DecisionView } from "./record-decision";

export async function leadActivity(
  db: Queryable,
  leadId: string,
): Promise<{ decisions: DecisionView[]; touches: TouchView[] }> {
  const [d, t] = await Promise.all([
    db
      .select()
      .from(decisions)
      .where(eq(decisions.leadId, leadId))
      .orderBy(desc(decisions.at), desc(decisions.id)),
    db
      .select()
      .from(touches)
      .where(eq(touches.leadId, leadId))
      .orderBy(desc(touches.at), desc(touches.id)),
  ]);
  return { decisions: d.map(decisionView), touches: t.map(touchView) };
}
