import type { LeadLifecycle } from "@/lib/domain/lifecycle/lead-lifecycle";
import type { LeadScoreWithReceipt } from "@/lib/domain/scoring/lead-score";
import type { LeadDetail } from "./get-lead";
import type { LeadListRow } from "./list-leads";

/** The public JSON shape of a lead (API v1). */
export function leadToJson(
  lead: LeadDetail,
  score?: LeadScoreWithReceipt | null,
  lifecycle?: LeadLifecycle,
) {
  return {
    id: lead.id,
    email: lead.email,
    externalId: lead.externalId,
    firstName: lead.firstName,
    lastName: lead.lastName,
    jobTitle: lead.jobTitle,
    seniority: lead.seniority,
    company: lead.company,
    industry: lead.industry,
    companySize: lead.companySize,
    country: lead.country,
    phone: lead.phone,
    source: lead.source,
    consent: {
      given: lead.consent,
      at: lead.consentAt?.toISOString() ?? null,
      source: lead.consentSource,
    },
    traits: lead.traits,
    stage: lead.stage,
    owner: lead.ownerId ? { id: lead.ownerId, name: lead.ownerName, team: lead.ownerTeam } : null,
    score: score
      ? {
          total: score.total,
          fit: score.fit,
          engagement: score.engagement,
          grade: score.grade,
          band: score.band,
          modelVersion: score.modelVersion,
          asOf: score.asOf,
        }
      : null,
    receipt: score?.receipt ?? null,
    ...(lifecycle
      ? {
          nurtureTrack: lifecycle.nurtureTrack,
          fitGate: lifecycle.fitGate,
          missingFields: lifecycle.missingFields,
          transitions: lifecycle.transitions,
        }
      : {}),
    createdAt: lead.createdAt.toISOString(),
    updatedAt: lead.updatedAt.toISOString(),
  };
}

export function leadRowToJson(lead: LeadListRow) {
  return {
    id: lead.id,
    email: lead.email,
    firstName: lead.firstName,
    lastName: lead.lastName,
    jobTitle: lead.jobTitle,
    company: lead.company,
    country: lead.country,
    stage: lead.stage,
    owner: lead.ownerId ? { id: lead.ownerId, name: lead.ownerName } : null,
    score:
      lead.score === null
        ? null
        : { total: lead.score, grade: `${lead.fitGrade}${lead.engagementGrade}` },
    updatedAt: lead.updatedAt.toISOString(),
  };
}
