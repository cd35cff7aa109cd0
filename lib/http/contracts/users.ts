/** Contracts of the users routes: who can sign in, their roles, invitations. */
import { z } from "zod";
import { createUserSchema } from "@/lib/domain/users/schemas";
import { ROLES } from "@/lib/shared/vocabulary";
import { defineContract } from "../contract";
import { data } from "./common";

export const userSummarySchema = z.object({
  id: z.guid(),
  name: z.string(),
  email: z.string(),
  role: z.enum(ROLES),
  teamId: z.guid().nullable(),
  teamName: z.string().nullable(),
  timeZone: z.string().describe("IANA time zone, e.g. Europe/Paris."),
  capacity: z.number().int().describe("The most open MQLs routing gives them."),
  active: z.boolean(),
  passwordSet: z
    .boolean()
    .describe("Signs in with a password; false while an invitation waits (or single sign-on)."),
  invitationExpiresAt: z.iso
    .datetime()
    .nullable()
    .describe("When their unused invitation link expires, while it still works."),
  openMqls: z.number().int().describe("Leads at MQL they own."),
  createdAt: z.iso.datetime(),
});

const invitationSchema = z.object({
  path: z
    .string()
    .describe(
      "The one-time link, relative to this app: `/invite/<token>`. Shown once, never stored.",
    ),
  expiresAt: z.iso.datetime(),
});

export const listUsers = defineContract({
  operationId: "listUsers",
  method: "get",
  path: "/api/v1/users",
  tag: "Users",
  summary: "Everyone who can sign in, with role, team, time zone, capacity and status",
  access: { permission: "users:manage", session: true },
  responses: {
    200: { description: "Users by name", schema: data(z.array(userSummarySchema)) },
  },
});

export const createUser = defineContract({
  operationId: "createUser",
  method: "post",
  path: "/api/v1/users",
  tag: "Users",
  summary: "Create a user with a password, or invite them with a one-time link",
  description:
    "With `password` the user can sign in at once. Without it the answer holds a one-time link (valid 7 days, single use) where they choose their password. An email already in use answers 409.",
  access: { permission: "users:manage", session: true },
  body: createUserSchema,
  errors: ["conflict"],
  responses: {
    201: {
      description: "The user, and their invitation when no password was given",
      schema: data(z.object({ user: userSummarySchema, invitation: invitationSchema.nullable() })),
    },
  },
});

export const createInvitation = defineContract({
  operationId: "createInvitation",
  method: "post",
  path: "/api/v1/users/{id}/invitation",
  tag: "Users",
  summary: "A new one-time link for a user to set their password",
  description:
    "For an invitation that expired or got lost, or a forgotten password. Older unused links of this user stop working. A deactivated user answers 422.",
  access: { permission: "users:manage", session: true },
  params: z.object({ id: z.guid().describe("The user's id.") }),
  errors: ["unprocessable"],
  responses: { 201: { description: "The link", schema: data(invitationSchema) } },
});

export const USERS_CONTRACTS = [listUsers, createUser, createInvitation];
