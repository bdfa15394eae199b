/**
 * The floor of each read: one hand-written SQL statement, one round trip, returning the
 * same rows the endpoint returns (the same session dates with their counts, the same
 * roster, the same profile document). No application can answer with less work than this.
 */

/** $1 organization, $2 from, $3 to (exclusive), $4 time zone. One row per schedule entry, in the API's order. */
export const RAW_SCHEDULE = `
with running as (
  select s.* from sessions s
  where s.organization_id = $1 and s.starts_on < $3::date and coalesce(s.ends_on, 'infinity'::date) > $2::date
),
recurrence as (
  select r.id as session_id, d::date as date
  from running r,
       generate_series(greatest(r.starts_on, $2::date), least(coalesce(r.ends_on, $3::date), $3::date) - 1, interval '1 day') d
  where extract(isodow from d)::smallint = any (r.weekdays)
),
dates as (
  select rc.session_id, rc.date, rc.date as original_date,
         case when e.kind = 'cancelled' then 'cancelled' else 'scheduled' end as status, null::time as moved_time
  from recurrence rc
  left join session_date_exceptions e on e.organization_id = $1 and e.session_id = rc.session_id and e.date = rc.date
  where e.kind is distinct from 'moved'
  union all
  select e.session_id, e.to_date, e.date, 'moved', e.to_start_time
  from session_date_exceptions e
  join running r on r.id = e.session_id
  where e.organization_id = $1 and e.kind = 'moved' and e.to_date >= $2::date and e.to_date < $3::date
    and extract(isodow from e.date)::smallint = any (r.weekdays) and e.date >= r.starts_on and (r.ends_on is null or e.date < r.ends_on)
)
select d.session_id, r.name as session_name, sv.name as service_name, i.name as instructor_name, l.name as location_name,
       d.date, d.original_date, d.status,
       (d.date + coalesce(d.moved_time, r.start_time)) at time zone $4 as starts_at,
       ((d.date + coalesce(d.moved_time, r.start_time)) at time zone $4) + make_interval(mins => r.duration_minutes) as ends_at,
       r.capacity,
       case when d.status = 'cancelled' then 0 else (
         select count(*) from subscriptions sub
         where sub.organization_id = $1 and sub.session_id = d.session_id and sub.status = 'active'
           and sub.starts_on <= d.date and coalesce(sub.ends_on, 'infinity'::date) > d.date
       ) end as enrolled
from dates d
join running r on r.id = d.session_id
join services sv on sv.organization_id = $1 and sv.id = r.service_id
join instructors i on i.organization_id = $1 and i.id = r.instructor_id
join locations l on l.organization_id = $1 and l.id = r.location_id
order by starts_at, r.name`;

/** $1 organization, $2 session, $3 date. The clients enrolled on that date with a guardian to call and their attendance. */
export const RAW_ROSTER = `
select sub.id as subscription_id, c.id as client_id, c.first_name, c.last_name, f.id as family_id, f.name as family_name,
       g.name as guardian_name, g.phone as guardian_phone, sub.starts_on, sub.ends_on, a.present
from subscriptions sub
join clients c on c.organization_id = sub.organization_id and c.id = sub.client_id
join families f on f.organization_id = c.organization_id and f.id = c.family_id
left join lateral (
  select g.name, g.phone from guardians g
  where g.organization_id = f.organization_id and g.family_id = f.id
  order by g.name limit 1
) g on true
left join attendance a on a.organization_id = sub.organization_id and a.subscription_id = sub.id and a.date = $3::date
where sub.organization_id = $1 and sub.session_id = $2 and sub.status = 'active'
  and sub.starts_on <= $3::date and coalesce(sub.ends_on, 'infinity'::date) > $3::date
order by c.last_name, c.first_name`;

/** $1 organization, $2 client. The whole profile as one JSON document. */
export const RAW_PROFILE = `
with c as (select * from clients where organization_id = $1 and id = $2)
select json_build_object(
  'client', (select row_to_json(c) from c),
  'family', (select row_to_json(f) from families f, c where f.organization_id = $1 and f.id = c.family_id),
  'guardians', (select coalesce(json_agg(g order by g.name), '[]') from guardians g, c where g.organization_id = $1 and g.family_id = c.family_id),
  'subscriptions', (
    select coalesce(json_agg(json_build_object(
      'id', s.id, 'sessionId', s.session_id, 'startsOn', s.starts_on, 'endsOn', s.ends_on, 'status', s.status,
      'paymentPlan', s.payment_plan, 'priceSnapshot', s.price_snapshot, 'sessionName', se.name, 'serviceName', sv.name
    ) order by s.starts_on), '[]')
    from subscriptions s
    join sessions se on se.organization_id = s.organization_id and se.id = s.session_id
    join services sv on sv.organization_id = se.organization_id and sv.id = se.service_id
    where s.organization_id = $1 and s.client_id = $2),
  'invoices', (
    select coalesce(json_agg(json_build_object(
      'id', i.id, 'subscriptionId', i.subscription_id, 'status', i.status, 'issuedOn', i.issued_on, 'dueOn', i.due_on,
      'subtotal', i.subtotal, 'discountTotal', i.discount_total, 'total', i.total,
      'lines', (select coalesce(json_agg(l order by l.period_start, l.id), '[]') from invoice_lines l where l.organization_id = $1 and l.invoice_id = i.id),
      'discounts', (select coalesce(json_agg(d order by d.created_at, d.id), '[]') from invoice_discounts d where d.organization_id = $1 and d.invoice_id = i.id),
      'payments', (select coalesce(json_agg(p order by p.received_at, p.id), '[]') from payments p where p.organization_id = $1 and p.invoice_id = i.id),
      'writeOffs', (select coalesce(json_agg(w order by w.written_off_at, w.id), '[]') from write_offs w where w.organization_id = $1 and w.invoice_id = i.id)
    ) order by i.due_on, i.id), '[]')
    from invoices i, c where i.organization_id = $1 and i.family_id = c.family_id),
  'transfers', (select coalesce(json_agg(t order by t.created_at desc), '[]') from transfers t where t.organization_id = $1 and t.client_id = $2),
  'history', (
    select coalesce(json_agg(a order by a.created_at desc, a.id desc), '[]')
    from (select * from audit_events where organization_id = $1 and client_id = $2 order by created_at desc, id desc limit 200) a)
) as profile`;
