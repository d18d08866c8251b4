-- The tenant-scoped parts of the warehouse: each block is one table's rows, built by the full rebuild for every
-- tenant ({tenant} = null, {schema} = warehouse_staging) and by the catch-up for one tenant ({tenant} = its id,
-- {schema} = warehouse), so both always produce the same rows. Blocks start with a line "--; <table>".
--; dim_plan_item
with recursive current_plan as (
    select distinct on (tenant_id) id, tenant_id, name from plan.warehouse_plan
    where cast({tenant} as bigint) is null or tenant_id = {tenant}
    order by tenant_id, end_year desc, id desc
), tree as (
    select i.id, i.tenant_id, i.code, i.type, i.title, i.priority, i.policy_field, i.wijk, i.latitude, i.longitude,
           p.name as plan_name, i.code as bd_code, i.title as bd_title, null::varchar as ap_code, null::varchar as ap_title,
           cast(i.code as text) as path, i.parent_id
    from plan.warehouse_item i join current_plan p on p.id = i.plan_id
    where i.parent_id is null
    union all
    select c.id, c.tenant_id, c.code, c.type, c.title, c.priority, c.policy_field, c.wijk, c.latitude, c.longitude,
           t.plan_name, t.bd_code, t.bd_title,
           case when c.type = 'AP' then c.code else t.ap_code end,
           case when c.type = 'AP' then c.title else t.ap_title end,
           t.path || '/' || c.code, c.parent_id
    from plan.warehouse_item c join tree t on c.parent_id = t.id
)
select id as plan_item_key, tenant_id as tenant_key, plan_name, code, type, title, priority,
       policy_field as policy_field_code, bd_code, bd_title, ap_code, ap_title,
       case when type = 'AC' then code end as ac_code, path, parent_id as parent_key, wijk, latitude, longitude
from tree
--; dim_indicator
select -i.id as indicator_key, cast('plan' as text) as source, i.id as source_id, i.tenant_id as tenant_key,
       cast(i.code as text) as code, cast(i.name as text) as name, cast(null as text) as theme, cast(i.unit as text) as unit,
       cast(i.kind as text) as kind, cast(i.direction as text) as direction, cast(i.stats_code as text) as stats_code,
       i.item_id as plan_item_key, cast(null as integer) as threshold
from plan.warehouse_indicator i
where cast({tenant} as bigint) is null or i.tenant_id = {tenant}
--; fact_finance
select l.tenant_id as tenant_key, pi.plan_item_key, l.plan_item_code, l.fiscal_year * 100 as time_key, l.fiscal_year,
       l.policy_field as policy_field_code, a.account_key, l.kind, l.direction, l.estimate, l.realisation,
       l.import_id, i.reporting_date
from finance.current_line l
join finance.warehouse_import i on i.id = l.import_id
join {schema}.dim_account a on a.code = l.account
left join {schema}.dim_plan_item pi on pi.tenant_key = l.tenant_id and pi.code = l.plan_item_code
where cast({tenant} as bigint) is null or l.tenant_id = {tenant}
--; fact_status_update
select u.tenant_id as tenant_key, u.item_id as plan_item_key, u.round_id, u.round_name,
       u.reference_date, (extract(year from u.reference_date) * 100 + extract(month from u.reference_date))::int as time_key,
       u.round_state, u.status, u.progress, u.state as update_state, u.published_at
from plan.warehouse_status_update u
where u.item_id in (select plan_item_key from {schema}.dim_plan_item)
  and (cast({tenant} as bigint) is null or u.tenant_id = {tenant})
--; fact_measurement
select m.tenant_id as tenant_key, d.indicator_key, i.item_id as plan_item_key, m.measured_on,
       (extract(year from m.measured_on) * 100)::int as time_key, m.value, m.text_value,
       (select t.target from plan.warehouse_indicator_target t where t.indicator_id = i.id and t.year = extract(year from m.measured_on)) as target
from plan.warehouse_measurement m
join plan.warehouse_indicator i on i.id = m.indicator_id
join {schema}.dim_indicator d on d.source = 'plan' and d.source_id = i.id
where cast({tenant} as bigint) is null or m.tenant_id = {tenant}
