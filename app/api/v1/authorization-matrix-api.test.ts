/**
 * The authorization matrix, generated from the contracts: every operation × every caller — no
 * one, each role (admin, marketer, manager, rep), an API key with each scope alone and one with
 * no scope — × each kind of object in its address (the rep's own lead, a teammate's, another
 * team's, the unassigned queue; the manager's team or another; a job of each kind). What each
 * call must answer is derived from the contract's declared access and the documented object rules
 * (lib/http/testing/expected-access.ts), and checked on the real route handlers with a valid
 * request (lib/http/testing/samples.ts): a 2xx where 401, 403 or 404 is due is a leak, and a
 * refusal where access is declared is a broken contract. Whatever a rep or a manager is answered
 * must not hold a lead they may not see (its id or email), whichever operation answered.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { eq } from "drizzle-orm";
import { notifications } from "@/db/schema";
import type { Actor } from "@/lib/auth/principal";
import { API_SCOPES } from "@/lib/auth/scopes";
import type { Contract } from "@/lib/http/contract";
import { ALL_CONTRACTS } from "@/lib/http/contracts";
import { setTestClock } from "@/lib/infra/clock";
import { callRoute } from "@/lib/http/testing/dispatch";
import { expectedOutcome, leadVisible, type Caller } from "@/lib/http/testing/expected-access";
import { fallbackTargets, samplesFor } from "@/lib/http/testing/samples";
import { buildWorld, closeWorld, type World } from "@/lib/http/testing/world";

const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/auth/session", () => ({ getActor: async () => session.actor }));
const as = (actor: Actor | null) => (session.actor = actor);

let w: World;
let callers: Caller[];
/** Every 2xx an operation gave, to prove its sample valid. */
const succeeded = new Set<string>();

beforeAll(async () => {
  vi.stubEnv("ACCORD_TEST_CLOCK", "1");
  w = await buildWorld(as);
  const user = (label: string, actor: Actor): Caller => ({ kind: "user", label, actor });
  callers = [
    { kind: "anonymous", label: "no one" },
    user("the admin", w.s.admin),
    user("a marketer", w.s.marketer),
    user("the FR manager", w.s.frManager),
    user("Thomas, FR rep", w.s.frRep),
    ...API_SCOPES.map((scope): Caller => ({
      kind: "key",
      label: `a ${scope} key`,
      scopes: [scope],
      secret: w.keys[scope],
    })),
    { kind: "key", label: "a key with no scope", scopes: [], secret: w.noScopeKey },
  ];
}, 120_000);

afterAll(async () => {
  setTestClock(null);
  vi.unstubAllEnvs();
  await closeWorld(w);
});

/** The world's leads this caller may not see: none of their ids or emails may reach them. */
function hiddenFrom(caller: Caller): string[] {
  if (caller.kind !== "user") return [];
  const owners = {
    frRep: w.s.frRep,
    frRep2: w.s.frRep2,
    usRep: w.s.usRep,
    unassigned: null,
  } as const;
  return Object.entries(w.leads)
    .filter(([key]) => !leadVisible(caller, owners[key as keyof typeof owners]))
    .flatMap(([, lead]) => [lead.id, lead.email]);
}

async function runRow(contract: Contract): Promise<string[]> {
  const problems: string[] = [];
  const targets = samplesFor(contract, w) ?? fallbackTargets(contract, w);
  // Anyone may call a public operation: one caller of each kind is enough.
  const who = contract.access.public
    ? callers.filter((c, i) => callers.findIndex((d) => d.kind === c.kind) === i)
    : callers;
  for (const target of targets) {
    for (const caller of who) {
      const call = await target.call();
      as(caller.kind === "user" ? caller.actor : null);
      const answer = await callRoute(contract, {
        ...call,
        key: caller.kind === "key" ? caller.secret : undefined,
      });
      const expected = expectedOutcome(contract.access, caller, target.rule);
      const text = await answer.text();
      const where = `${contract.operationId}${target.label ? ` on ${target.label}` : ""} by ${caller.label}`;
      const got = `${answer.status} ${text.slice(0, 200)}`;
      if (answer.status >= 500) problems.push(`${where}: ${got}`);
      else if (!expected.allowed) {
        if (answer.status < 300) problems.push(`LEAK ${where} (${expected.why}): ${got}`);
        else if (answer.status !== expected.status)
          problems.push(`${where}: expected ${expected.status} (${expected.why}), got ${got}`);
      } else if ([401, 403].includes(answer.status) || (target.rule && answer.status === 404)) {
        problems.push(`${where}: declared allowed, refused with ${got}`);
      }
      if (answer.status < 300) {
        succeeded.add(contract.operationId);
        const leaked = hiddenFrom(caller).filter((value) => text.includes(value));
        if (leaked.length) problems.push(`LEAK ${where}: the answer holds ${leaked.join(", ")}`);
      }
    }
  }
  return problems;
}

describe("authorization matrix (every operation × caller × object)", () => {
  for (const contract of ALL_CONTRACTS) {
    it(`${contract.method.toUpperCase()} ${contract.path} (${contract.operationId})`, async () => {
      expect(await runRow(contract)).toEqual([]);
    }, 60_000);
  }

  it("no one but its recipient marked the US manager's notification read", async () => {
    const [row] = await w.t.db
      .select({ readAt: notifications.readAt })
      .from(notifications)
      .where(eq(notifications.id, w.notes.usManager));
    expect(row.readAt).toBeNull();
  });

  it("every operation has a valid sample: it answered 2xx to someone", () => {
    const unsampled = ALL_CONTRACTS.filter((c) => samplesFor(c, w) === null).map(
      (c) => c.operationId,
    );
    expect(unsampled, "write a sample in lib/http/testing/samples.ts").toEqual([]);
    const never = ALL_CONTRACTS.map((c) => c.operationId).filter((id) => !succeeded.has(id));
    expect(never, "a sample that never succeeds proves nothing").toEqual([]);
  });
});
