/** The leads and people webhook events describe, read in the change's transaction (one query each). */
import { sql } from "drizzle-orm";
import { queryRows, type Queryable } from "@/db/client";
import { arrayParam } from "@/db/sql-array";
import type { WebhookLead, WebhookPerson, WebhookScore } from "./events";

type Row = {
  id: string;
  email: string | null;
  external_id: string | null;
  name: string | null;
  company: string | null;
  country: string | null;
  source: string | null;
  stage: string;
  owner_id: string | null;
  owner_name: string | null;
  owner_email: string | null;
  owner_team_id: string | null;
  total: number | null;
  fit: number | null;
  engagement: number | null;
  fit_grade: string | null;
  engagement_grade: number | null;
  band: string | null;
  model_version: number | null;
  earned: number[] | null;
};

export type LeadFacts = {
  lead: WebhookLead;
  score: WebhookScore | null;
  /** What each rule earned, stored with the score (null before it was stored): top-reasons.ts. */
  earned: number[] | null;
};

export async function leadFacts(q: Queryable, leadIds: string[]): Promise<Map<string, LeadFacts>> {
  if (!leadIds.length) return new Map();
  const rows = await queryRows<Row>(
    q,
    sql`select l.id, l.email, l.external_id,
               nullif(trim(coalesce(l.first_name, '') || ' ' || coalesce(l.last_name, '')), '') as name,
               l.company, l.country, l.source, l.lifecycle_stage as stage,
               o.id as owner_id, o.name as owner_name, o.email as owner_email, o.team_id as owner_team_id,
               s.total, s.fit, s.engagement, s.fit_grade, s.engagement_grade, s.band, s.model_version, s.earned
        from leads l
        left join users o on o.id = l.owner_id
        left join lead_scores s on s.lead_id = l.id
        where l.id = any(${arrayParam(leadIds, "uuid")})`,
  );
  return new Map(
    rows.map((r) => [
      r.id,
      {
        lead: {
          id: r.id,
          email: r.email,
          externalId: r.external_id,
          name: r.name,
          company: r.company,
          country: r.country,
          source: r.source,
          stage: r.stage,
          owner: r.owner_id
            ? {
                id: r.owner_id,
                name: r.owner_name ?? "",
                email: r.owner_email,
                teamId: r.owner_team_id,
              }
            : null,
        },
        score:
          r.total === null
            ? null
            : {
                total: Number(r.total),
                fit: Number(r.fit),
                engagement: Number(r.engagement),
                grade: `${r.fit_grade}${r.engagement_grade}`,
                band: r.band ?? "",
                modelVersion: Number(r.model_version),
              },
        earned: r.earned,
      },
    ]),
  );
}

/** People by id (users), for "who decided", "from whom, to whom". */
export async function people(
  q: Queryable,
  ids: (string | null | undefined)[],
): Promise<Map<string, WebhookPerson>> {
  const wanted = [...new Set(ids.filter((id): id is string => Boolean(id)))];
  if (!wanted.length) return new Map();
  const rows = await queryRows<{ id: string; name: string; email: string | null }>(
    q,
    sql`select id, name, email from users where id = any(${arrayParam(wanted, "uuid")})`,
  );
  return new Map(rows.map((r) => [r.id, { id: r.id, name: r.name, email: r.email }]));
}
