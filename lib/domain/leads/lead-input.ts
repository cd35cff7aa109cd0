import { z } from "zod";

/** Empty strings clear nothing by accident: they mean "unknown" and are stored as null. */
const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `At most ${max} characters.`)
    .transform((v) => (v === "" ? null : v))
    .nullable()
    .optional();

/** Dates before this are typos (year 0, 0001…), not history. */
const EARLIEST_CREATED_AT = Date.UTC(1970, 0, 1);

export const leadInputSchema = z
  .object({
    email: z.string().trim().toLowerCase().email("Not a valid email address.").max(320).optional(),
    externalId: z.string().trim().min(1).max(200).optional(),
    firstName: text(100),
    lastName: text(100),
    jobTitle: text(200),
    seniority: text(50),
    company: text(200),
    industry: text(100),
    companySize: z
      .number()
      .int("companySize is a whole number of employees.")
      .min(0)
      .max(10_000_000)
      .nullable()
      .optional(),
    country: z
      .string()
      .trim()
      .regex(/^[A-Za-z]{2}$/, "country is a two-letter ISO code, e.g. FR or US.")
      .transform((c) => c.toUpperCase())
      .nullable()
      .optional(),
    phone: text(50),
    source: text(100),
    consent: z.boolean().optional(),
    /** When the consent was given (default: when it is received); sent with `consent`. */
    consentAt: z.iso
      .datetime({
        offset: true,
        message: "consentAt must be an ISO 8601 date-time, e.g. 2024-03-15T09:30:00Z.",
      })
      .transform((s) => new Date(s))
      .refine((d) => d.getTime() >= EARLIEST_CREATED_AT, "consentAt is before the year 1970.")
      .optional(),
    /** Where it was collected ("web_form", "trade_show"…; default: the channel, e.g. api, segment). */
    consentSource: text(100),
    createdAt: z.iso
      .datetime({
        offset: true,
        message: "createdAt must be an ISO 8601 date-time, e.g. 2024-03-15T09:30:00Z.",
      })
      .or(z.iso.date({ message: "createdAt must be an ISO 8601 date, e.g. 2024-03-15." }))
      .transform((s) => new Date(s.length === 10 ? `${s}T00:00:00Z` : s))
      .refine((d) => d.getTime() >= EARLIEST_CREATED_AT, "createdAt is before the year 1970.")
      .optional(),
    traits: z
      .record(z.string().max(64), z.unknown(), { message: "traits must be a JSON object." })
      .refine((t) => JSON.stringify(t).length <= 16_384, "traits must stay under 16 KB.")
      .optional(),
  })
  .strict()
  .refine((l) => l.email || l.externalId, {
    message: "Identify the lead with email or externalId.",
    path: ["email"],
  })
  .refine((l) => l.consent !== undefined || (l.consentAt === undefined && !l.consentSource), {
    message: "consentAt and consentSource go with consent (true or false).",
    path: ["consent"],
  });

export type LeadInput = z.output<typeof leadInputSchema>;
