import { API_SCOPES, type ApiScope } from "@/lib/shared/vocabulary";

export { API_SCOPES, type ApiScope };

export function isScope(value: string): value is ApiScope {
  return (API_SCOPES as readonly string[]).includes(value);
}
