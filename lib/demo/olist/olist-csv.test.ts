import { describe, expect, it } from "vitest";
import { mapOlistCsv } from "./olist-csv";

// Made-up rows in the files' shape (not the real data set).
const mqls = `mql_id,first_contact_date,landing_page_id,origin
aaa1,2018-01-05,lp1,paid_search
bbb2,2017-11-20,lp2,
ccc3,2018-02-01,lp1,email
aaa1,2018-01-06,lp9,social
ddd4,2018-13-01,lp3,organic_search
`;
const deals = `mql_id,seller_id,sdr_id,sr_id,won_date,business_segment,lead_type,lead_behaviour_profile,has_company,has_gtin,average_stock,business_type,declared_product_catalog_size,declared_monthly_revenue
aaa1,s1,sdr1,sr1,2018-01-20 14:30:00,pet,online_medium,cat,,,,reseller,,0.0
zzz9,s2,sdr2,sr2,2018-03-01 09:00:00,car,industry,eagle,,,,reseller,,0.0
`;

describe("mapOlistCsv", () => {
  const { leads, errors } = mapOlistCsv(mqls, deals);

  it("maps each MQL to a lead with its won date, empty origin as unknown", () => {
    expect(leads).toEqual([
      {
        externalId: "olist:aaa1",
        source: "paid_search",
        landingPageId: "lp1",
        firstContactDate: "2018-01-05",
        mqlAt: new Date("2018-01-05T00:00:00Z"),
        wonAt: new Date("2018-01-20T14:30:00Z"),
      },
      {
        externalId: "olist:bbb2",
        source: "unknown",
        landingPageId: "lp2",
        firstContactDate: "2017-11-20",
        mqlAt: new Date("2017-11-20T00:00:00Z"),
        wonAt: null,
      },
      {
        externalId: "olist:ccc3",
        source: "email",
        landingPageId: "lp1",
        firstContactDate: "2018-02-01",
        mqlAt: new Date("2018-02-01T00:00:00Z"),
        wonAt: null,
      },
    ]);
  });

  it("carries none of the deal-only firmographic columns", () => {
    expect(JSON.stringify(leads)).not.toMatch(/pet|online_medium|reseller|sdr1|sr1/);
  });

  it("reports duplicates, bad rows and deals without an MQL", () => {
    expect(errors).toEqual([
      "MQL row 5: mql_id aaa1 appears twice; the first is kept",
      "MQL row 6: first_contact_date is not a YYYY-MM-DD date",
      "deal for mql_id zzz9 has no MQL row; skipped",
    ]);
  });
});
