/** Small builders for tests: each call inserts one row with sensible defaults. */
import { randomUUID } from "node:crypto";
import type { Db } from "./client";
import { events, leads, teams, users, type NewEvent, type NewLead } from "./schema";
import type { Role } from "@/lib/shared/vocabulary";

let counter = 0;
const next = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

export async function createTeam(db: Db, name = `Team ${next()}`, timeZone = "Europe/Paris") {
  const [team] = await db.insert(teams).values({ name, timeZone }).returning();
  return team;
}

export async function createUser(
  db: Db,
  overrides: Partial<typeof users.$inferInsert> & { role?: Role } = {},
) {
  const id = next();
  const [user] = await db
    .insert(users)
    .values({ email: `user-${id}@example.test`, name: `User ${id}`, role: "rep", ...overrides })
    .returning();
  return user;
}

export async function createLead(db: Db, overrides: Partial<NewLead> = {}) {
  const id = next();
  const [lead] = await db
    .insert(leads)
    .values({ email: `lead-${id}@example.test`, firstName: "Lead", lastName: id, ...overrides })
    .returning();
  return lead;
}

export async function createEvent(db: Db, overrides: Partial<NewEvent> & { leadId: string }) {
  const [event] = await db
    .insert(events)
    .values({
      name: "Page Viewed",
      properties: {},
      occurredAt: new Date(),
      externalId: randomUUID(),
      ...overrides,
    })
    .returning();
  return event;
}
