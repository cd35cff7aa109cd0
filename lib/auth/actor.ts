import type { Role } from "@/db/schema/constants";

/** Who is acting: a signed-in user (API keys and the system join later). */
export type Actor = {
  id: string;
  name: string;
  email: string;
  role: Role;
  teamId: string | null;
  timeZone: string;
};
