-- The statistics catch-up (WarehouseStatistics, docs/warehouse.md): what the warehouse's statistics facts were built
-- from, per scope (0: platform), indicator and period — the number of observations and a hash of the columns the
-- warehouse reads — written by every rebuild (in its swap) and by every catch-up for the pairs it replaced. A pass
-- compares it with the observations as they are now and builds again only the (indicator, period) pairs that differ.
create table warehouse_meta.observation_source (
    scope_key    bigint     not null,
    indicator_id bigint     not null,
    period       varchar(7) not null,
    row_count    bigint     not null,
    row_hash     bigint     not null,
    primary key (indicator_id, period, scope_key)
);

-- A statistics import or undo committed since the last catch-up (one row at most; also set at every start, so that
-- a change whose event a killed process never handled is still taken in).
create table warehouse_meta.statistics_pending (
    pending    boolean     primary key default true check (pending),
    changed_at timestamptz not null default now()
);
