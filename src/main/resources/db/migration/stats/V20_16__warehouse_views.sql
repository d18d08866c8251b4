-- What the statistics module publishes to the warehouse (docs/architecture.md, "Module boundaries"): the warehouse
-- reads these views, never stats' tables.
create view stats.warehouse_area as
select id, level, code, name, parent_id, mapped, valid_to from stats.area;

create view stats.warehouse_area_ancestor as
select area_id, ancestor_id from stats.area_ancestor;

create view stats.warehouse_indicator as
select id, tenant_id, code, name, theme, unit, aggregation, threshold, published, factor, numerator_id, denominator_id
from stats.indicator;

create view stats.warehouse_observation as
select tenant_id, indicator_id, area_id, period, breakdown, value, missing_reason, provisional, estimated
from stats.observation;
