/**
 * Mapping suggestions from the header names: each header (case, accents and punctuation folded)
 * is looked up among the names CRMs and spreadsheets use for each field, in English and French,
 * with presets for HubSpot's and Salesforce's export headers. Anything else becomes a trait whose
 * type comes from its values (number, date, yes/no, else text).
 */
import {
  FIELDS_BY_KIND,
  type DateOrder,
  type ImportField,
  type ImportKind,
  type ImportPreset,
  type TraitType,
} from "@/lib/shared/imports";
import type { ColumnTarget, ImportMapping } from "./schemas";
import { fold, looksLikeDate, parseBoolean, parseNumber, traitKey } from "./values";

const SYNONYMS: Record<ImportField, string[]> = {
  email: [
    "email",
    "e mail",
    "email address",
    "mail",
    "courriel",
    "adresse email",
    "adresse e mail",
  ],
  externalId: ["external id", "id", "lead id", "contact id", "record id", "crm id", "identifiant"],
  firstName: ["first name", "firstname", "given name", "prenom"],
  lastName: ["last name", "lastname", "surname", "family name", "nom", "nom de famille"],
  fullName: ["name", "full name", "contact name", "nom complet"],
  company: [
    "company",
    "company name",
    "account",
    "account name",
    "organization",
    "organisation",
    "societe",
    "entreprise",
  ],
  jobTitle: ["job title", "title", "position", "poste", "fonction", "intitule du poste"],
  seniority: ["seniority", "seniority level", "niveau", "anciennete"],
  industry: ["industry", "sector", "secteur", "secteur d activite", "industrie"],
  companySize: [
    "company size",
    "employees",
    "number of employees",
    "no of employees",
    "headcount",
    "taille",
    "effectif",
    "nombre d employes",
    "taille entreprise",
  ],
  country: ["country", "country region", "country code", "pays", "country/region"],
  phone: ["phone", "phone number", "telephone", "tel", "mobile", "mobile phone"],
  source: ["source", "lead source", "original source", "origine", "canal", "utm source"],
  consent: ["consent", "opt in", "marketing consent", "email opt in", "consentement", "optin"],
  consentAt: ["consent date", "consent at", "opt in date", "consented at", "date du consentement"],
  consentSource: ["consent source", "opt in source", "source du consentement"],
  createdAt: [
    "created at",
    "created",
    "create date",
    "created date",
    "date created",
    "date de creation",
    "cree le",
    "signup date",
  ],
  eventName: ["event", "event name", "action", "evenement", "type"],
  occurredAt: [
    "occurred at",
    "timestamp",
    "time",
    "date",
    "event date",
    "event time",
    "horodatage",
  ],
  eventId: ["event id", "message id", "id evenement"],
  stage: [
    "stage",
    "status",
    "outcome",
    "lifecycle stage",
    "lead status",
    "deal stage",
    "statut",
    "etape",
    "resultat",
  ],
  outcomeAt: [
    "outcome at",
    "outcome date",
    "status date",
    "stage date",
    "close date",
    "closed date",
    "date statut",
    "date de cloture",
  ],
  reason: [
    "reason",
    "reason code",
    "lost reason",
    "closed lost reason",
    "rejection reason",
    "disqualification reason",
    "raison",
    "motif",
  ],
  ownerEmail: [
    "owner email",
    "owner",
    "lead owner",
    "contact owner",
    "sales rep",
    "proprietaire",
    "commercial",
  ],
  note: ["note", "notes", "comment", "commentaire"],
  handedOverAt: [
    "mql date",
    "handoff date",
    "handed over at",
    "became a marketing qualified lead date",
    "date mql",
  ],
  acceptedAt: ["accepted at", "accepted date", "sal date", "became a sales accepted lead date"],
  qualifiedAt: ["qualified at", "qualified date", "sql date", "became a sales qualified lead date"],
  rejectedAt: ["rejected at", "rejected date", "date rejet"],
  disqualifiedAt: ["disqualified at", "disqualified date"],
  opportunityAt: [
    "opportunity at",
    "opportunity date",
    "became an opportunity date",
    "converted date",
  ],
  wonAt: [
    "won at",
    "won date",
    "closed won date",
    "became a customer date",
    "customer date",
    "date gagne",
  ],
  lostAt: ["lost at", "lost date", "closed lost date", "date perdu"],
};

const PRESETS: Record<ImportPreset, { signature: string[]; fields: Record<string, ImportField> }> =
  {
    hubspot: {
      signature: ["record id", "create date", "lifecycle stage", "contact owner"],
      fields: {
        "record id": "externalId",
        "contact id": "externalId",
        "create date": "createdAt",
        "lifecycle stage": "stage",
        "contact owner": "ownerEmail",
        "original source": "source",
        "number of employees": "companySize",
        "became a marketing qualified lead date": "handedOverAt",
        "became a sales qualified lead date": "qualifiedAt",
        "became an opportunity date": "opportunityAt",
        "became a customer date": "wonAt",
        "country/region": "country",
        "country region": "country",
        "company name": "company",
        "job title": "jobTitle",
        "phone number": "phone",
      },
    },
    salesforce: {
      signature: ["lead id", "lead status", "lead source", "converted", "lead owner"],
      fields: {
        "lead id": "externalId",
        "lead status": "stage",
        "lead source": "source",
        "lead owner": "ownerEmail",
        "created date": "createdAt",
        "converted date": "opportunityAt",
        "no of employees": "companySize",
        title: "jobTitle",
        "company / account": "company",
        "company account": "company",
      },
    },
  };

const INDEX = new Map<string, ImportField>();
for (const [field, names] of Object.entries(SYNONYMS) as [ImportField, string[]][])
  for (const name of names) if (!INDEX.has(fold(name))) INDEX.set(fold(name), field);

export function detectPreset(headers: string[]): ImportPreset | null {
  const folded = new Set(headers.map(fold));
  for (const [name, preset] of Object.entries(PRESETS) as [
    ImportPreset,
    (typeof PRESETS)[ImportPreset],
  ][]) {
    if (preset.signature.filter((s) => folded.has(fold(s))).length >= 2) return name;
  }
  return null;
}

/** A trait's type from its sample values: all numbers, all dates, all yes/no, else text. */
export function guessTraitType(values: string[]): TraitType {
  const filled = values.map((v) => v.trim()).filter(Boolean);
  if (!filled.length) return "text";
  // Most values decide (a stray bad cell is then reported, not the whole column demoted to text).
  const most = (test: (v: string) => boolean) =>
    filled.filter(test).length >= Math.max(1, Math.ceil(filled.length * 0.6));
  if (most((v) => parseNumber(v) !== null && !/^0\d/.test(v))) return "number";
  if (most((v) => looksLikeDate(v))) return "date";
  if (most((v) => parseBoolean(v) !== null && !/^[01]$/.test(v))) return "boolean";
  return "text";
}

/** The kind the headers suggest: stage columns → leads with outcomes (or outcomes), events… */
function kindOf(fields: Set<ImportField>): ImportKind {
  const history = [...fields].some(
    (f) => f === "stage" || (f.endsWith("At") && f !== "createdAt" && f !== "occurredAt"),
  );
  const leadish = [
    "firstName",
    "lastName",
    "fullName",
    "company",
    "jobTitle",
    "country",
    "industry",
  ].some((f) => fields.has(f as ImportField));
  if (fields.has("eventName")) return "events";
  if (history) return leadish ? "leads_outcomes" : "outcomes";
  return "leads";
}

export function suggestMapping(
  headers: string[],
  rows: string[][],
  options: { kind?: ImportKind; dateOrder: DateOrder | null },
): { kind: ImportKind; preset: ImportPreset | null; mapping: ImportMapping } {
  const preset = detectPreset(headers);
  const guesses: (ImportField | null)[] = headers.map((h) => {
    const f = fold(h);
    return (preset && PRESETS[preset].fields[f]) || INDEX.get(f) || null;
  });
  const kind = options.kind ?? kindOf(new Set(guesses.filter((g): g is ImportField => g !== null)));
  const allowed = new Set(FIELDS_BY_KIND[kind]);
  const used = new Set<ImportField>();
  const columns = headers.map((header, index) => {
    const field = guesses[index];
    let target: ColumnTarget;
    if (field && allowed.has(field) && !used.has(field)) {
      used.add(field);
      target = { to: "field", field };
    } else if (kind === "outcomes") {
      target = { to: "ignore" };
    } else {
      const samples = rows.map((r) => r[index] ?? "");
      target = {
        to: "trait",
        key: traitKey(header),
        label: header,
        type: guessTraitType(samples),
      };
    }
    return { index, header, target };
  });
  return {
    kind,
    preset,
    mapping: { columns, ...(options.dateOrder ? { dateOrder: options.dateOrder } : {}) },
  };
}
