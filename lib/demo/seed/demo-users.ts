import type { Role, WorkingHours } from "@/db/schema";

/** The demo password of every seeded account; documented in the README, only created by the seed. */
export const DEMO_PASSWORD = "accord-demo";

export const DEMO_TEAMS = [
  {
    key: "emea",
    name: "EMEA",
    timeZone: "Europe/Paris",
    countries: ["FR", "BE", "CH", "DE", "GB", "ES", "IT", "NL"],
  },
  {
    key: "americas",
    name: "Americas",
    timeZone: "America/New_York",
    countries: ["US", "CA", "MX", "BR", "AU", "IN"],
  },
] as const;

export type DemoTeamKey = (typeof DEMO_TEAMS)[number]["key"];

type DemoUser = {
  email: string;
  name: string;
  role: Role;
  team: DemoTeamKey | null;
  timeZone: string;
  workingHours?: WorkingHours;
  capacity?: number;
};

const paris = { days: [1, 2, 3, 4, 5], start: "09:00", end: "18:00" };
const newYork = { days: [1, 2, 3, 4, 5], start: "09:00", end: "17:30" };

export const DEMO_USERS: DemoUser[] = [
  {
    email: "admin@accord.test",
    name: "Alex Martin",
    role: "admin",
    team: null,
    timeZone: "Europe/Paris",
  },
  {
    email: "camille@accord.test",
    name: "Camille Durand",
    role: "marketer",
    team: null,
    timeZone: "Europe/Paris",
  },
  {
    email: "jordan@accord.test",
    name: "Jordan Lee",
    role: "marketer",
    team: null,
    timeZone: "America/New_York",
  },
  {
    email: "sophie@accord.test",
    name: "Sophie Bernard",
    role: "manager",
    team: "emea",
    timeZone: "Europe/Paris",
  },
  {
    email: "thomas@accord.test",
    name: "Thomas Petit",
    role: "rep",
    team: "emea",
    timeZone: "Europe/Paris",
    workingHours: paris,
    capacity: 60,
  },
  {
    email: "lea@accord.test",
    name: "Léa Moreau",
    role: "rep",
    team: "emea",
    timeZone: "Europe/Paris",
    workingHours: paris,
    capacity: 60,
  },
  {
    email: "hugo@accord.test",
    name: "Hugo Laurent",
    role: "rep",
    team: "emea",
    timeZone: "Europe/Paris",
    workingHours: paris,
    capacity: 40,
  },
  {
    email: "emily@accord.test",
    name: "Emily Carter",
    role: "rep",
    team: "americas",
    timeZone: "America/New_York",
    workingHours: newYork,
    capacity: 60,
  },
  {
    email: "michael@accord.test",
    name: "Michael Brooks",
    role: "rep",
    team: "americas",
    timeZone: "America/Chicago",
    workingHours: newYork,
    capacity: 60,
  },
  {
    email: "olivia@accord.test",
    name: "Olivia Chen",
    role: "rep",
    team: "americas",
    timeZone: "America/Los_Angeles",
    workingHours: newYork,
    capacity: 40,
  },
];
