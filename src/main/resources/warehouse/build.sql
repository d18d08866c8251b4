-- Builds the star schema in warehouse_staging from the modules' tables. Statements are separated by lines
-- holding only "--;"; a line "--@slice <table>" creates that table from its block in tenant-slices.sql (the part
-- the per-tenant catch-up also uses). Run by WarehouseRebuild; see docs/warehouse.md.
create table warehouse_staging.dim_tenant as
select t.id as tenant_key, t.slug, t.name, t.nis_code
from tenancy.warehouse_tenant t;
--;
create table warehouse_staging.dim_time as
with years as (select generate_series(2000, 2040) as year)
select (year * 100)::int as time_key, year::text as period_code, 'Y' as period_type, year, null::int as semester,
       null::int as quarter, null::int as month, make_date(year, 1, 1) as start_date, make_date(year, 12, 31) as end_date
from years
union all
select year * 100 + 90 + s, year || 'S' || s, 'S', year, s, null, null, make_date(year, 6 * s - 5, 1),
       (make_date(year, 6 * s - 5, 1) + interval '6 months' - interval '1 day')::date
from years, generate_series(1, 2) s
union all
select year * 100 + 80 + q, year || 'Q' || q, 'Q', year, (q + 1) / 2, q, null, make_date(year, 3 * q - 2, 1),
       (make_date(year, 3 * q - 2, 1) + interval '3 months' - interval '1 day')::date
from years, generate_series(1, 4) q
union all
select year * 100 + m, year || '-' || lpad(m::text, 2, '0'), 'M', year, (m + 5) / 6, (m + 2) / 3, m, make_date(year, m, 1),
       (make_date(year, m, 1) + interval '1 month' - interval '1 day')::date
from years, generate_series(1, 12) m;
--;
create table warehouse_staging.dim_area as
select a.id as area_key, a.level, a.code, a.name, a.parent_id as parent_key, a.mapped,
       max(up.code) filter (where up.level = 'gemeente') as gemeente_code,
       max(up.code) filter (where up.level = 'provincie') as provincie_code
from stats.warehouse_area a
left join stats.warehouse_area_ancestor aa on aa.area_id = a.id
left join stats.warehouse_area up on up.id = aa.ancestor_id and up.level in ('gemeente', 'provincie')
where a.valid_to is null
group by a.id, a.level, a.code, a.name, a.parent_id, a.mapped;
--;
--@slice dim_plan_item
--;
--@slice dim_indicator
--;
-- the published statistics indicators join the plan indicators (keys: a plan indicator's is minus its id)
insert into warehouse_staging.dim_indicator
select s.id, 'stats', s.id, s.tenant_id, s.code, s.name, s.theme, s.unit, s.aggregation, null, null, null, s.threshold
from stats.warehouse_indicator s where s.published;
--;
create table warehouse_staging.dim_account as
select row_number() over (order by account) as account_key, account as code
from (select distinct account from finance.current_line) accounts;
--;
analyze warehouse_staging.dim_time;
analyze warehouse_staging.dim_indicator;
analyze warehouse_staging.dim_plan_item;
analyze warehouse_staging.dim_account;
--;
--@slice fact_finance
--;
--@slice fact_status_update
--;
--@slice fact_measurement
--;
create table warehouse_staging.fact_observation as
select o.tenant_id as tenant_key, d.indicator_key, o.area_id as area_key, t.time_key, o.period, o.breakdown,
       case when o.missing_reason is null and (d.threshold = 0 or o.value >= d.threshold) then o.value end as value,
       case when o.missing_reason is not null then 'missing'
            when d.threshold > 0 and o.value < d.threshold then 'suppressed'
            else 'ok' end as status,
       o.provisional, o.estimated, false as aggregated
from stats.warehouse_observation o
join warehouse_staging.dim_indicator d on d.source = 'stats' and d.source_id = o.indicator_id
join warehouse_staging.dim_time t on t.period_code = o.period;
--;
-- Additive indicators summed from the statistical sectors up to every higher area the source does not give itself
-- (ratio indicators are recomputed from these sums in the next step).
insert into warehouse_staging.fact_observation
with sums as (
    select o.tenant_id, o.indicator_id, aa.ancestor_id, o.period, o.breakdown, sum(o.value) as value,
           bool_or(o.provisional) as provisional, bool_or(o.estimated) as estimated
    from stats.warehouse_observation o
    join stats.warehouse_area s on s.id = o.area_id and s.level = 'statsec'
    join stats.warehouse_area_ancestor aa on aa.area_id = o.area_id and aa.ancestor_id <> o.area_id
    join stats.warehouse_indicator si on si.id = o.indicator_id and si.aggregation = 'sum' and si.published
    where o.missing_reason is null
    group by o.tenant_id, o.indicator_id, aa.ancestor_id, o.period, o.breakdown
)
select s.tenant_id, d.indicator_key, s.ancestor_id, t.time_key, s.period, s.breakdown,
       case when d.threshold = 0 or s.value >= d.threshold then s.value end,
       case when d.threshold > 0 and s.value < d.threshold then 'suppressed' else 'ok' end,
       s.provisional, s.estimated, true
from sums s
join warehouse_staging.dim_indicator d on d.source = 'stats' and d.source_id = s.indicator_id
join warehouse_staging.dim_time t on t.period_code = s.period
left join (select o.indicator_id, o.area_id, o.period, o.breakdown, coalesce(o.tenant_id, 0) as tenant
           from stats.warehouse_observation o join stats.warehouse_area a on a.id = o.area_id and a.level <> 'statsec') x
     on x.indicator_id = s.indicator_id and x.area_id = s.ancestor_id and x.period = s.period
     and x.breakdown = s.breakdown and x.tenant = coalesce(s.tenant_id, 0)
where x.indicator_id is null;
--;
-- Disclosure control as the public site applies it (docs/security.md): every count cell that is suppressed there —
-- primary or secondary, in the platform's scope or in any tenant's (whose pages show platform data with its own area
-- sets) — is suppressed here too.
update warehouse_staging.fact_observation f set value = null, status = 'suppressed'
from warehouse_staging.suppressed_cell s
join warehouse_staging.dim_indicator d on d.source = 'stats' and d.source_id = s.indicator_id
where f.indicator_key = d.indicator_key and f.area_key = s.area_id and f.period = s.period
  and f.breakdown = s.breakdown and f.status = 'ok'
  and (f.tenant_key is null or f.tenant_key = s.scope_key);
--;
-- A ratio given by the source whose numerator or denominator cell is suppressed would reveal it (ratio × denominator):
-- it is suppressed too.
update warehouse_staging.fact_observation f set value = null, status = 'suppressed'
from warehouse_staging.dim_indicator dr
join stats.warehouse_indicator si on si.id = dr.source_id and si.aggregation = 'ratio'
join warehouse_staging.suppressed_cell s on s.indicator_id in (si.numerator_id, si.denominator_id)
where dr.source = 'stats' and f.indicator_key = dr.indicator_key and f.area_key = s.area_id and f.period = s.period
  and f.breakdown = s.breakdown and f.status = 'ok'
  and (f.tenant_key is null or f.tenant_key = s.scope_key);
--;
-- Ratio indicators recomputed as ratio of sums (numerator / denominator × factor) wherever both are known and the
-- source does not give the ratio itself; never an average of ratios.
insert into warehouse_staging.fact_observation
select n.tenant_key, dr.indicator_key, n.area_key, n.time_key, n.period, n.breakdown,
       n.value / d.value * si.factor, 'ok', n.provisional or d.provisional, n.estimated or d.estimated, true
from stats.warehouse_indicator si
join warehouse_staging.dim_indicator dr on dr.source = 'stats' and dr.source_id = si.id
join warehouse_staging.dim_indicator dn on dn.source = 'stats' and dn.source_id = si.numerator_id
join warehouse_staging.dim_indicator dd on dd.source = 'stats' and dd.source_id = si.denominator_id
join warehouse_staging.fact_observation n on n.indicator_key = dn.indicator_key and n.status = 'ok'
join warehouse_staging.fact_observation d on d.indicator_key = dd.indicator_key and d.status = 'ok' and d.value <> 0
     and d.area_key = n.area_key and d.time_key = n.time_key and d.breakdown = n.breakdown
     and coalesce(d.tenant_key, 0) = coalesce(n.tenant_key, 0)
left join warehouse_staging.fact_observation x on x.indicator_key = dr.indicator_key and x.area_key = n.area_key
     and x.time_key = n.time_key and x.breakdown = n.breakdown and coalesce(x.tenant_key, 0) = coalesce(n.tenant_key, 0)
where si.aggregation = 'ratio' and si.published and x.indicator_key is null;
--;
alter table warehouse_staging.dim_tenant add primary key (tenant_key);
alter table warehouse_staging.dim_time add primary key (time_key);
alter table warehouse_staging.dim_area add primary key (area_key);
alter table warehouse_staging.dim_plan_item add primary key (plan_item_key);
alter table warehouse_staging.dim_indicator add primary key (indicator_key);
alter table warehouse_staging.dim_account add primary key (account_key);
alter table warehouse_staging.dim_policy_field add primary key (policy_field_code);
create index fact_finance_item on warehouse_staging.fact_finance (tenant_key, plan_item_key, fiscal_year);
create index fact_status_item on warehouse_staging.fact_status_update (tenant_key, plan_item_key);
create index fact_measurement_item on warehouse_staging.fact_measurement (tenant_key, plan_item_key);
create index fact_observation_read on warehouse_staging.fact_observation (indicator_key, area_key, time_key);
create index dim_plan_item_code on warehouse_staging.dim_plan_item (tenant_key, code);
create index dim_area_code on warehouse_staging.dim_area (level, code);
--;
analyze warehouse_staging.fact_finance;
analyze warehouse_staging.fact_observation;
analyze warehouse_staging.dim_plan_item;
--;
drop table warehouse_staging.suppressed_cell;
