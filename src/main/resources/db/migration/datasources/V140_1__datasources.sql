-- The catalogue of data sources (Datapedia) and the joint data requests to external suppliers (module datasources,
-- docs/modules/datasources.md). A source is the platform's (tenant_id null: Flemish and federal sources shared by
-- every city, edited by the Kenniscentrum) or a city's own (edited by its redacteurs). A joint data request is
-- drafted by a city's data team, joined and commented on by other cities and sent by the Kenniscentrum.
create schema if not exists datasources;

create table datasources.source (
    id                 bigint generated always as identity primary key,
    -- null: a platform-level source (Statbel, Statistiek Vlaanderen, RSZ, ...), shared by every city
    tenant_id          bigint        references tenancy.tenant (id),
    code               varchar(80)   not null check (code ~ '^[a-z0-9-]{2,80}$'),
    name               varchar(300)  not null,
    name_en            varchar(300)  not null default '',
    supplier           varchar(300)  not null,
    content            varchar(4000) not null default '',
    content_en         varchar(4000) not null default '',
    detail_level       varchar(20)   not null check (detail_level in ('ATOMIC', 'SECTOR', 'MUNICIPALITY')),
    area_covered       varchar(300)  not null default '',
    periodicity        varchar(20)   not null
        check (periodicity in ('MONTHLY', 'QUARTERLY', 'SEMIANNUAL', 'ANNUAL', 'IRREGULAR')),
    next_delivery      date,
    licence            varchar(300)  not null default '',
    licence_url        varchar(500)  not null default '',
    access_conditions  varchar(4000) not null default '',
    contact            varchar(300)  not null default '',
    quality_issues     varchar(4000) not null default '',
    url                varchar(500)  not null default '',
    -- public: anyone sees it (and it is a dataset of the DCAT catalogue); else only members
    public             boolean       not null default false,
    demo               boolean       not null default false,
    version            integer       not null default 0,
    updated_at         timestamptz   not null default now(),
    unique nulls not distinct (tenant_id, code)
);
comment on table datasources.source is 'A data source of the Datapedia: the platform''s (tenant_id null) or a city''s own.';

create table datasources.source_indicator (
    source_id       bigint       not null references datasources.source (id) on delete cascade,
    indicator_code  varchar(200) not null,
    primary key (source_id, indicator_code)
);
comment on table datasources.source_indicator is 'The Stad in cijfers indicators (by code) derived from a source.';

create table datasources.data_request (
    id               bigint generated always as identity primary key,
    -- the city whose data team drafted it
    tenant_id        bigint        not null references tenancy.tenant (id),
    title            varchar(300)  not null,
    supplier         varchar(300)  not null,
    source_id        bigint        references datasources.source (id),
    description      varchar(4000) not null,
    detail_level     varchar(20)   not null check (detail_level in ('ATOMIC', 'SECTOR', 'MUNICIPALITY')),
    period_from      varchar(10)   not null,
    period_to        varchar(10)   not null,
    state            varchar(12)   not null default 'DRAFT'
        check (state in ('DRAFT', 'SENT', 'ANSWERED', 'DELIVERED', 'REFUSED')),
    sent_at          timestamptz,
    answered_at      timestamptz,
    delivered_at     timestamptz,
    refused_at       timestamptz,
    supplier_answer  varchar(4000) not null default '',
    -- an import of the delivered file in progress (a claim, so two never run side by side)
    import_started   timestamptz,
    imported_at      timestamptz,
    created_by       varchar(100)  not null,
    created_at       timestamptz   not null default now(),
    demo             boolean       not null default false,
    version          integer       not null default 0
);
comment on table datasources.data_request is 'A joint data request to an external supplier, drafted by a city, sent by the Kenniscentrum.';

create table datasources.request_city (
    request_id  bigint       not null references datasources.data_request (id),
    tenant_id   bigint       not null references tenancy.tenant (id),
    joined_by   varchar(100) not null,
    joined_at   timestamptz  not null default now(),
    primary key (request_id, tenant_id)
);
comment on table datasources.request_city is 'The cities that join a joint data request (the drafting city included).';

create table datasources.request_comment (
    id          bigint generated always as identity primary key,
    request_id  bigint        not null references datasources.data_request (id),
    tenant_id   bigint        references tenancy.tenant (id),
    author      varchar(100)  not null,
    body        varchar(4000) not null,
    created_at  timestamptz   not null default now()
);
comment on table datasources.request_comment is 'A city''s (or the Kenniscentrum''s, tenant_id null) comment on a joint data request.';

create table datasources.request_step (
    id          bigint generated always as identity primary key,
    request_id  bigint       not null references datasources.data_request (id),
    from_state  varchar(12),
    to_state    varchar(12)  not null,
    actor       varchar(100) not null,
    at          timestamptz  not null default now()
);
comment on table datasources.request_step is 'Each state step of a joint data request: who, when, from and to.';

create table datasources.request_import (
    id               bigint generated always as identity primary key,
    request_id       bigint       not null references datasources.data_request (id),
    tenant_id        bigint       not null references tenancy.tenant (id),
    stats_import_id  bigint       not null,
    file_name        varchar(300) not null,
    row_count        integer      not null,
    imported_by      varchar(100) not null,
    imported_at      timestamptz  not null default now()
);
comment on table datasources.request_import is 'The statistics import (stats.import_batch id) of a delivered file per joined city.';
create index request_import_request on datasources.request_import (request_id);
