import { boolean, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import type { WorkingHours } from "@/lib/shared/vocabulary";
import { roleEnum } from "./enums";

export const teams = pgTable("teams", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull().unique(),
  timeZone: text("time_zone").notNull().default("UTC"),
  /** Round-robin position: how many MQLs the team has been offered. */
  routingCursor: integer("routing_cursor").notNull().default(0),
  /** Local dates ("YYYY-MM-DD") off for the whole team: SLA clocks stop on them. */
  holidays: jsonb("holidays").$type<string[]>().notNull().default([]),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export const users = pgTable("users", {
  id: uuid("id").primaryKey().defaultRandom(),
  email: text("email").notNull().unique(),
  name: text("name").notNull(),
  /** Null for users who only sign in through OIDC. */
  passwordHash: text("password_hash"),
  role: roleEnum("role").notNull(),
  teamId: uuid("team_id").references(() => teams.id, { onDelete: "set null" }),
  timeZone: text("time_zone").notNull().default("UTC"),
  workingHours: jsonb("working_hours")
    .$type<WorkingHours>()
    .notNull()
    .default({ days: [1, 2, 3, 4, 5], start: "09:00", end: "18:00" }),
  /** Maximum open MQLs routed to this user at once. */
  capacity: integer("capacity").notNull().default(50),
  active: boolean("active").notNull().default(true),
  /**
   * Carried in the session token; a token whose number differs is refused. Bumped by sign-out,
   * password, role and deactivation changes (lib/domain/users/revoke-sessions.ts).
   */
  sessionVersion: integer("session_version").notNull().default(0),
  /** Out of office until then: routing skips the user. */
  awayUntil: timestamp("away_until", { withTimezone: true }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export type User = typeof users.$inferSelect;
export type Team = typeof teams.$inferSelect;
