/** Vocabulary for realistic B2B demo data: people, companies, pages and content. */

export const COUNTRIES = [
  ["FR", 30],
  ["US", 24],
  ["GB", 9],
  ["DE", 7],
  ["CA", 5],
  ["ES", 4],
  ["BE", 4],
  ["CH", 3],
  ["IT", 3],
  ["NL", 3],
  ["BR", 2],
  ["MX", 2],
  ["IN", 2],
  ["AU", 2],
] as const;

export const NAMES: Record<string, { first: string[]; last: string[]; phone: string }> = {
  fr: {
    first: ["Thomas", "Camille", "Julien", "Manon", "Nicolas", "Chloé", "Antoine", "Sarah", "Maxime", "Pauline", "Guillaume", "Élodie", "Romain", "Mathilde", "Benoît", "Inès", "Florian", "Claire", "Quentin", "Laura", "Sébastien", "Anaïs", "Mathieu", "Justine", "Vincent", "Océane", "Arnaud", "Margaux", "Loïc", "Émilie"],
    last: ["Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau", "Simon", "Laurent", "Lefebvre", "Michel", "Garcia", "David", "Bertrand", "Roux", "Vincent", "Fournier", "Morel", "Girard", "André", "Mercier", "Dupont", "Lambert", "Bonnet", "François", "Rousseau", "Faure"],
    phone: "+33 6",
  },
  en: {
    first: ["James", "Emma", "Michael", "Olivia", "David", "Sophia", "Daniel", "Ava", "Matthew", "Emily", "Andrew", "Madison", "Ryan", "Chloe", "Joshua", "Grace", "Christopher", "Hannah", "Brandon", "Natalie", "Tyler", "Lauren", "Kevin", "Rachel", "Jason", "Megan", "Eric", "Ashley", "Brian", "Jessica"],
    last: ["Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Wilson", "Anderson", "Taylor", "Moore", "Jackson", "White", "Harris", "Clark", "Lewis", "Walker", "Hall", "Young", "King", "Wright", "Scott", "Green", "Baker", "Adams", "Nelson", "Hill", "Campbell", "Mitchell", "Roberts"],
    phone: "+1",
  },
  de: {
    first: ["Lukas", "Anna", "Felix", "Laura", "Jonas", "Lena", "Leon", "Marie", "Paul", "Sophie", "Tobias", "Katharina", "Sebastian", "Julia", "Florian"],
    last: ["Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz", "Hoffmann", "Koch", "Richter", "Klein", "Wolf", "Neumann"],
    phone: "+49 15",
  },
  es: {
    first: ["Javier", "Lucía", "Carlos", "María", "Pablo", "Paula", "Alejandro", "Elena", "Diego", "Carmen", "Marco", "Giulia", "Luca", "Francesca", "Pedro"],
    last: ["García", "Fernández", "González", "Rodríguez", "López", "Martínez", "Sánchez", "Pérez", "Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Silva", "Santos"],
    phone: "+34 6",
  },
  nl: {
    first: ["Daan", "Emma", "Sem", "Julia", "Lars", "Sanne", "Bram", "Lotte", "Arjun", "Priya", "Rahul", "Ananya"],
    last: ["de Jong", "Jansen", "de Vries", "Bakker", "Visser", "Smit", "Peeters", "Maes", "Sharma", "Patel", "Gupta", "Singh"],
    phone: "+31 6",
  },
};

export const NAME_SET_BY_COUNTRY: Record<string, keyof typeof NAMES> = {
  FR: "fr", BE: "fr", CH: "fr", US: "en", GB: "en", CA: "en", AU: "en", DE: "de",
  ES: "es", IT: "es", MX: "es", BR: "es", NL: "nl", IN: "nl",
};

export const INDUSTRIES = [
  ["Technology", 18],
  ["Software", 14],
  ["Telecommunications", 8],
  ["Financial Services", 9],
  ["Healthcare", 7],
  ["Manufacturing", 9],
  ["Retail", 7],
  ["Logistics", 5],
  ["Media", 4],
  ["Energy", 4],
  ["Consulting", 6],
  ["Education", 4],
  ["Public Sector", 3],
  ["Real Estate", 2],
] as const;

/** [title, seniority, weight] */
export const TITLES = [
  ["CEO", "c_level", 3],
  ["CTO", "c_level", 2],
  ["CMO", "c_level", 2],
  ["COO", "c_level", 1],
  ["VP Sales", "vp", 3],
  ["VP Marketing", "vp", 3],
  ["VP Engineering", "vp", 2],
  ["Head of Growth", "director", 3],
  ["Director of IT", "director", 3],
  ["Marketing Director", "director", 3],
  ["Sales Director", "director", 3],
  ["Marketing Manager", "manager", 7],
  ["IT Manager", "manager", 5],
  ["Sales Manager", "manager", 5],
  ["Product Manager", "manager", 5],
  ["Procurement Manager", "manager", 3],
  ["Demand Generation Manager", "manager", 3],
  ["Marketing Operations Specialist", "individual", 5],
  ["Software Engineer", "individual", 6],
  ["Data Analyst", "individual", 5],
  ["Business Analyst", "individual", 4],
  ["Account Executive", "individual", 4],
  ["Consultant", "individual", 4],
  ["Marketing Assistant", "individual", 3],
  ["Office Manager", "individual", 2],
  ["Student", "student", 3],
  ["Marketing Intern", "student", 2],
] as const;

/** [label, min employees, max employees, weight] */
export const COMPANY_SIZES = [
  [1, 10, 10],
  [11, 50, 22],
  [51, 200, 26],
  [201, 500, 18],
  [501, 1000, 10],
  [1001, 5000, 9],
  [5001, 50000, 5],
] as const;

export const COMPANY_PARTS = {
  first: ["Nord", "Blue", "Alpha", "Orion", "Atlas", "Vertex", "Lumen", "Helio", "Nova", "Cobalt", "Pixel", "Quantum", "Sirius", "Terra", "Vega", "Zenith", "Arcadia", "Boreal", "Cedar", "Delta", "Ember", "Falcon", "Granite", "Harbor", "Iris", "Juniper", "Kestrel", "Lynx", "Maple", "Onyx", "Polar", "Rivet", "Summit", "Tidal", "Umbra", "Vivid", "Willow"],
  second: ["wind", "stone", "line", "path", "wave", "forge", "field", "bridge", "point", "gate", "works", "scale", "logic", "cloud", "mark", "sight", "core", "flow"],
  suffix: ["Systems", "Labs", "Group", "Technologies", "Solutions", "Industries", "Partners", "Networks", "Analytics", "Software", "Logistics", "Health", "Media", "Energy", "Consulting", "SAS", "GmbH", "Inc."],
};

export const FREE_EMAIL_DOMAINS = ["gmail.com", "outlook.com", "yahoo.com", "hotmail.fr", "orange.fr"];
export const UNIVERSITY_DOMAINS = ["etu.univ-paris.fr", "student.hec.edu", "mit.edu", "ucl.ac.uk", "tum.de"];
/** Vendors in the same market: useful later for fit-gate exclusions. */
export const COMPETITOR_DOMAINS = ["rivalscore.io", "leadlytics.com"];

export const SOURCES = [
  ["organic", 26],
  ["paid_search", 18],
  ["social", 14],
  ["email", 10],
  ["referral", 9],
  ["event", 8],
  ["direct", 10],
  ["partner", 5],
] as const;

export const PAGES = [
  ["/", "Home", 20],
  ["/product", "Product overview", 12],
  ["/product/integrations", "Integrations", 6],
  ["/pricing", "Pricing", 9],
  ["/blog/lead-scoring-101", "Lead scoring 101", 8],
  ["/blog/mql-vs-sql", "MQL vs SQL: where to draw the line", 6],
  ["/blog/sales-marketing-sla", "Writing a sales and marketing SLA", 5],
  ["/case-studies/nordwind", "Case study: Nordwind Logistics", 4],
  ["/case-studies/helio-health", "Case study: Helio Health", 3],
  ["/docs/api", "API documentation", 4],
  ["/careers", "Careers", 4],
  ["/careers/account-executive", "Job: Account Executive", 2],
  ["/about", "About us", 3],
  ["/contact", "Contact", 3],
] as const;

/** [asset, asset type, content type] — high-velocity assets move buyers fast (seed 002 §B). */
export const ASSETS = [
  ["ROI calculator", "tool", "high_velocity"],
  ["Buyer's guide to lead scoring", "guide", "high_velocity"],
  ["Pricing comparison sheet", "datasheet", "high_velocity"],
  ["Implementation checklist", "checklist", "high_velocity"],
  ["Customer case study pack", "case_study", "high_velocity"],
  ["State of B2B marketing 2026", "report", "low_velocity"],
  ["Beginner's guide to marketing automation", "guide", "low_velocity"],
  ["Content marketing playbook", "ebook", "low_velocity"],
  ["Infographic: the B2B funnel", "infographic", "low_velocity"],
  ["Email templates for nurture", "template", "low_velocity"],
] as const;

export const CAMPAIGNS = [
  "Monthly newsletter",
  "Product update",
  "Webinar invitation",
  "Nurture: evaluation track",
  "Nurture: discovery track",
  "Event follow-up",
  "Case study spotlight",
];

export const WEBINARS = [
  "Aligning sales and marketing on the MQL",
  "Scoring models that sales trusts",
  "From MQL to revenue: a live teardown",
];
