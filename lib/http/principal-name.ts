import type { Principal } from "@/lib/auth/principal";

/** Who asked, as jobs and imports record it: a person's name or an API key's. */
export const principalName = (principal: Principal): string =>
  principal.kind === "user" ? principal.user.name : `API key ${principal.key.name}`;
