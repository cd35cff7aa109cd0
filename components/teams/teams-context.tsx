"use client";

import { createContext, useContext } from "react";

export type TeamsSettings = {
  /** Admins edit; managers read. */
  editable: boolean;
  /** Country code → name in the reader's language, and the codes sorted by that name. */
  countryName: (code: string) => string;
  sortedCountries: { code: string; name: string }[];
  teams: { id: string; name: string }[];
  /** When the page was read (ISO): the yardstick for "away" and for the earliest away-until date. */
  now: string;
};

const Context = createContext<TeamsSettings | null>(null);

export const TeamsSettingsProvider = Context.Provider;

export function useTeamsSettings(): TeamsSettings {
  const value = useContext(Context);
  if (!value) throw new Error("useTeamsSettings outside TeamsPanel");
  return value;
}
