/**
 * Deterministic benchmark data, generated inside PostgreSQL (setseed + generate_series, no
 * parallel workers) so 2,000,000 events take seconds, not minutes of client round trips.
 */
import type { Sql } from "postgres";

export const BENCH_AS_OF = new Date("2026-11-01T12:00:00Z");

const list = (items: string[]) => `(array[${items.map((i) => `'${i}'`).join(",")}])`;

export async function generate(sql: Sql, leads: number, events: number, log: (m: string) => void) {
  await sql.unsafe(`set max_parallel_workers_per_gather = 0`);
  await sql.unsafe(`select setseed(0.4242)`);
  let t = performance.now();
  await sql.unsafe(`
    insert into leads (id, email, first_name, last_name, job_title, seniority, company, industry, company_size, country, phone, source, created_at, updated_at)
    select md5('bench-lead-' || i)::uuid,
           'lead' || i || case when random() < 0.1 then '@gmail.com' else '@company' || (i % 5000) || '.test' end,
           'First' || i, 'Last' || i,
           ${list(["CEO", "VP Sales", "Marketing Manager", "Software Engineer", "Student", "Director of IT", "Data Analyst", "Consultant"])}[1 + floor(random() * 8)::int],
           ${list(["c_level", "vp", "director", "manager", "individual", "student"])}[1 + floor(random() * 6)::int],
           'Company ' || (i % 5000),
           ${list(["Technology", "Software", "Retail", "Healthcare", "Manufacturing", "Finance", "Education"])}[1 + floor(random() * 7)::int],
           case when random() < 0.1 then null else floor(exp(random() * 9))::int end,
           ${list(["US", "FR", "GB", "DE", "CA", "ES", "BR", "IN"])}[1 + floor(random() * 8)::int],
           case when random() < 0.6 then '+1 555 ' || i end,
           ${list(["organic", "paid_search", "social", "email", "partner", "event"])}[1 + floor(random() * 6)::int],
           '${BENCH_AS_OF.toISOString()}'::timestamptz - interval '150 days' * random(),
           '${BENCH_AS_OF.toISOString()}'::timestamptz
    from generate_series(1, ${leads}) i`);
  log(`  ${leads.toLocaleString("en")} leads in ${Math.round(performance.now() - t)} ms`);

  // Bulk load without the secondary indexes, then rebuild them (what a restore would do).
  await sql.unsafe(
    `drop index if exists events_lead_time_idx; drop index if exists events_name_time_idx`,
  );
  await sql.unsafe(`alter table events drop constraint if exists events_lead_id_leads_id_fk`);
  t = performance.now();
  const chunk = 2_000_000;
  for (let start = 1; start <= events; start += chunk) {
    const end = Math.min(events, start + chunk - 1);
    await sql.unsafe(`
      insert into events (lead_id, name, properties, occurred_at, received_at, source, external_id)
      select md5('bench-lead-' || (1 + floor(power(random(), 1.6) * ${leads}))::int)::uuid,
             (${list(["Email Opened", "Email Opened", "Email Opened", "Link Clicked", "Page Viewed", "Page Viewed", "Page Viewed", "Content Downloaded", "Webinar Registered", "Webinar Attended", "Demo Requested", "Question Asked", "Unsubscribed", "Support Ticket Created"])})[k],
             case k
               when 1 then jsonb_build_object('campaign', ${list(["Monthly newsletter", "Product update", "Webinar invitation", "Nurture"])}[1 + floor(r1 * 4)::int])
               when 2 then jsonb_build_object('campaign', 'Nurture')
               when 3 then jsonb_build_object('campaign', 'Event follow-up')
               when 4 then jsonb_build_object('channel', case when r1 < 0.7 then 'email' else 'linkedin' end, 'url', '/blog/post-' || floor(r2 * 50)::int)
               when 8 then jsonb_build_object('asset', 'Asset ' || floor(r1 * 20)::int, 'content_type', case when r2 < 0.4 then 'high_velocity' else 'low_velocity' end)
               when 14 then jsonb_build_object('category', ${list(["billing", "technical", "account"])}[1 + floor(r1 * 3)::int])
               when 9 then jsonb_build_object('webinar', 'Webinar ' || floor(r1 * 5)::int)
               when 10 then jsonb_build_object('webinar', 'Webinar ' || floor(r1 * 5)::int)
               else case when k in (5, 6, 7) then jsonb_build_object('path', ${list(["/", "/product", "/pricing", "/blog/a", "/careers", "/careers/ae", "/docs", "/case-studies/x"])}[1 + floor(r1 * 8)::int]) else '{}'::jsonb end
             end,
             '${BENCH_AS_OF.toISOString()}'::timestamptz - interval '120 days' * r3,
             '${BENCH_AS_OF.toISOString()}'::timestamptz,
             'bench', 'bench-' || i
      from (select i, 1 + floor(random() * 14)::int as k, random() as r1, random() as r2, random() as r3
            from generate_series(${start}, ${end}) i) g`);
  }
  log(`  ${events.toLocaleString("en")} events in ${Math.round(performance.now() - t)} ms`);
  t = performance.now();
  await sql.unsafe(`create index events_lead_time_idx on events (lead_id, occurred_at desc)`);
  await sql.unsafe(`create index events_name_time_idx on events (name, occurred_at)`);
  await sql.unsafe(
    `alter table events add constraint events_lead_id_leads_id_fk foreign key (lead_id) references leads(id) on delete cascade`,
  );
  await sql.unsafe(`vacuum analyze leads`);
  await sql.unsafe(`vacuum analyze events`);
  log(`  indexes and statistics in ${Math.round(performance.now() - t)} ms`);
}
