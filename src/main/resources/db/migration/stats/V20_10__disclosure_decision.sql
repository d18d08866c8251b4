-- Disclosure control as a property of the published data (docs/security.md, "Disclosure control"): the cells of a
-- count indicator that are suppressed in a scope for one period, over every level, area set, breakdown and the
-- centrumsteden figure at once, computed once and read by every page, API format, PDF and map. Rows of a scope are
-- deleted in the transaction that changes its data (and all of them when the platform's data changes); the next
-- reader computes them again.
create table stats.disclosure_decision (
    scope_key    bigint      not null,
    indicator_id bigint      not null,
    period       varchar(7)  not null,
    suppressed   text[]      not null,
    computed_at  timestamptz not null default now(),
    primary key (scope_key, indicator_id, period)
);
comment on table stats.disclosure_decision is 'Suppressed cells of a count indicator per scope and period: keys a:<area id>|<breakdown> and s:<area set>:<label>|<breakdown>.';
