-- What the plan module publishes to the warehouse (docs/architecture.md, "Module boundaries"): the warehouse reads
-- these views, never plan's tables, so the plan module may change its tables as long as these keep their columns.
create view plan.warehouse_plan as
select id, tenant_id, name, start_year, end_year from plan.plan;

create view plan.warehouse_item as
select id, tenant_id, plan_id, parent_id, type, code, title, priority, policy_field, wijk, latitude, longitude
from plan.plan_item;

create view plan.warehouse_indicator as
select id, tenant_id, item_id, code, name, kind, unit, direction, stats_code from plan.indicator;

create view plan.warehouse_indicator_target as
select tenant_id, indicator_id, year, target from plan.indicator_target;

create view plan.warehouse_measurement as
select tenant_id, indicator_id, measured_on, value, text_value from plan.measurement;

create view plan.warehouse_status_update as
select u.tenant_id, u.item_id, u.round_id, r.name as round_name, r.reference_date, r.state as round_state, u.status,
       u.progress, u.state, u.published_at
from plan.status_update u join plan.status_round r on r.id = u.round_id;
