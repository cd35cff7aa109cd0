import type { Role } from "@/lib/shared/vocabulary";
import type { ApiScope } from "./scopes";

/** A signed-in user. */
export type Actor = {
  id: string;
  name: string;
  email: string;
  role: Role;
  teamId: string | null;
  timeZone: string;
};

/** The actor fields of a user row (the session and the team lists read the same ones). */
export function actorOf(user: Actor): Actor {
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    role: user.role,
    teamId: user.teamId,
    timeZone: user.timeZone,
  };
}

/** A machine client calling with an API key. */
export type KeyActor = { apiKeyId: string; name: string; scopes: ApiScope[] };

/** Whoever a request acts for. */
export type Principal = { kind: "user"; user: Actor } | { kind: "key"; key: KeyActor };

/** What data-access functions need to scope rows: a person (by role, team and ownership) or a key (all rows). */
export type Viewer = Pick<Actor, "id" | "role" | "teamId"> | Pick<KeyActor, "apiKeyId">;

export function viewerOf(principal: Principal): Viewer {
  return principal.kind === "user" ? principal.user : principal.key;
}

/** How the principal is written in audit logs and histories. */
export function principalLabel(principal: Principal): {
  actorType: "user" | "api_key";
  actorId: string;
  label: string;
  userId: string | null;
} {
  return principal.kind === "user"
    ? {
        actorType: "user",
        actorId: principal.user.id,
        label: principal.user.name,
        userId: principal.user.id,
      }
    : {
        actorType: "api_key",
        actorId: principal.key.apiKeyId,
        label: `API key “${principal.key.name}”`,
        userId: null,
      };
}
