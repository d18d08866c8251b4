-- Issue 21, "City-region and other area sets": area groups of municipalities beyond the city border (a
-- centrumstad's stadsregio, peer groups; transport regions and police zones when reference data has them) and
-- versions of the areas across municipal mergers (old -> new). Loaded from reference/stats/ at start-up.

-- tenant_id null: the platform's set (the default); a tenant's row with the same code is its own adjustment,
-- used on that tenant's site instead of the default
create table stats.area_group (
    id        bigint generated always as identity primary key,
    tenant_id bigint references tenancy.tenant (id),
    kind      varchar(20)  not null check (kind in ('stadsregio', 'peergroep', 'typologie', 'vervoerregio', 'politiezone')),
    code      varchar(80)  not null check (code ~ '^[a-z0-9][a-z0-9-]*$'),
    name      varchar(200) not null,
    name_en   varchar(200),
    city_code varchar(20),
    source    text,
    version   integer      not null default 0,
    unique nulls not distinct (tenant_id, code)
);
comment on table stats.area_group is 'A set of municipalities beyond the city border (stadsregio, peer group); tenant_id null = platform default, else a tenant''s adjustment of the same code.';

create table stats.area_group_member (
    group_id bigint      not null references stats.area_group (id) on delete cascade,
    area_id  bigint      not null references stats.area (id),
    zone     varchar(20) check (zone in ('kernstad', 'agglomeratie', 'banlieue')),
    primary key (group_id, area_id)
);

-- a version of the municipal layout (e.g. 2025) as mergers of municipalities of the reference (2024)
create table stats.area_version (
    id         bigint generated always as identity primary key,
    code       varchar(40)  not null unique,
    name       varchar(200) not null,
    valid_from date         not null,
    source     text
);

create table stats.area_merger (
    version_id  bigint       not null references stats.area_version (id) on delete cascade,
    new_code    varchar(20)  not null,
    new_name    varchar(200) not null,
    old_area_id bigint       not null references stats.area (id),
    primary key (version_id, old_area_id)
);
create index area_merger_new on stats.area_merger (version_id, new_code);
