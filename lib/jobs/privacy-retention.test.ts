import { describe, expect, it } from "vitest";
import { privacyRetentionJob } from "./definitions/privacy-retention";
import { JOBS } from "./registry";

describe("the privacy retention job", () => {
  it("is registered, scheduled daily, one at a time, and readable by admins and privacy keys", () => {
    expect(JOBS).toContain(privacyRetentionJob);
    expect(privacyRetentionJob.schedule).toMatch(/^\d+ \d+ \* \* \*$/);
    expect(privacyRetentionJob.singleton).toBe(true);
    expect(privacyRetentionJob.readers).toEqual({
      permission: "privacy:manage",
      scope: "privacy:write",
    });
  });
});
