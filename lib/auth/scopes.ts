export const API_SCOPES = [
  "events:write",
  "leads:read",
  "leads:write",
  "model:read",
  "model:write",
  "reports:read",
] as const;
export type ApiScope = (typeof API_SCOPES)[number];

export function isScope(value: string): value is ApiScope {
  return (API_SCOPES as readonly string[]).includes(value);
}
