-- Datasets: statistical tables imported as a whole from PX, JSON-stat 2.0 or SDMX-CSV 2.0. The original file is kept
-- (re-read on export, so every format the readers understand round-trips); the dimensions are kept parsed for lists.
create table stats.dataset (
    id           bigint generated always as identity primary key,
    tenant_id    bigint references tenancy.tenant (id),
    public_id    varchar(200) not null check (public_id ~ '^[A-Za-z0-9_-]+$'),
    title        varchar(1000) not null,
    source       varchar(1000),
    format       varchar(20)  not null check (format in ('px', 'jsonstat', 'sdmx-csv')),
    filename     varchar(300),
    content_hash varchar(64)  not null,
    content      bytea        not null,
    dimensions   jsonb        not null,
    cell_count   bigint       not null,
    imported_at  timestamptz  not null default now(),
    actor        varchar(120) not null
);
create unique index dataset_public_id on stats.dataset (coalesce(tenant_id, 0), public_id);
