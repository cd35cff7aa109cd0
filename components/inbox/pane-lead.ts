import type { ReceiptLine } from "@/lib/domain/scoring/evaluate";
import type { ClockView } from "@/lib/domain/sla/lead-sla";

/** The lead as /api/v1/leads/:id returns it, in the parts the pane shows. */
export type LeadJson = {
  id: string;
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  phone: string | null;
  jobTitle: string | null;
  company: string | null;
  country: string | null;
  stage: string;
  owner: { id: string; name: string; team: string | null } | null;
  score: { total: number; grade: string; band: string } | null;
  receipt: { lines: ReceiptLine[] } | null;
  touches: { id: number; at: string; channel: string; outcome: string; note: string | null }[];
  decisions: {
    id: number;
    at: string;
    kind: string;
    reasonCode: string | null;
    note: string | null;
  }[];
  sla: { current: ClockView | null; history: ClockView[] };
};
