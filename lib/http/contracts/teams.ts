/** Contracts of the teams routes: teams, their countries and holidays, and each person's routing settings. */
import { z } from "zod";
import {
  memberPatchSchema,
  saveTeamSchema,
  setHolidaysSchema,
  setTerritoriesSchema,
} from "@/lib/domain/teams/schemas";
import { ROLES } from "@/lib/shared/vocabulary";
import { defineContract } from "../contract";
import { data } from "./common";

const teamIdParams = z.object({ id: z.guid().describe("The team's id.") });
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);

export const teamMemberSchema = z.object({
  id: z.guid(),
  name: z.string(),
  email: z.string(),
  role: z.enum(ROLES),
  teamId: z.guid().nullable(),
  timeZone: z.string().describe("IANA time zone, e.g. Europe/Paris."),
  workingHours: z.object({
    days: z.array(z.number().int().min(1).max(7)).describe("1 (Monday) to 7 (Sunday)."),
    start: hhmm,
    end: hhmm,
  }),
  capacity: z.number().int().describe("The most open MQLs routing gives them."),
  active: z.boolean(),
  awayUntil: z.iso
    .date()
    .nullable()
    .describe("Last day away (inclusive) in their time zone, while still ahead; else null."),
  away: z.boolean().describe("Routing skips them right now."),
  openMqls: z.number().int().describe("Leads at MQL they own."),
});

export const getTeamsOverview = defineContract({
  operationId: "getTeamsOverview",
  method: "get",
  path: "/api/v1/teams",
  tag: "Teams",
  summary:
    "Teams with their countries and members, the people in no team, and the gaps routing cannot fill",
  access: { permission: "users:manage", session: true },
  responses: {
    200: {
      description: "Teams by name; members are reps, managers and anyone placed in a team",
      schema: data(
        z.object({
          teams: z.array(
            z.object({
              id: z.guid(),
              name: z.string(),
              timeZone: z.string(),
              countries: z.array(z.string()).describe("ISO 3166-1 alpha-2 codes, sorted."),
              members: z.array(teamMemberSchema),
            }),
          ),
          unteamed: z.array(teamMemberSchema).describe("Reps and managers in no team."),
          unassignedMqls: z.number().int().describe("Open MQLs nobody owns."),
          uncoveredCountries: z
            .array(z.object({ country: z.string(), leads: z.number().int() }))
            .describe("Countries leads come from that no team covers, most leads first."),
        }),
      ),
    },
  },
});

const savedTeamSchema = z.object({
  id: z.guid(),
  name: z.string(),
  timeZone: z.string(),
  created: z.boolean(),
});

export const createTeam = defineContract({
  operationId: "createTeam",
  method: "post",
  path: "/api/v1/teams",
  tag: "Teams",
  summary: "Create a team with its time zone",
  description: "Team names are unique whatever the case: a taken name answers 409.",
  access: { permission: "users:manage", session: true },
  body: saveTeamSchema,
  errors: ["conflict"],
  responses: { 201: { description: "The team", schema: data(savedTeamSchema) } },
});

export const updateTeam = defineContract({
  operationId: "updateTeam",
  method: "patch",
  path: "/api/v1/teams/{id}",
  tag: "Teams",
  summary: "Rename a team and set its time zone",
  description: "Team names are unique whatever the case: a taken name answers 409.",
  access: { permission: "users:manage", session: true },
  params: teamIdParams,
  body: saveTeamSchema,
  errors: ["conflict"],
  responses: { 200: { description: "The team", schema: data(savedTeamSchema) } },
});

export const setTeamTerritories = defineContract({
  operationId: "setTeamTerritories",
  method: "put",
  path: "/api/v1/teams/{id}/territories",
  tag: "Teams",
  summary: "Replace a team's countries; those another team covered move to this one",
  description:
    "A country belongs to at most one team: `moved` lists the countries taken from another team by this change.",
  access: { permission: "users:manage", session: true },
  params: teamIdParams,
  body: setTerritoriesSchema,
  responses: {
    200: {
      description: "The team's countries and what changed",
      schema: data(
        z.object({
          teamId: z.guid(),
          countries: z.array(z.string()),
          added: z.array(z.string()),
          removed: z.array(z.string()),
          moved: z.array(
            z.object({ country: z.string(), fromTeamId: z.guid(), fromTeamName: z.string() }),
          ),
        }),
      ),
    },
  },
});

export const setTeamHolidays = defineContract({
  operationId: "setTeamHolidays",
  method: "put",
  path: "/api/v1/teams/{id}/holidays",
  tag: "Teams",
  summary: "Replace a team's holidays; SLA clocks skip them",
  description:
    "Admins for any team, a manager for their own team only (403 otherwise). Clocks already running keep their deadlines.",
  access: { permission: "settings:sales", session: true },
  params: teamIdParams,
  body: setHolidaysSchema,
  responses: {
    200: {
      description: "The team's holidays, sorted",
      schema: data(
        z.object({
          teamId: z.guid(),
          holidays: z.array(z.iso.date()).describe("Local dates, YYYY-MM-DD."),
        }),
      ),
    },
  },
});

export const updateUser = defineContract({
  operationId: "updateUser",
  method: "patch",
  path: "/api/v1/users/{id}",
  tag: "Teams",
  summary:
    "Set a person's role, team, capacity, away-until, working hours, time zone or active flag",
  description:
    "Send only what changes. `awayUntil` is the last day away in the person's time zone (today or later; null clears it). You cannot deactivate yourself or change your own role (422). Deactivating a rep (or making them a marketer) routes their open MQLs again, as new handoffs are routed; `reroutedMqls` says how many.",
  access: { permission: "users:manage", session: true },
  params: z.object({ id: z.guid().describe("The user's id.") }),
  body: memberPatchSchema,
  errors: ["unprocessable"],
  responses: {
    200: {
      description: "The person as routing sees them",
      schema: data(
        teamMemberSchema.extend({
          reroutedMqls: z
            .number()
            .int()
            .describe("Open MQLs of theirs routed again by this change."),
        }),
      ),
    },
  },
});

export const TEAMS_CONTRACTS = [
  getTeamsOverview,
  createTeam,
  updateTeam,
  setTeamTerritories,
  setTeamHolidays,
  updateUser,
];
