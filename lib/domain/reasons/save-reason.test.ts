import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/db/testing";
import { listReasons } from "./list-reasons";
import { createReason, removeReason, updateReason } from "./save-reason";

let t: TestDb;
const manager = { id: "00000000-0000-4000-8000-000000000001", role: "manager" as const };
const codes = async () =>
  (await listReasons(t.db, { kind: "reject", includeArchived: true })).map((r) => r.code);

beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t?.close());

describe("editing the reason lists", () => {
  it("moves a reason with only a position (no label or archive change)", async () => {
    const added = await createReason({
      db: t.db,
      actor: manager,
      input: {
        kind: "reject",
        code: "budget_frozen",
        labels: { en: "Budget frozen", fr: "Budget gelé" },
      },
    });
    expect((await codes()).at(-1)).toBe("budget_frozen");
    const moved = await updateReason({
      db: t.db,
      actor: manager,
      id: added.id,
      input: { position: 1 },
    });
    expect(moved.position).toBe(1);
    expect((await codes()).indexOf("budget_frozen")).toBe(1);
    expect(await removeReason({ db: t.db, actor: manager, id: added.id })).toEqual({
      deleted: true,
      reason: null,
    });
    expect(await codes()).not.toContain("budget_frozen");
  });
});
