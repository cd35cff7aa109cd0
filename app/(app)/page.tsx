import { redirect } from "next/navigation";
import { homeFor } from "@/lib/auth/permissions";
import { requireActor } from "@/lib/auth/session";

export default async function Home() {
  const actor = await requireActor();
  redirect(homeFor(actor.role));
}
