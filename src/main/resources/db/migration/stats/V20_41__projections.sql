-- Issue 21, "Projections next to observations": population and household projections (e.g. the Flemish
-- government's SVR projections) as series beside the observed values, each with its base year and scenario.
-- Kept apart from stats.observation on purpose: a projection is never aggregated into, compared as or
-- suppressed as an observed figure.
create table stats.projection_import (
    id          bigint generated always as identity primary key,
    tenant_id   bigint references tenancy.tenant (id),
    filename    varchar(300),
    actor       varchar(120) not null,
    imported_at timestamptz  not null default now(),
    row_count   integer      not null,
    demo        boolean      not null default false
);

create table stats.projection (
    tenant_id    bigint references tenancy.tenant (id),
    indicator_id bigint           not null references stats.indicator (id),
    area_id      bigint           not null references stats.area (id),
    period       varchar(7)       not null check (period ~ '^[0-9]{4}$'),
    scenario     varchar(60)      not null,
    base_year    integer          not null check (base_year between 1900 and 2200),
    value        double precision not null,
    import_id    bigint           not null references stats.projection_import (id),
    unique nulls not distinct (tenant_id, indicator_id, area_id, period, scenario, base_year)
);
create index projection_read on stats.projection (indicator_id, area_id);
comment on table stats.projection is 'Projected values (not observations): indicator x area x year per scenario and base year; tenant_id null = platform data.';
