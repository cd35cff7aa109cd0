/**
 * Every operation of the API, one contract each. The OpenAPI document is generated from this
 * list, and lib/http/contracts.test.ts checks that every route file on disk is bound to one of
 * them and that nothing here lacks a route.
 */
import type { Contract } from "../contract";
import { ADMIN_CONTRACTS } from "./admin";
import { EXPORTS_CONTRACTS } from "./exports";
import { IMPORTS_CONTRACTS } from "./imports";
import { INGEST_CONTRACTS } from "./ingest";
import { JOBS_CONTRACTS } from "./jobs";
import { LEADS_CONTRACTS } from "./leads";
import { PRIVACY_CONTRACTS } from "./privacy";
import { REPORTS_CONTRACTS } from "./reports";
import { SALES_CONTRACTS } from "./sales";
import { SCORING_CONTRACTS } from "./scoring";
import { TEAMS_CONTRACTS } from "./teams";
import { USERS_CONTRACTS } from "./users";
import { WEBHOOKS_CONTRACTS } from "./webhooks";

export const TAGS = [
  { name: "Ingestion", description: "Events in, by the REST API or a Segment-compatible source." },
  { name: "Leads", description: "Leads, their scores with receipts, timelines and CRM outcomes." },
  {
    name: "Sales",
    description: "The MQL inbox, touches, decisions, reasons, SLA tiers and notifications.",
  },
  { name: "Teams", description: "Teams, territories, holidays and the reps' routing settings." },
  {
    name: "Users",
    description: "Who can sign in: creating and inviting users, roles, deactivation.",
  },
  {
    name: "Scoring model",
    description: "The draft, its impact preview, publishing and versions; threshold evidence.",
  },
  {
    name: "Reports",
    description:
      "Funnel, calibration, rule lift, SLA and reasons; recalibration and the predictive score.",
  },
  {
    name: "Imports",
    description:
      "CSV imports of leads, events and outcomes with their dates: inspect, map, dry run, import.",
  },
  {
    name: "Jobs",
    description:
      "Background work: publishing, training, imports, deliveries; its progress and errors.",
  },
  {
    name: "Webhooks",
    description:
      "Outgoing webhooks (Standard Webhooks): endpoints, signing secrets, test events, the delivery log.",
  },
  {
    name: "Exports",
    description:
      "CSV downloads, streamed: the filtered leads list; events, decisions, transitions.",
  },
  {
    name: "Privacy",
    description: "GDPR: a lead's export and erasure (with a suppression list), event retention.",
  },
  { name: "Administration", description: "API keys, health, this document, and test hooks." },
];

export const ALL_CONTRACTS: readonly Contract[] = [
  ...INGEST_CONTRACTS,
  ...LEADS_CONTRACTS,
  ...SALES_CONTRACTS,
  ...TEAMS_CONTRACTS,
  ...USERS_CONTRACTS,
  ...SCORING_CONTRACTS,
  ...REPORTS_CONTRACTS,
  ...IMPORTS_CONTRACTS,
  ...JOBS_CONTRACTS,
  ...WEBHOOKS_CONTRACTS,
  ...EXPORTS_CONTRACTS,
  ...PRIVACY_CONTRACTS,
  ...ADMIN_CONTRACTS,
];
