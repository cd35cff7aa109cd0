/**
 * Builds the demo data set in memory, deterministically: the same seed and the same `now` give
 * the same leads and events. Dates are relative to `now`, so the demo always looks current.
 */
import type { LifecycleStage } from "@/db/schema";
import {
  ASSETS,
  CAMPAIGNS,
  COMPANY_PARTS,
  COMPANY_SIZES,
  COMPETITOR_DOMAINS,
  COUNTRIES,
  FREE_EMAIL_DOMAINS,
  INDUSTRIES,
  NAME_SET_BY_COUNTRY,
  NAMES,
  PAGES,
  QUESTIONS,
  SOURCES,
  TITLES,
  UNIVERSITY_DOMAINS,
  WEBINARS,
} from "./catalog";
import { Prng } from "./prng";

const DAY = 86_400_000;

export type SeedLead = {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  jobTitle: string;
  seniority: string;
  company: string | null;
  industry: string;
  companySize: number | null;
  country: string;
  phone: string | null;
  source: string;
  consent: boolean;
  consentAt: Date | null;
  stage: LifecycleStage;
  createdAt: Date;
  updatedAt: Date;
  /** 0..1: how close to buying; drives which events the lead produces. */
  intent: number;
};

export type SeedEvent = {
  leadId: string;
  name: string;
  properties: Record<string, unknown>;
  occurredAt: Date;
  source: string;
};

export type SeedData = { leads: SeedLead[]; events: SeedEvent[] };

export type SeedOptions = { now: Date; leads?: number; seed?: number };

function uuidFrom(prng: Prng): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(prng.next() * 16).toString(16));
  hex[12] = "4";
  hex[16] = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  const s = hex.join("");
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

function slug(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "");
}

function makeLead(prng: Prng, now: Date, usedEmails: Set<string>): SeedLead {
  const country = prng.weighted(COUNTRIES);
  const names = NAMES[NAME_SET_BY_COUNTRY[country] ?? "en"];
  const firstName = prng.pick(names.first);
  const lastName = prng.pick(names.last);
  const [jobTitle, seniority] = prng.weighted(
    TITLES.map((t) => [[t[0], t[1]] as const, t[2]] as const),
  );
  const [minSize, maxSize] = prng.weighted(
    COMPANY_SIZES.map((s) => [[s[0], s[1]] as const, s[2]] as const),
  );
  const company = `${prng.pick(COMPANY_PARTS.first)}${prng.pick(COMPANY_PARTS.second)} ${prng.pick(COMPANY_PARTS.suffix)}`;
  const industry = prng.weighted(INDUSTRIES);
  const student = seniority === "student";
  let domain: string;
  if (student) domain = prng.pick(UNIVERSITY_DOMAINS);
  else if (prng.chance(0.012)) domain = prng.pick(COMPETITOR_DOMAINS);
  else if (prng.chance(0.12)) domain = prng.pick(FREE_EMAIL_DOMAINS);
  else
    domain = `${slug(company.split(" ")[0])}.${country === "US" ? "com" : country.toLowerCase() === "gb" ? "co.uk" : prng.chance(0.5) ? "com" : country.toLowerCase()}`;
  let local = `${slug(firstName)}.${slug(lastName)}`;
  for (let n = 2; usedEmails.has(`${local}@${domain}`); n++)
    local = `${slug(firstName)}.${slug(lastName)}${n}`;
  const email = `${local}@${domain}`;
  usedEmails.add(email);
  const createdAt = new Date(now.getTime() - prng.int(1, 150) * DAY - prng.int(0, DAY - 1));
  const consent = prng.chance(0.8);
  const phone = prng.chance(student ? 0.25 : 0.7)
    ? `${names.phone} ${String(prng.int(10, 99))} ${String(prng.int(10, 99))} ${String(prng.int(10, 99))} ${String(prng.int(10, 99))}`
    : null;
  const seniorityBoost =
    { c_level: 0.25, vp: 0.2, director: 0.15, manager: 0.1, individual: 0, student: -0.3 }[
      seniority
    ] ?? 0;
  const intent = Math.min(1, Math.max(0, prng.next() ** 2 + seniorityBoost));
  return {
    id: uuidFrom(prng),
    email,
    firstName,
    lastName,
    jobTitle,
    seniority,
    company: student ? null : company,
    industry: student ? "Education" : industry,
    companySize: student ? null : prng.int(minSize, maxSize),
    country,
    phone,
    source: prng.weighted(SOURCES),
    consent,
    consentAt: consent ? createdAt : null,
    stage: "lead",
    createdAt,
    updatedAt: createdAt,
    intent,
  };
}

function eventWeights(lead: SeedLead) {
  const hot = lead.intent;
  const student = lead.seniority === "student";
  return [
    ["Email Opened", 34],
    ["Link Clicked", 9 + 6 * hot],
    ["Page Viewed", 30],
    ["Content Downloaded", 4 + 6 * hot],
    ["Webinar Registered", 1.2 + 2 * hot],
    ["Newsletter Subscribed", 0.6],
    ["Question Asked", 0.2 + 1.2 * hot],
    ["Demo Requested", student ? 0 : 0.05 + 1.1 * hot * hot],
    ["Unsubscribed", 0.35 * (1 - hot)],
    ["Support Ticket Created", 0.4],
  ] as const;
}

function pageFor(prng: Prng, lead: SeedLead) {
  const student = lead.seniority === "student";
  const weights = PAGES.map(([url, title, w]) => {
    let weight: number = w;
    if (url === "/pricing") weight *= 0.4 + 3 * lead.intent;
    if (url.startsWith("/careers")) weight *= student ? 8 : 0.6;
    return [{ url, title }, weight] as const;
  });
  return prng.weighted(weights);
}

function makeEvents(prng: Prng, lead: SeedLead, now: Date): SeedEvent[] {
  const windowStart = Math.max(lead.createdAt.getTime(), now.getTime() - 120 * DAY);
  const span = now.getTime() - windowStart;
  const count = Math.min(160, 1 + Math.round(prng.exponential(6 + 31 * lead.intent)));
  const times = Array.from({ length: count }, () => windowStart + prng.next() * span).sort(
    (a, b) => a - b,
  );
  const out: SeedEvent[] = [];
  const weights = eventWeights(lead);
  let unsubscribed = false;
  let newsletter = false;
  const registered: string[] = [];
  for (const t of times) {
    const occurredAt = new Date(Math.floor(t));
    let name: string = prng.weighted(weights);
    const properties: Record<string, unknown> = {};
    let source = "web";
    if ((name === "Email Opened" || name === "Link Clicked") && unsubscribed) name = "Page Viewed";
    if (name === "Newsletter Subscribed" && newsletter) name = "Email Opened";
    if (name === "Unsubscribed" && unsubscribed) continue;
    switch (name) {
      case "Email Opened":
        properties.campaign = prng.pick(CAMPAIGNS);
        source = "email";
        break;
      case "Link Clicked": {
        const channel = prng.weighted([
          ["email", 7],
          ["linkedin", 3],
        ] as const);
        const page = pageFor(prng, lead);
        properties.channel = channel;
        properties.url = page.url;
        if (channel === "email") properties.campaign = prng.pick(CAMPAIGNS);
        source = channel === "email" ? "email" : "social";
        break;
      }
      case "Page Viewed": {
        const page = pageFor(prng, lead);
        properties.url = `https://www.accord-demo.com${page.url}`;
        properties.path = page.url;
        properties.title = page.title;
        break;
      }
      case "Content Downloaded": {
        const highVelocityBias = 0.3 + 0.6 * lead.intent;
        const wantHigh = prng.chance(highVelocityBias);
        const pool = ASSETS.filter((a) => (a[2] === "high_velocity") === wantHigh);
        const [asset, assetType, contentType] = prng.pick(pool);
        Object.assign(properties, { asset, asset_type: assetType, content_type: contentType });
        break;
      }
      case "Webinar Registered": {
        const webinar = prng.pick(WEBINARS);
        properties.webinar = webinar;
        registered.push(webinar);
        break;
      }
      case "Newsletter Subscribed":
        newsletter = true;
        break;
      case "Question Asked":
        properties.channel = prng.weighted([
          ["chat", 4],
          ["contact_form", 4],
          ["social", 2],
        ] as const);
        // Chosen from the time, not the generator, so every other draw stays as it was.
        properties.question = QUESTIONS[Math.floor(t) % QUESTIONS.length];
        break;
      case "Demo Requested":
        properties.form = "Book a demo";
        break;
      case "Unsubscribed":
        unsubscribed = true;
        source = "email";
        break;
      case "Support Ticket Created":
        properties.category = prng.weighted([
          ["billing", 3],
          ["technical", 5],
          ["account", 2],
        ] as const);
        break;
    }
    out.push({ leadId: lead.id, name, properties, occurredAt, source });
    // Most registrants attend, a few days later at most.
    if (name === "Webinar Registered" && prng.chance(0.45 + 0.4 * lead.intent)) {
      const at = Math.min(now.getTime() - 60_000, t + prng.int(1, 6) * DAY);
      out.push({
        leadId: lead.id,
        name: "Webinar Attended",
        properties: { webinar: registered[registered.length - 1] },
        occurredAt: new Date(at),
        source: "web",
      });
    }
  }
  return out;
}

/** Thibault from seed 003: a LinkedIn click, a site visit, a guide download, a question on social media. */
export function thibault(prng: Prng, now: Date): { lead: SeedLead; events: SeedEvent[] } {
  const d = new Date(now.getTime() - 9 * DAY);
  d.setUTCHours(9, 30, 0, 0);
  while (d.getUTCDay() !== 2) d.setTime(d.getTime() - DAY); // back to a Tuesday, 9 to 15 days ago
  const at = (days: number, hours = 0) => new Date(d.getTime() + days * DAY + hours * 3_600_000);
  const lead: SeedLead = {
    id: uuidFrom(prng),
    email: "thibault.marchand@horizon-telecom.fr",
    firstName: "Thibault",
    lastName: "Marchand",
    jobTitle: "Directeur des achats",
    seniority: "director",
    company: "Horizon Télécom",
    industry: "Telecommunications",
    companySize: 350,
    country: "FR",
    phone: "+33 6 12 34 56 78",
    source: "social",
    consent: true,
    consentAt: at(0),
    stage: "lead",
    createdAt: at(0),
    updatedAt: at(7, 2),
    intent: 0.8,
  };
  const events: SeedEvent[] = [
    {
      leadId: lead.id,
      name: "Link Clicked",
      properties: { channel: "linkedin", url: "/blog/lead-scoring-101" },
      occurredAt: at(0),
      source: "social",
    },
    {
      leadId: lead.id,
      name: "Page Viewed",
      properties: {
        url: "https://www.accord-demo.com/product",
        path: "/product",
        title: "Product overview",
      },
      occurredAt: at(1, 1),
      source: "web",
    },
    {
      leadId: lead.id,
      name: "Content Downloaded",
      properties: {
        asset: "Buyer's guide to lead scoring",
        asset_type: "guide",
        content_type: "high_velocity",
      },
      occurredAt: at(3, 5),
      source: "web",
    },
    {
      leadId: lead.id,
      name: "Question Asked",
      properties: {
        channel: "social",
        network: "linkedin",
        question: "Can Accord route leads by territory for a team of 12 reps?",
      },
      occurredAt: at(7, 2),
      source: "social",
    },
  ];
  return { lead, events };
}

export function generateDemoData({
  now,
  leads: leadCount = 3000,
  seed = 20261123,
}: SeedOptions): SeedData {
  const prng = new Prng(seed);
  const usedEmails = new Set<string>();
  const leads: SeedLead[] = [];
  const events: SeedEvent[] = [];
  const special = thibault(prng, now);
  leads.push(special.lead);
  events.push(...special.events);
  usedEmails.add(special.lead.email);
  for (let i = 1; i < leadCount; i++) {
    const lead = makeLead(prng, now, usedEmails);
    const own = makeEvents(prng, lead, now);
    lead.updatedAt = own.length ? own[own.length - 1].occurredAt : lead.createdAt;
    if (own.every((e) => e.name === "Email Opened" || e.name === "Newsletter Subscribed"))
      lead.stage = "subscriber";
    leads.push(lead);
    events.push(...own);
  }
  return { leads, events };
}
