create schema if not exists stats;

create table stats.area (
    id         bigint generated always as identity primary key,
    level      varchar(20)  not null check (level in ('gewest', 'provincie', 'gemeente', 'deelgemeente', 'wijk', 'statsec')),
    code       varchar(20)  not null,
    name       varchar(200) not null,
    parent_id  bigint references stats.area (id),
    mapped     boolean      not null default true,
    valid_from date         not null default date '1900-01-01',
    valid_to   date,
    unique (level, code, valid_from)
);
create index area_parent on stats.area (parent_id);
comment on table stats.area is 'Areas of Flanders and Brussels (shared reference, versioned by validity); mapped = drawn on maps (false for Swing''s 99991/99992).';

-- every area with each of its ancestors (and itself), for aggregation from the finest level up
create table stats.area_ancestor (
    area_id     bigint not null references stats.area (id),
    ancestor_id bigint not null references stats.area (id),
    primary key (ancestor_id, area_id)
);
create index area_ancestor_area on stats.area_ancestor (area_id);

create table stats.area_set (
    id        bigint generated always as identity primary key,
    tenant_id bigint       not null references tenancy.tenant (id),
    name      varchar(200) not null,
    version   integer      not null default 0,
    unique (tenant_id, name)
);
comment on table stats.area_set is 'A city''s own area set, e.g. its wijken as lists of sectors.';

create table stats.area_set_member (
    area_set_id bigint      not null references stats.area_set (id) on delete cascade,
    label       varchar(200) not null,
    area_id     bigint      not null references stats.area (id),
    primary key (area_set_id, label, area_id)
);

create table stats.indicator (
    id              bigint generated always as identity primary key,
    tenant_id       bigint references tenancy.tenant (id),
    code            varchar(80)  not null check (code ~ '^[A-Za-z0-9][A-Za-z0-9_.-]*$'),
    name            varchar(300) not null,
    theme           varchar(120) not null default 'Overige',
    definition      text,
    unit            varchar(120),
    counting_unit   varchar(120),
    source          text,
    kind            varchar(20)  not null default 'registered' check (kind in ('registered', 'survey')),
    numerator_id    bigint references stats.indicator (id),
    denominator_id  bigint references stats.indicator (id),
    factor          numeric      not null default 1,
    aggregation     varchar(10)  not null default 'sum' check (aggregation in ('sum', 'ratio', 'none')),
    decimals        integer      not null default 0 check (decimals between 0 and 6),
    threshold       integer      not null default 0 check (threshold >= 0),
    published       boolean      not null default false,
    demo            boolean      not null default false,
    version         integer      not null default 0,
    unique nulls not distinct (tenant_id, code)
);
comment on table stats.indicator is 'Indicator catalogue; tenant_id null = the shared platform catalogue.';

create table stats.import_batch (
    id          bigint generated always as identity primary key,
    tenant_id   bigint references tenancy.tenant (id),
    filename    varchar(300),
    format      varchar(20)  not null,
    actor       varchar(120) not null,
    imported_at timestamptz  not null default now(),
    row_count   integer      not null,
    inserted    integer      not null,
    updated     integer      not null,
    unchanged   integer      not null,
    created_indicators integer not null default 0,
    undone_at   timestamptz,
    undone_by   varchar(120)
);
create index import_batch_tenant on stats.import_batch (tenant_id, id);

-- No foreign keys: a referential check per row would dominate bulk imports of millions of values. The importer
-- resolves every indicator and area before writing, and areas, indicators, tenants and imports are never deleted.
create table stats.observation (
    tenant_id      bigint,
    indicator_id   bigint       not null,
    area_id        bigint       not null,
    period         varchar(7)   not null check (period ~ '^[0-9]{4}((S[12])|(Q[1-4])|(-(0[1-9]|1[0-2])))?$'),
    breakdown      varchar(200) not null default '',
    value          double precision,
    missing_reason varchar(30) check (missing_reason in ('onbekend', 'gecensureerd', 'niet_van_toepassing', 'leeg')),
    provisional    boolean      not null default false,
    estimated      boolean      not null default false,
    sample_n       integer,
    population_n   bigint,
    margin         double precision,
    import_id      bigint,
    check ((value is null) = (missing_reason is not null))
);
create unique index observation_key on stats.observation (indicator_id, area_id, period, breakdown, coalesce(tenant_id, 0));
create index observation_read on stats.observation (indicator_id, period, coalesce(tenant_id, 0));
comment on table stats.observation is 'Values: indicator x area x period x breakdown; tenant_id null = platform data. Missing values carry a reason, never a value.';

-- what each import changed, so that it shows in the history and can be undone
create table stats.observation_change (
    import_id      bigint       not null references stats.import_batch (id),
    tenant_id      bigint,
    indicator_id   bigint       not null,
    area_id        bigint       not null,
    period         varchar(7)   not null,
    breakdown      varchar(200) not null,
    had_old        boolean      not null,
    old_value      double precision,
    old_missing    varchar(30),
    old_provisional boolean,
    old_estimated  boolean,
    old_sample_n   integer,
    old_population_n bigint,
    old_margin     double precision,
    old_import_id  bigint,
    new_value      double precision,
    new_missing    varchar(30)
);
create index observation_change_import on stats.observation_change (import_id);
create index observation_change_key on stats.observation_change (indicator_id, area_id, period);
create index observation_import on stats.observation (import_id);
create index observation_change_old_import on stats.observation_change (old_import_id);
