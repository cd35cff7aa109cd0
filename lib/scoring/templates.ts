/**
 * The starter models, one per source article (../shared/seeds). Their worked examples are
 * acceptance tests (templates.test.ts): Thibault's 110 points (seed 003), the seed-001 persona.
 */
import { scoringModelSchema, type ScoringModel, type ScoringModelInput } from "./model";

const seed003: ScoringModelInput = {
  fitGate: { exclude: [{ field: "jobTitle", op: "contains", value: "student" }, { field: "seniority", op: "eq", value: "student" }, { field: "email", op: "contains", value: "@rivalscore.io" }] },
  name: "B2B telecom (seed 003)",
  description: "Behaviour-only scoring agreed by marketing and sales: each action scores once.",
  mqlThreshold: 100,
  bands: [
    { name: "cold", min: 0 },
    { name: "warm", min: 50 },
    { name: "hot", min: 100 },
  ],
  rules: [
    { id: "open", label: "Opened a marketing or sales email", kind: "event", event: "Email Opened", points: 10, maxCount: 1 },
    { id: "click", label: "Clicked a link in an email or a social post", kind: "event", event: "Link Clicked", points: 15, maxCount: 1 },
    { id: "visit", label: "Visited the website", kind: "event", event: "Page Viewed", points: 15, maxCount: 1 },
    { id: "newsletter", label: "Subscribed to the newsletter", kind: "event", event: "Newsletter Subscribed", points: 20, maxCount: 1 },
    { id: "guide", label: "Downloaded a guide", kind: "event", event: "Content Downloaded", where: [{ property: "asset_type", op: "eq", value: "guide" }], points: 30, maxCount: 1 },
    { id: "question", label: "Asked a question (social media, chat or contact form)", kind: "event", event: "Question Asked", points: 50, maxCount: 1 },
  ],
};

const seed001: ScoringModelInput = {
  fitGate: { exclude: [{ field: "jobTitle", op: "contains", value: "student" }, { field: "seniority", op: "eq", value: "student" }, { field: "email", op: "contains", value: "@rivalscore.io" }] },
  name: "Global SaaS (seed 001)",
  description: "Fit and behaviour. Above 50: to sales. Below 25: unqualified. At 75: invite to book a demo.",
  mqlThreshold: 50,
  bands: [
    { name: "unqualified", min: 0 },
    { name: "nurture", min: 25 },
    { name: "sales", min: 50 },
    { name: "demo invite", min: 75 },
  ],
  nurtureTracks: { unqualified: "Generic newsletter", nurture: "Technical content and case studies", sales: "Sales nurture", "demo invite": "Demo invitation" },
  rules: [
    { id: "exec", label: "CEO or VP", kind: "attribute", field: "seniority", op: "in", value: ["c_level", "vp"], points: 20 },
    { id: "manager", label: "Manager", kind: "attribute", field: "seniority", op: "eq", value: "manager", points: 10 },
    { id: "tech", label: "Technology industry", kind: "attribute", field: "industry", op: "eq", value: "Technology", points: 15 },
    { id: "size", label: "Company of 50 to 500 staff", kind: "attribute", field: "companySize", op: "between", value: [50, 500], points: 10 },
    { id: "country", label: "Based in the US, UK or Canada", kind: "attribute", field: "country", op: "in", value: ["US", "GB", "CA"], points: 5 },
    { id: "pricing", label: "Viewed the pricing page", kind: "event", event: "Page Viewed", where: [{ property: "path", op: "contains", value: "/pricing" }], points: 15, maxCount: 1 },
    { id: "case-study", label: "Downloaded a case study", kind: "event", event: "Content Downloaded", where: [{ property: "asset_type", op: "eq", value: "case_study" }], points: 10 },
    { id: "webinar", label: "Attended a webinar", kind: "event", event: "Webinar Attended", points: 20 },
    { id: "demo", label: "Clicked a demo link", kind: "event", event: "Demo Requested", points: 25 },
    { id: "product-email", label: "Opened the product update email", kind: "event", event: "Email Opened", where: [{ property: "campaign", op: "eq", value: "Product update" }], points: 5 },
    { id: "unsubscribe", label: "Unsubscribed", kind: "event", event: "Unsubscribed", points: -10, maxCount: 1 },
    { id: "careers", label: "Visited the careers page", kind: "event", event: "Page Viewed", where: [{ property: "path", op: "startsWith", value: "/careers" }], points: -5, maxCount: 1 },
    { id: "support", label: "Opened a non-sales support ticket", kind: "event", event: "Support Ticket Created", points: -3 },
  ],
};

const seed002: ScoringModelInput = {
  fitGate: { exclude: [{ field: "jobTitle", op: "contains", value: "student" }, { field: "seniority", op: "eq", value: "student" }, { field: "email", op: "contains", value: "@rivalscore.io" }] },
  name: "HubSpot-style 0–100 (seed 002)",
  description: "Fit and engagement capped at 100, content scored by velocity class, engagement fading over 30 days.",
  mqlThreshold: 100,
  bands: [
    { name: "generic nurture", min: 0 },
    { name: "technical content and case studies", min: 25 },
    { name: "sales nurture", min: 75 },
  ],
  caps: { fit: 50, engagement: 100, total: 100 },
  nurtureTracks: { "generic nurture": "Generic nurture", "technical content and case studies": "Technical content and case studies", "sales nurture": "Sales nurture" },
  rules: [
    { id: "decision-maker", label: "Decision maker (C-level, VP, director)", kind: "attribute", field: "seniority", op: "in", value: ["c_level", "vp", "director"], points: 20 },
    { id: "target-size", label: "Company of 50 staff or more", kind: "attribute", field: "companySize", op: "gte", value: 50, points: 15 },
    { id: "target-industry", label: "Target industry", kind: "attribute", field: "industry", op: "in", value: ["Technology", "Software", "Telecommunications"], points: 15 },
    { id: "student", label: "Student (bad target fit)", kind: "attribute", field: "seniority", op: "eq", value: "student", points: -50 },
    { id: "high-velocity", label: "Downloaded high-velocity content", kind: "event", event: "Content Downloaded", where: [{ property: "content_type", op: "eq", value: "high_velocity" }], points: 25, withinDays: 90, halfLifeDays: 30 },
    { id: "low-velocity", label: "Downloaded low-velocity content", kind: "event", event: "Content Downloaded", where: [{ property: "content_type", op: "eq", value: "low_velocity" }], points: 5, maxCount: 4, withinDays: 90, halfLifeDays: 30 },
    { id: "pricing", label: "Viewed pricing", kind: "event", event: "Page Viewed", where: [{ property: "url", op: "contains", value: "/pricing" }], points: 15, maxCount: 1, withinDays: 90, halfLifeDays: 30 },
    { id: "demo", label: "Requested a demo", kind: "event", event: "Demo Requested", points: 50, withinDays: 90 },
    { id: "webinar", label: "Attended a webinar", kind: "event", event: "Webinar Attended", points: 15, withinDays: 90, halfLifeDays: 30 },
  ],
};

const seed000: ScoringModelInput = {
  fitGate: { exclude: [{ field: "jobTitle", op: "contains", value: "student" }, { field: "seniority", op: "eq", value: "student" }, { field: "email", op: "contains", value: "@rivalscore.io" }] },
  name: "Discovery / evaluation / purchase (seed 000)",
  description: "Demographic and behavioural scoring on a 0–40+ scale, with a strong negative for students.",
  mqlThreshold: 40,
  bands: [
    { name: "discovery", min: 0 },
    { name: "evaluation", min: 20 },
    { name: "purchase", min: 40 },
  ],
  grades: { fit: { A: 20, B: 10, C: 5 }, engagement: { "1": 30, "2": 15, "3": 5 } },
  rules: [
    { id: "persona", label: "Job title matches a persona", kind: "attribute", field: "seniority", op: "in", value: ["c_level", "vp", "director", "manager"], points: 10 },
    { id: "industry", label: "Industry matches", kind: "attribute", field: "industry", op: "in", value: ["Software", "Technology"], points: 5 },
    { id: "phone", label: "Phone known", kind: "attribute", field: "phone", op: "known", points: 5 },
    { id: "student", label: "Student", kind: "attribute", field: "seniority", op: "eq", value: "student", points: -100 },
    { id: "whitepaper", label: "Downloaded a white paper or guide", kind: "event", event: "Content Downloaded", points: 10, maxCount: 2 },
    { id: "webinar", label: "Registered for a webinar", kind: "event", event: "Webinar Registered", points: 10, maxCount: 1 },
    { id: "pricing", label: "Read the pricing page", kind: "event", event: "Page Viewed", where: [{ property: "path", op: "eq", value: "/pricing" }], points: 15, maxCount: 1 },
    { id: "email-click", label: "Clicked an email", kind: "event", event: "Link Clicked", where: [{ property: "channel", op: "eq", value: "email" }], points: 5, maxCount: 3 },
  ],
};

export const TEMPLATES = {
  "seed-003-telecom": seed003,
  "seed-001-saas": seed001,
  "seed-002-hubspot": seed002,
  "seed-000-bands": seed000,
} as const;

export type TemplateId = keyof typeof TEMPLATES;

export function template(id: TemplateId): ScoringModel {
  return scoringModelSchema.parse(TEMPLATES[id]);
}
