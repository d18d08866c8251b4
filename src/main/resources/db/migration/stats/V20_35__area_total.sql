-- Stored aggregates of the read model (issue 20): per scope, count indicator and period, the value of every area above
-- the statistical sector as StatsQueries aggregates it (sectors summed up the levels, wijken as a second partition) and
-- the number of stored values inside it, so that an area report reads the city's, Flanders' and the centrumsteden's
-- figures instead of summing 10,000 sectors per request. Kept current after every commit that changes observations
-- (query.AreaTotals): only the (scope, indicator) pairs whose rows changed are computed again.
create table stats.area_total (
    scope_key     bigint           not null,
    indicator_id  bigint           not null,
    period        varchar(7)       not null,
    area_id       bigint           not null,
    value         double precision,
    direct        boolean          not null,
    stored_within integer          not null,
    primary key (scope_key, indicator_id, area_id, period)
);
comment on table stats.area_total is 'Aggregated value (total, no breakdown) of an area above the sector per scope, indicator and period; direct: the scope stores a value of its own for the area; stored_within: stored values inside the area, itself included.';

-- What each stored aggregate was computed from: a fingerprint of the (scope, indicator) rows of the total (no
-- breakdown): count, sum of import ids, sum of the values' hashes (exact, so the same rows always give the same one) and their periods; a pair whose fingerprint differs is computed again.
create table stats.area_total_source (
    scope_key    bigint    not null,
    indicator_id bigint    not null,
    row_count    bigint    not null,
    import_sum   numeric   not null,
    value_hash   bigint    not null,
    aggregation  varchar(10) not null,
    periods      text[]    not null,
    computed_at  timestamptz not null default now(),
    primary key (scope_key, indicator_id)
);
comment on table stats.area_total_source is 'Fingerprint (rows, sum of import ids, sum of hashfloat8 of the values), the indicator''s aggregation rule and the periods of the rows a scope''s aggregates of an indicator were computed from.';
