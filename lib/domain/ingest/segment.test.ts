import { describe, expect, it } from "vitest";
import { eventFromMessage, leadFromIdentify } from "./segment";

describe("Segment messages", () => {
  it("maps identify traits to lead fields and keeps the rest as custom traits", () => {
    expect(
      leadFromIdentify({
        userId: "u-1",
        traits: {
          email: "Ada@Example.com",
          name: "Ada King Lovelace",
          title: "CTO",
          company: { name: "Engines" },
          employees: "250",
          country: "gb",
          plan: "pro",
          address: { city: "London", country: "GB" },
        },
      }),
    ).toEqual({
      email: "Ada@Example.com",
      firstName: "Ada",
      lastName: "King Lovelace",
      jobTitle: "CTO",
      company: "Engines",
      companySize: 250,
      country: "gb",
      externalId: "u-1",
      traits: { plan: "pro", address: { city: "London", country: "GB" } },
    });
  });

  it("keeps a country name that is not an ISO code as a trait", () => {
    expect(leadFromIdentify({ userId: "u", traits: { country: "France" } })).toEqual({
      externalId: "u",
      traits: { country: "France" },
    });
  });

  it("turns page calls into Page Viewed with url, path and title from the page context", () => {
    expect(
      eventFromMessage("page", {
        userId: "u",
        messageId: "m-1",
        name: "Pricing",
        context: { page: { url: "https://x.test/pricing", path: "/pricing", title: "Pricing" } },
        timestamp: "2026-11-20T10:00:00Z",
      }),
    ).toEqual({
      id: "m-1",
      name: "Page Viewed",
      userId: "u",
      email: undefined,
      properties: {
        url: "https://x.test/pricing",
        path: "/pricing",
        title: "Pricing",
        name: "Pricing",
      },
      occurredAt: "2026-11-20T10:00:00Z",
    });
  });

  it("finds the email of a track call in its context traits", () => {
    expect(
      eventFromMessage("track", {
        anonymousId: "a",
        event: "Demo Requested",
        messageId: "m-2",
        context: { traits: { email: "x@y.test" } },
      }),
    ).toMatchObject({ name: "Demo Requested", email: "x@y.test", id: "m-2" });
  });
});
