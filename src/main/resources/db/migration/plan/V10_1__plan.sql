create schema if not exists plan;

create table plan.plan (
    id                 bigint generated always as identity primary key,
    tenant_id          bigint       not null references tenancy.tenant(id),
    name               varchar(200) not null,
    start_year         integer      not null,
    end_year           integer      not null check (end_year >= start_year),
    current_version    integer      not null default 0,
    demo               boolean      not null default false,
    created_at         timestamptz  not null default now(),
    version            integer      not null default 0
);
create index plan_tenant on plan.plan (tenant_id);
comment on table plan.plan is 'A multi-year plan (meerjarenplan) of a tenant, e.g. 2026-2031.';

create table plan.plan_version (
    id          bigint generated always as identity primary key,
    tenant_id   bigint       not null references tenancy.tenant(id),
    plan_id     bigint       not null references plan.plan(id),
    number      integer      not null,
    label       varchar(200) not null,
    created_at  timestamptz  not null default now(),
    created_by  varchar(100) not null,
    created_count integer    not null default 0,
    updated_count integer    not null default 0,
    snapshot    text         not null,
    unique (plan_id, number)
);
comment on table plan.plan_version is 'Each import or amendment of a plan; snapshot holds the plan in the import format. The plan''s current_version is the current one.';

create table plan.plan_item (
    id                   bigint generated always as identity primary key,
    tenant_id            bigint        not null references tenancy.tenant(id),
    plan_id              bigint        not null references plan.plan(id),
    parent_id            bigint        references plan.plan_item(id),
    type                 varchar(2)    not null check (type in ('BD', 'AP', 'AC')),
    code                 varchar(60)   not null,
    title                varchar(500)  not null,
    description          text,
    priority             boolean       not null default false,
    policy_field         varchar(4),
    political_owner      varchar(200),
    administrative_owner varchar(200),
    contributor          varchar(100),
    start_date           date,
    end_date             date,
    tags                 varchar(500),
    wijk                 varchar(120),
    latitude             double precision,
    longitude            double precision,
    weight               numeric(8,2)  not null default 1 check (weight >= 0),
    sort_order           integer       not null default 0,
    version              integer       not null default 0,
    unique (plan_id, code),
    check ((type = 'BD') = (parent_id is null))
);
create index plan_item_tenant on plan.plan_item (tenant_id, plan_id);
create index plan_item_parent on plan.plan_item (parent_id);
create index plan_item_contributor on plan.plan_item (tenant_id, contributor);

create table plan.commitment (
    id         bigint generated always as identity primary key,
    tenant_id  bigint       not null references tenancy.tenant(id),
    plan_id    bigint       not null references plan.plan(id),
    code       varchar(60)  not null,
    title      varchar(500) not null,
    unique (plan_id, code)
);
comment on table plan.commitment is 'A commitment of the governance agreement (bestuursakkoord).';

create table plan.commitment_item (
    tenant_id     bigint not null references tenancy.tenant(id),
    commitment_id bigint not null references plan.commitment(id) on delete cascade,
    item_id       bigint not null references plan.plan_item(id) on delete cascade,
    primary key (commitment_id, item_id)
);

create table plan.project (
    id          bigint generated always as identity primary key,
    tenant_id   bigint       not null references tenancy.tenant(id),
    item_id     bigint       not null references plan.plan_item(id) on delete cascade,
    name        varchar(300) not null,
    description text
);

create table plan.release (
    id           bigint generated always as identity primary key,
    tenant_id    bigint       not null references tenancy.tenant(id),
    item_id      bigint       not null references plan.plan_item(id) on delete cascade,
    project_id   bigint       references plan.project(id) on delete set null,
    title        varchar(300) not null,
    planned_date date         not null,
    actual_date  date,
    status       varchar(20)  not null default 'GEPLAND' check (status in ('GEPLAND', 'GEREALISEERD', 'VERSCHOVEN', 'GESCHRAPT'))
);
create index release_item on plan.release (tenant_id, item_id);

create table plan.indicator (
    id             bigint generated always as identity primary key,
    tenant_id      bigint        not null references tenancy.tenant(id),
    item_id        bigint        not null references plan.plan_item(id) on delete cascade,
    code           varchar(60)   not null,
    name           varchar(300)  not null,
    kind           varchar(10)   not null check (kind in ('OUTPUT', 'EFFECT', 'CONTEXT')),
    value_type     varchar(10)   not null default 'NUMBER' check (value_type in ('NUMBER', 'TEXT')),
    unit           varchar(60),
    direction      varchar(10)   not null default 'HIGHER' check (direction in ('HIGHER', 'LOWER', 'NONE')),
    baseline       numeric(18,4),
    stats_code     varchar(60),
    unique (tenant_id, item_id, code)
);
create index indicator_item on plan.indicator (tenant_id, item_id);

create table plan.indicator_target (
    tenant_id    bigint        not null references tenancy.tenant(id),
    indicator_id bigint        not null references plan.indicator(id) on delete cascade,
    year         integer       not null,
    target       numeric(18,4),
    text_target  varchar(300),
    primary key (indicator_id, year)
);

create table plan.measurement (
    id           bigint generated always as identity primary key,
    tenant_id    bigint        not null references tenancy.tenant(id),
    indicator_id bigint        not null references plan.indicator(id) on delete cascade,
    measured_on  date          not null,
    value        numeric(18,4),
    text_value   varchar(300),
    source       varchar(300),
    comment      varchar(1000),
    unique (indicator_id, measured_on)
);

create table plan.status_round (
    id                  bigint generated always as identity primary key,
    tenant_id           bigint        not null references tenancy.tenant(id),
    plan_id             bigint        not null references plan.plan(id),
    name                varchar(200)  not null,
    reference_date      date          not null,
    deadline            date          not null,
    scope               varchar(10)   not null check (scope in ('ALL', 'PRIORITY', 'SELECTION')),
    state               varchar(10)   not null default 'OPEN' check (state in ('OPEN', 'CLOSED')),
    changed_assumptions text,
    changed_risks       text,
    opened_by           varchar(100)  not null,
    opened_at           timestamptz   not null default now(),
    closed_at           timestamptz,
    version             integer       not null default 0
);
create index status_round_tenant on plan.status_round (tenant_id, plan_id);

create table plan.round_item (
    tenant_id bigint not null references tenancy.tenant(id),
    round_id  bigint not null references plan.status_round(id) on delete cascade,
    item_id   bigint not null references plan.plan_item(id) on delete cascade,
    primary key (round_id, item_id)
);
comment on table plan.round_item is 'The actions a round asks an update for, fixed when the round opens.';

create table plan.status_update (
    id            bigint generated always as identity primary key,
    tenant_id     bigint        not null references tenancy.tenant(id),
    round_id      bigint        not null references plan.status_round(id) on delete cascade,
    item_id       bigint        not null references plan.plan_item(id) on delete cascade,
    status        varchar(20)   not null check (status in ('NIET_GESTART', 'OP_SCHEMA', 'VERTRAAGD', 'PROBLEEM', 'AFGEROND', 'UITGESTELD', 'STOPGEZET')),
    progress      integer       not null default 0 check (progress between 0 and 100),
    narrative     text,
    bottlenecks   text,
    next_steps    text,
    state         varchar(15)   not null default 'CONCEPT' check (state in ('CONCEPT', 'INGEDIEND', 'GOEDGEKEURD', 'GEPUBLICEERD')),
    remark        text,
    author        varchar(100),
    submitted_at  timestamptz,
    approved_by   varchar(100),
    approved_at   timestamptz,
    published_at  timestamptz,
    version       integer       not null default 0,
    unique (round_id, item_id)
);
create index status_update_item on plan.status_update (tenant_id, item_id);
