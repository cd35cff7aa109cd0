import type { APIRequestContext } from "@playwright/test";

type Condition = { property?: string; field?: string; op: string; value?: unknown };
type Rule = {
  kind: "attribute" | "event";
  event?: string;
  points: number;
  enabled?: boolean;
  where?: Condition[];
};

/** A property value that meets the condition, or undefined when none needs setting. */
function meeting(c: Condition): unknown {
  switch (c.op) {
    case "eq":
    case "contains":
    case "startsWith":
      return c.value;
    case "in":
      return (c.value as unknown[])[0];
    case "gte":
    case "lte":
      return c.value;
    case "between":
      return (c.value as number[])[0];
    case "known":
      return "yes";
    default:
      return undefined;
  }
}

/**
 * Makes a new lead an MQL under whatever model is live (other specs publish theirs): a full,
 * fit-safe profile, then, round after round, one event for each positive event rule, shaped by
 * its filters, until the lead is handed over.
 */
export async function makeMql(
  request: APIRequestContext,
  key: string,
  email: string,
): Promise<{ id: string }> {
  const headers = { Authorization: `Bearer ${key}` };
  await request.post("/api/v1/leads", {
    headers,
    data: {
      email,
      firstName: "Wanda",
      lastName: "Hook",
      phone: "+33 6 12 34 56 78",
      country: "FR",
      jobTitle: "CTO",
      seniority: "c_level",
      company: "Horizon Telecom",
      industry: "Technology",
      companySize: 200,
      source: "webinar",
    },
  });
  for (let round = 0; round < 8; round++) {
    // Read each round: a spec running alongside may publish another model meanwhile.
    const model = (await (await request.get("/api/v1/scoring-model", { headers })).json()).data
      .model as { rules: Rule[] };
    const rules = model.rules.filter(
      (r) => r.kind === "event" && r.points > 0 && r.enabled !== false,
    );
    const events = rules.map((rule, i) => ({
      id: `${email}-${round}-${i}`,
      email,
      name: rule.event,
      properties: Object.fromEntries(
        (rule.where ?? [])
          .map((c) => [c.property, meeting(c)] as const)
          .filter(([property, value]) => property && value !== undefined),
      ),
    }));
    await request.post("/api/v1/events", { headers, data: { events } });
    const [lead] = (
      await (
        await request.get(`/api/v1/leads?email=${encodeURIComponent(email)}`, { headers })
      ).json()
    ).data as { id: string; stage: string }[];
    if (lead?.stage === "mql") return lead;
  }
  throw new Error(`${email} did not become an MQL under the live model`);
}
