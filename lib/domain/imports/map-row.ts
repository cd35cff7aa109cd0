/**
 * One CSV row → what it says: a lead (profile, typed traits, its creation date), an event, and
 * the dated steps of its history — or, cell by cell, why not (line, column, code, message).
 */
import { createHash } from "node:crypto";
import {
  FIELDS_BY_KIND,
  STAGE_DATE_FIELDS,
  STAGES_WITH_REASON,
  type DateOrder,
  type HistoryStage,
  type ImportField,
  type ImportKind,
  type ImportRowError,
  type TraitType,
} from "@/lib/shared/imports";
import type { ImportMapping } from "./schemas";
import {
  parseBoolean,
  parseCountry,
  parseDate,
  parseEmail,
  parseNumber,
  parseStage,
  traitKey,
} from "./values";

export type CellError = {
  column: string | null;
  code: ImportRowError;
  message: string;
  value: string | null;
};

export type LeadValues = {
  email: string | null;
  externalId: string | null;
  profile: Record<string, string | number | boolean | null>;
  traits: Record<string, string | number | boolean>;
  createdAt: Date | null;
};
export type HistoryStep = {
  stage: HistoryStage;
  at: Date;
  reason: string | null;
  note: string | null;
  ownerEmail: string | null;
};
export type EventValues = {
  name: string;
  occurredAt: Date;
  externalId: string;
  properties: Record<string, unknown>;
};
export type MappedRow = { lead: LeadValues; event: EventValues | null; history: HistoryStep[] };

type Column = { index: number; header: string; target: ImportMapping["columns"][number]["target"] };

export type RowMapper = {
  columns: Column[];
  traits: { key: string; label: string; type: TraitType }[];
  map(cells: string[], now: Date): { row: MappedRow | null; errors: CellError[] };
};

const TEXT_MAX: Partial<Record<ImportField, number>> = {
  firstName: 100,
  lastName: 100,
  fullName: 200,
  company: 200,
  jobTitle: 200,
  seniority: 50,
  industry: 100,
  phone: 50,
  source: 100,
  externalId: 200,
  eventName: 100,
  note: 2000,
  reason: 64,
};
const PROFILE: Partial<Record<ImportField, string>> = {
  firstName: "firstName",
  lastName: "lastName",
  company: "company",
  jobTitle: "jobTitle",
  seniority: "seniority",
  industry: "industry",
  phone: "phone",
  source: "source",
  consentSource: "consentSource",
};
const PROFILE_ENTRIES = Object.entries(PROFILE) as [ImportField, string][];
const STAGE_DATE_ENTRIES = Object.entries(STAGE_DATE_FIELDS) as [ImportField, HistoryStage][];
const CLOCK_SKEW_MS = 60_000;
/** Distinct country cells remembered per import (a file names few countries, many times). */
const COUNTRY_CACHE = 10_000;

export function createRowMapper(
  kind: ImportKind,
  mapping: ImportMapping,
  headers: string[],
  reasons: { reject: Set<string>; disqualify: Set<string> },
): RowMapper {
  const allowed = new Set(FIELDS_BY_KIND[kind]);
  const columns: Column[] = mapping.columns
    .filter((c) => c.target.to !== "ignore")
    .filter((c) => c.target.to !== "field" || allowed.has(c.target.field))
    .map((c) => ({
      index: c.index,
      header: c.header ?? headers[c.index] ?? `#${c.index + 1}`,
      target: c.target,
    }));
  const traits = columns.flatMap((c) =>
    c.target.to === "trait"
      ? [
          {
            key: c.target.key ?? traitKey(c.header),
            label: c.target.label ?? c.header,
            type: c.target.type,
          },
        ]
      : [],
  );
  const order: DateOrder | null = mapping.dateOrder ?? null;
  const countries = new Map<string, string | null>();
  const country = (raw: string) => {
    let code = countries.get(raw);
    if (code === undefined) {
      code = parseCountry(raw);
      if (countries.size < COUNTRY_CACHE) countries.set(raw, code);
    }
    return code;
  };

  // The row being mapped: its errors and clock. The helpers below are made once per file, not
  // once per row (a million rows made four million closures).
  let errors: CellError[] = [];
  let now = new Date();
  const fail = (
    column: string | null,
    code: ImportRowError,
    message: string,
    value: string | null,
  ) => errors.push({ column, code, message, value: value === null ? null : value.slice(0, 200) });
  const date = (header: string, raw: string): Date | null => {
    const d = parseDate(raw, order);
    if (!d) {
      fail(
        header,
        "bad_date",
        `“${raw}” is not a date${order ? "" : " (say whether dates are dd/mm or mm/dd)"}.`,
        raw,
      );
      return null;
    }
    if (d.getTime() > now.getTime() + CLOCK_SKEW_MS) {
      fail(header, "future_date", "The date is in the future.", raw);
      return null;
    }
    return d;
  };

  function map(cells: string[], rowNow: Date) {
    errors = [];
    now = rowNow;
    const lead: LeadValues = {
      email: null,
      externalId: null,
      profile: {},
      traits: {},
      createdAt: null,
    };
    const fields: Partial<Record<ImportField, string>> = {};
    const headerOf: Partial<Record<ImportField, string>> = {};
    let t = 0;
    for (const col of columns) {
      const raw = (cells[col.index] ?? "").trim();
      if (col.target.to === "trait") {
        const def = traits[t++];
        if (!raw) continue;
        if (def.type === "number") {
          const n = parseNumber(raw);
          if (n === null) fail(col.header, "bad_number", `“${raw}” is not a number.`, raw);
          else lead.traits[def.key] = n;
        } else if (def.type === "boolean") {
          const b = parseBoolean(raw);
          if (b === null) fail(col.header, "bad_boolean", `“${raw}” is not yes or no.`, raw);
          else lead.traits[def.key] = b;
        } else if (def.type === "date") {
          const d = date(col.header, raw);
          if (d) lead.traits[def.key] = d.toISOString();
        } else if (raw.length > 2000)
          fail(col.header, "too_long", "At most 2,000 characters.", raw);
        else lead.traits[def.key] = raw;
        continue;
      }
      if (col.target.to !== "field" || !raw) continue;
      const field = col.target.field;
      const max = TEXT_MAX[field];
      if (max && raw.length > max) {
        fail(col.header, "too_long", `At most ${max} characters.`, raw);
        continue;
      }
      fields[field] = raw;
      headerOf[field] = col.header;
    }
    const h = (f: ImportField) => headerOf[f] ?? null;

    if (fields.email !== undefined) {
      lead.email = parseEmail(fields.email);
      if (!lead.email)
        fail(h("email"), "bad_email", `“${fields.email}” is not an email address.`, fields.email);
    }
    lead.externalId = fields.externalId ?? null;
    if (!lead.email && !lead.externalId && !errors.some((e) => e.code === "bad_email"))
      fail(
        h("email") ?? h("externalId"),
        "missing_key",
        "The row names no lead: email and external id are empty.",
        null,
      );
    for (const [field, column] of PROFILE_ENTRIES) {
      const v = fields[field];
      if (v !== undefined) lead.profile[column] = v;
    }
    if (
      fields.fullName !== undefined &&
      fields.firstName === undefined &&
      fields.lastName === undefined
    ) {
      const parts = fields.fullName.split(/\s+/);
      lead.profile.firstName = parts.length > 1 ? parts.slice(0, -1).join(" ") : parts[0];
      lead.profile.lastName = parts.length > 1 ? parts[parts.length - 1] : null;
    }
    if (fields.companySize !== undefined) {
      const n = parseNumber(fields.companySize.replace(/[–-].*$/, ""));
      if (n === null || n < 0 || n > 10_000_000)
        fail(
          h("companySize"),
          "bad_number",
          `“${fields.companySize}” is not a number of employees.`,
          fields.companySize,
        );
      else lead.profile.companySize = Math.round(n);
    }
    if (fields.country !== undefined) {
      const c = country(fields.country);
      if (!c)
        fail(
          h("country"),
          "unknown_country",
          `“${fields.country}” is not a country name or ISO code.`,
          fields.country,
        );
      else lead.profile.country = c;
    }
    if (fields.consent !== undefined) {
      const b = parseBoolean(fields.consent);
      if (b === null)
        fail(h("consent"), "bad_boolean", `“${fields.consent}” is not yes or no.`, fields.consent);
      else lead.profile.consent = b;
    }
    if (fields.consentAt !== undefined) {
      const d = date(h("consentAt")!, fields.consentAt);
      if (d) lead.profile.consentAt = d.toISOString();
    }
    if (fields.createdAt !== undefined) lead.createdAt = date(h("createdAt")!, fields.createdAt);

    // History: a stage with its date, and one date column per stage.
    const history: HistoryStep[] = [];
    const reasonRaw = fields.reason ?? null;
    const owner = fields.ownerEmail ? parseEmail(fields.ownerEmail) : null;
    const note = fields.note ?? null;
    const step = (stage: HistoryStage, at: Date, column: string | null) => {
      let reason: string | null = null;
      if ((STAGES_WITH_REASON as readonly string[]).includes(stage)) {
        if (!reasonRaw) {
          fail(
            h("reason") ?? column,
            "missing_reason",
            `A ${stage} lead needs a reason code.`,
            null,
          );
          return;
        }
        const list = stage === "rejected" ? reasons.reject : reasons.disqualify;
        reason = reasonRaw
          .trim()
          .toLowerCase()
          .replace(/[\s-]+/g, "_");
        if (!list.has(reason)) {
          fail(
            h("reason"),
            "unknown_reason",
            `“${reasonRaw}” is not on the ${stage === "rejected" ? "reject" : "disqualify"} reason list.`,
            reasonRaw,
          );
          return;
        }
      } else if (stage === "lost" && reasonRaw) reason = reasonRaw.slice(0, 64);
      history.push({ stage, at, reason, note, ownerEmail: owner });
    };
    if (fields.stage !== undefined) {
      const stage = parseStage(fields.stage);
      if (!stage) {
        // "lead", "subscriber", "new", "open": no outcome yet — not an error.
        if (!/^(lead|subscriber|new|open|other|nouveau|ouvert)$/i.test(fields.stage.trim()))
          fail(
            h("stage"),
            "unknown_stage",
            `“${fields.stage}” is not a stage (handed over, accepted, qualified, rejected, disqualified, opportunity, won, lost).`,
            fields.stage,
          );
      } else {
        const dated = fields.outcomeAt ?? fields[stageDateField(stage)];
        const at =
          dated !== undefined ? date(h("outcomeAt") ?? h(stageDateField(stage))!, dated) : null;
        if (dated === undefined)
          fail(
            h("stage"),
            "missing_field",
            `The ${stage} stage needs its date (map an outcome date column).`,
            null,
          );
        else if (at) step(stage, at, h("stage"));
      }
    }
    for (const [field, stage] of STAGE_DATE_ENTRIES) {
      const raw = fields[field];
      if (raw === undefined || history.some((s) => s.stage === stage)) continue;
      const at = date(h(field)!, raw);
      if (at) step(stage, at, h(field));
    }
    if (history.length && !history.some((s) => s.stage === "handed_over")) {
      // Every later stage implies the handoff: at the lead's creation, or its first step.
      const first = Math.min(...history.map((s) => s.at.getTime()));
      const at =
        lead.createdAt && lead.createdAt.getTime() <= first ? lead.createdAt : new Date(first);
      history.push({ stage: "handed_over", at, reason: null, note: null, ownerEmail: owner });
    }
    history.sort((a, b) => a.at.getTime() - b.at.getTime() || RANK[a.stage] - RANK[b.stage]);

    let event: EventValues | null = null;
    if (kind === "events") {
      const occurredAt =
        fields.occurredAt !== undefined ? date(h("occurredAt")!, fields.occurredAt) : null;
      if (!fields.eventName) fail(h("eventName"), "missing_field", "The event has no name.", null);
      if (fields.occurredAt === undefined)
        fail(h("occurredAt"), "missing_field", "The event has no date.", null);
      if (fields.eventName && occurredAt) {
        const properties = lead.traits;
        const externalId =
          fields.eventId ??
          "import:" +
            createHash("sha256")
              .update(
                JSON.stringify([
                  lead.email ?? lead.externalId,
                  fields.eventName,
                  occurredAt.toISOString(),
                  properties,
                ]),
              )
              .digest("base64url")
              .slice(0, 32);
        event = { name: fields.eventName, occurredAt, externalId, properties };
        lead.traits = {};
      }
    }
    const rowErrors = errors;
    errors = [];
    return { row: rowErrors.length ? null : { lead, event, history }, errors: rowErrors };
  }
  return { columns, traits, map };
}

export const RANK: Record<HistoryStage, number> = {
  handed_over: 0,
  accepted: 1,
  qualified: 2,
  rejected: 3,
  disqualified: 3,
  opportunity: 4,
  won: 5,
  lost: 5,
};

function stageDateField(stage: HistoryStage): ImportField {
  return (Object.entries(STAGE_DATE_FIELDS).find(([, s]) => s === stage)?.[0] ??
    "outcomeAt") as ImportField;
}
