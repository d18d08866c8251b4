-- Issue 20 goal 1: where PostgreSQL's own cost of the import goes. COPY of 10,233,000 new rows (50 new indicators
-- x 10,233 sectors x 20 years, in the import's order: indicator, period, sector), resolved to ids as FreshLoad writes
-- them, into four tables that each already hold 10,233,000 rows of 50 other indicators:
--   a  no constraint, no index (plain COPY)
--   b  stats.observation's columns and checks, no index
--   c  b with the unique key observation_key (indicator_id, period, area_id, breakdown, coalesce(tenant_id, 0))
--   d  c with the BRIN index on import_id: the shape of stats.observation (V20_1, V20_30)
-- Run: bench/stats/copy-cost.sh (psql against a scratch PostgreSQL 18; prints the COPY times). The unique key and
-- BRIN index below are those of V20_30__observation_indexes.sql.
\set ON_ERROR_STOP on
\timing off
drop table if exists cost_a, cost_b, cost_c, cost_d;
create table cost_a (tenant_id bigint, indicator_id bigint, area_id bigint, period varchar(7), breakdown varchar(200),
    value double precision, missing_reason varchar(30), provisional boolean, estimated boolean, sample_n integer,
    population_n bigint, margin double precision, import_id bigint);
-- stats.observation's own definition, taken from its migration by copy-cost.sh (V20_1, renamed to cost_b)
\i :observation_definition
create table cost_c (like cost_b including all);
create table cost_d (like cost_b including all);
-- the rows already there: indicators 1..50
insert into cost_b select null, i, a, y::text, '', (abs(hashint4(i * 7919 + a * 31 + y)) % 500)::double precision, null,
    false, false, null, null, null, 1
    from generate_series(1, 50) i, generate_series(2005, 2024) y, generate_series(1, 10233) a;
insert into cost_a select * from cost_b;
insert into cost_c select * from cost_b;
insert into cost_d select * from cost_b;
create unique index cost_c_key on cost_c (indicator_id, period, area_id, breakdown, coalesce(tenant_id, 0));
create unique index cost_d_key on cost_d (indicator_id, period, area_id, breakdown, coalesce(tenant_id, 0));
create index cost_d_import on cost_d using brin (import_id) with (pages_per_range = 32, autosummarize = on);
vacuum analyze cost_a, cost_b, cost_c, cost_d;
-- the new rows: indicators 1001..1050, import 2
copy (select null, i, a, y::text, '', (abs(hashint4(i * 7919 + a * 31 + y)) % 500)::double precision, null, false, false,
    null, null, null, 2
    from generate_series(1001, 1050) i, generate_series(2005, 2024) y, generate_series(1, 10233) a
    order by i, y, a) to '/tmp/copy-cost/new.csv' (format csv);
checkpoint;
\timing on
\echo a: plain COPY
copy cost_a from '/tmp/copy-cost/new.csv' (format csv);
checkpoint;
\echo b: checks, no index
copy cost_b from '/tmp/copy-cost/new.csv' (format csv);
checkpoint;
\echo c: checks and the unique key
copy cost_c from '/tmp/copy-cost/new.csv' (format csv);
checkpoint;
\echo d: checks, the unique key and BRIN (stats.observation)
copy cost_d from '/tmp/copy-cost/new.csv' (format csv);
