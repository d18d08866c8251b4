-- The warehouse itself (schema "warehouse") is derived: it is built from scratch in "warehouse_staging" and swapped
-- in by WarehouseRebuild, never migrated. This schema keeps the log of those builds.
create schema if not exists warehouse_meta;

create table warehouse_meta.rebuild (
    id           bigint generated always as identity primary key,
    started_at   timestamptz  not null default now(),
    finished_at  timestamptz,
    trigger      varchar(40)  not null,
    status       varchar(10)  not null default 'BEZIG' check (status in ('BEZIG', 'KLAAR', 'MISLUKT')),
    message      text,
    row_counts   jsonb
);
