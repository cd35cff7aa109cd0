/**
 * The floor: the best single SQL statement we could write by hand for BENCH_MODEL — literals in
 * place of parameters, lower() instead of the locale-proof fold (the data is ASCII), one scan and
 * one aggregate over events, a small ranked side query for the one rule that needs its two most
 * recent decayed events. It computes the same scores as the compiled model (checked on every lead).
 */
export function floorSql(asOf: Date): string {
  const A = `'${asOf.toISOString()}'::timestamptz`;
  const since = (days: number) => `occurred_at >= ${A} - make_interval(secs => ${days * 86400})`;
  const decay = (h: number) =>
    `power(0.5::float8, greatest(date_part('epoch', ${A} - occurred_at), 0) / ${h * 86400})`;
  return `
  select lead_id, fit, engagement, fit + engagement as total from (
  select l.id as lead_id, least((
      case when lower(l.seniority) in ('c_level', 'vp') then 20 else 0 end
    + case when lower(l.seniority) = 'manager' then 10 else 0 end
    + case when lower(l.industry) in ('technology', 'software') then 15 else 0 end
    + case when l.company_size between 50 and 500 then 10 else 0 end
    + case when l.company_size >= 1000 then 5 else 0 end
    + case when lower(l.country) in ('us', 'gb', 'ca', 'fr') then 5 else 0 end
    + case when l.phone <> '' then 5 else 0 end
    + case when strpos(lower(l.job_title), 'student') > 0 then -50 else 0 end
    + case when strpos(lower(l.email), '@gmail') > 0 then -10 else 0 end
    + case when lower(l.source) = 'partner' then 5 else 0 end)::float8, 60) as fit,
    least((coalesce(g.engagement, 0) + coalesce(p.e5, 0))::float8, 150) as engagement
  from leads l
  left join (
    select lead_id,
      2 * least(count(*) filter (where name = 'Email Opened' and ${since(90)}), 10)
      + 5 * count(*) filter (where name = 'Email Opened' and lower(properties->>'campaign') = 'product update')
      + 5 * coalesce(sum(${decay(30)}) filter (where name = 'Link Clicked' and lower(properties->>'channel') = 'email'), 0)
      + 5 * least(count(*) filter (where name = 'Link Clicked' and lower(properties->>'channel') = 'linkedin'), 3)
      - 5 * least(count(*) filter (where name = 'Page Viewed' and starts_with(lower(properties->>'path'), '/careers')), 1)
      + least(count(*) filter (where name = 'Page Viewed' and ${since(30)}), 20)
      + 20 * coalesce(sum(${decay(45)}) filter (where name = 'Content Downloaded' and lower(properties->>'content_type') = 'high_velocity'), 0)
      + 5 * least(count(*) filter (where name = 'Content Downloaded' and lower(properties->>'content_type') = 'low_velocity'), 4)
      + 10 * least(count(*) filter (where name = 'Webinar Registered'), 2)
      + 20 * count(*) filter (where name = 'Webinar Attended' and ${since(120)})
      + 40 * count(*) filter (where name = 'Demo Requested')
      + 25 * least(count(*) filter (where name = 'Question Asked'), 2)
      - 20 * least(count(*) filter (where name = 'Unsubscribed'), 1)
      - 3 * count(*) filter (where name = 'Support Ticket Created' and lower(properties->>'category') in ('billing', 'account')) as engagement
    from events group by lead_id
  ) g on g.lead_id = l.id
  left join (
    select lead_id, 15 * sum(${decay(30)}) as e5 from (
      select lead_id, occurred_at, row_number() over (partition by lead_id order by occurred_at desc, id desc) as rn
      from events where name = 'Page Viewed' and strpos(lower(properties->>'path'), '/pricing') > 0 and ${since(60)}
    ) m where rn <= 2 group by lead_id
  ) p on p.lead_id = l.id
  ) s`;
}
