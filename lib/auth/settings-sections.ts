/**
 * Settings' sections, each at its own address, in the order the side navigation lists them, with
 * the permission that reveals each. `/settings` opens the first one the role may see.
 */
import type { Role } from "@/lib/shared/vocabulary";
import { can, type Permission } from "./permissions";

export const SETTINGS_SECTIONS = [
  { key: "users", permission: "users:manage" },
  { key: "teams", permission: "settings:read" },
  { key: "sla", permission: "settings:sales" },
  { key: "reasons", permission: "settings:sales" },
  { key: "holidays", permission: "settings:sales" },
  { key: "api-keys", permission: "api-keys:manage" },
  { key: "webhooks", permission: "webhooks:manage" },
  { key: "jobs", permission: "settings:read" },
  { key: "privacy", permission: "privacy:manage" },
] as const satisfies readonly { key: string; permission: Permission }[];

export type SettingsSection = (typeof SETTINGS_SECTIONS)[number]["key"];

export const settingsHref = (key: SettingsSection) => `/settings/${key}`;

export function settingsSectionsFor(role: Role): SettingsSection[] {
  return SETTINGS_SECTIONS.filter((s) => can(role, s.permission)).map((s) => s.key);
}

export function sectionPermission(key: SettingsSection): Permission {
  return SETTINGS_SECTIONS.find((s) => s.key === key)!.permission;
}
