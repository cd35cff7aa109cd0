/** Contracts of background jobs: where one stands, cancelling it, and the recent ones. */
import { z } from "zod";
import { JOB_STATES } from "@/db/schema/jobs";
import { defineContract } from "../contract";
import { data } from "./common";

const at = z.iso.datetime();

export const jobSchema = z
  .object({
    id: z.guid(),
    name: z.string().describe("What it does: scoring-publish, predict-train, sla-sweep…"),
    state: z.enum(JOB_STATES),
    progress: z.object({
      done: z.number().int().nullable(),
      total: z.number().int().nullable().describe("Null while the total is not known yet."),
      phase: z.string().nullable().describe("What it is doing now, e.g. rescoring."),
    }),
    attempts: z.number().int(),
    maxAttempts: z.number().int(),
    error: z.string().nullable().describe("The last attempt's error; kept while a retry waits."),
    result: z.record(z.string(), z.unknown()).nullable(),
    requestedBy: z.string().nullable(),
    createdAt: at,
    runAt: at.describe("When it runs (or runs again, after a failure)."),
    startedAt: at.nullable(),
    finishedAt: at.nullable(),
  })
  .meta({ id: "Job" });

const jobParams = z.object({ id: z.guid() });

export const getJob = defineContract({
  operationId: "getJob",
  method: "get",
  path: "/api/v1/jobs/{id}",
  tag: "Jobs",
  summary:
    "Where a background job stands: queued, running (done / total), done, failed (with the error)",
  description:
    "Readable by whoever may read what the job works on (a publish: the model's readers).",
  access: { permission: "leads:read", scope: "any" },
  params: jobParams,
  responses: { 200: { description: "The job", schema: data(jobSchema) } },
});

export const cancelJob = defineContract({
  operationId: "cancelJob",
  method: "post",
  path: "/api/v1/jobs/{id}/cancel",
  tag: "Jobs",
  summary: "Cancel a queued or running job; a running one stops at its next step",
  access: { permission: "leads:read", scope: "any" },
  params: jobParams,
  errors: ["conflict"],
  responses: {
    200: { description: "The job, cancelled (or already finished)", schema: data(jobSchema) },
  },
});

export const listJobs = defineContract({
  operationId: "listJobs",
  method: "get",
  path: "/api/v1/jobs",
  tag: "Jobs",
  summary: "The latest background jobs, newest first (admins and managers)",
  access: { permission: "settings:read", session: true },
  query: z.object({
    name: z.string().max(100).optional(),
    state: z.enum(JOB_STATES).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  }),
  responses: { 200: { description: "Jobs", schema: data(z.array(jobSchema)) } },
});

export const JOBS_CONTRACTS = [getJob, cancelJob, listJobs];
