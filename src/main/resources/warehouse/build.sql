-- Builds the star schema in warehouse_staging from the modules' tables. Statements are separated by lines
-- holding only "--;"; a line "--@slice <table>" creates that table from its block in tenant-slices.sql (the part
-- the per-tenant catch-up also uses), a line "--@facts <step>" that step of observation-slices.sql (the part the
-- statistics catch-up also uses). Run by WarehouseRebuild; see docs/warehouse.md.
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
--@facts indicators
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
-- the statistics facts, step by step (warehouse/observation-slices.sql, shared with the statistics catch-up)
--@facts delivered
--;
--@facts sums
--;
--@facts suppress
--;
--@facts suppress_ratio
--;
--@facts ratios
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
