/** What the teams use cases accept, with messages a person can act on. */
import { z } from "zod";
import { isCountryCode } from "./countries";
import { isTimeZone } from "./time-zones";
import { calendarDay } from "@/lib/shared/bounds";
import { ROLES } from "@/lib/shared/vocabulary";

export const MAX_CAPACITY = 1000;

export const timeZoneSchema = z
  .string({ error: "Choose a time zone, e.g. Europe/Paris." })
  .trim()
  .refine(isTimeZone, "Choose a time zone from the list, e.g. Europe/Paris.");

export const saveTeamSchema = z.object({
  name: z
    .string({ error: "Name the team." })
    .trim()
    .min(1, "Name the team.")
    .max(60, "Keep the team name under 60 characters."),
  timeZone: timeZoneSchema,
});
export type SaveTeamInput = z.infer<typeof saveTeamSchema>;

export const countryCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .refine((code) => isCountryCode(code), "Use two-letter ISO country codes, e.g. FR or US.");

export const setTerritoriesSchema = z.object({
  countries: z
    .array(countryCodeSchema, {
      error: 'Send the team\'s countries as a list of codes, e.g. ["FR", "BE"].',
    })
    .max(300, "That is more countries than exist.")
    .transform((codes) => [...new Set(codes)].sort()),
});
export type SetTerritoriesInput = z.infer<typeof setTerritoriesSchema>;

const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Use a time like 09:00 or 17:30.");

export const workingHoursSchema = z
  .object({
    days: z
      .array(
        z
          .number()
          .int()
          .min(1, "Days are 1 (Monday) to 7 (Sunday).")
          .max(7, "Days are 1 (Monday) to 7 (Sunday)."),
      )
      .min(1, "Pick at least one working day.")
      .transform((days) => [...new Set(days)].sort((a, b) => a - b)),
    start: clock,
    end: clock,
  })
  .refine((h) => h.start < h.end, {
    message: "The working day must end after it starts.",
    path: ["end"],
  });

const capacityMessage = `Capacity is a whole number of open MQLs, from 0 to ${MAX_CAPACITY.toLocaleString("en")}.`;

export const memberPatchSchema = z
  .strictObject(
    {
      teamId: z.guid("Choose a team from the list.").nullable().optional(),
      capacity: z
        .number({ error: capacityMessage })
        .int(capacityMessage)
        .min(0, capacityMessage)
        .max(MAX_CAPACITY, capacityMessage)
        .optional(),
      /** The last day away (inclusive) in the member's time zone; null clears it. */
      awayUntil: calendarDay("Away until is a date like 2026-03-12, or null to clear it.")
        .nullable()
        .optional(),
      workingHours: workingHoursSchema.optional(),
      timeZone: timeZoneSchema.optional(),
      active: z.boolean({ error: "Active is true or false." }).optional(),
      role: z.enum(ROLES, { error: "Choose a role: admin, marketer, manager or rep." }).optional(),
    },
    {
      error:
        "Only role, team, capacity, away until, working hours, time zone and active can be changed here.",
    },
  )
  .refine(
    (patch) => Object.values(patch).some((v) => v !== undefined),
    "Nothing to change: send at least one field.",
  );
export type MemberPatch = z.infer<typeof memberPatchSchema>;

const isoDate = calendarDay("Use dates like 2026-12-25.", "That date does not exist.");

/** A team's days off (local dates): SLA clocks stop on them. */
export const setHolidaysSchema = z.object({
  holidays: z
    .array(isoDate)
    .max(400, "Keep it under 400 dates.")
    .transform((dates) => [...new Set(dates)].sort()),
});
export type SetHolidaysInput = z.infer<typeof setHolidaysSchema>;
