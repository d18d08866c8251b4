-- The GDPR module (module privacy, docs/modules/privacy.md): the register of processing activities per tenant
-- (art. 30(1), and art. 30(2) for processors) with immutable versions, and the organisations linked to a city.
-- Agreements, DPIAs, breaches, requests, templates and the public field mask come in later V60_n migrations.
create schema if not exists privacy;

create table privacy.linked_organisation (
    id          bigint generated always as identity primary key,
    tenant_id   bigint       not null references tenancy.tenant (id),
    -- KBO/BCE enterprise number, ten digits without dots (0207.451.227 -> 0207451227)
    kbo_number  char(10)     check (kbo_number ~ '^[01][0-9]{9}$'),
    name        varchar(300) not null,
    kind        varchar(30)  not null check (kind in ('STAD', 'OCMW', 'AGB', 'POLITIEZONE', 'HULPVERLENINGSZONE',
                                                      'INTERGEMEENTELIJK', 'VZW', 'ANDERE')),
    -- keeps its own register; else its activities are in the city's register
    own_register boolean     not null default false,
    version     integer      not null default 0,
    unique (tenant_id, kbo_number)
);
comment on table privacy.linked_organisation is 'An organisation linked to a city (OCMW, AGB, police zone, intermunicipal body), by KBO number.';

create table privacy.processing_activity (
    id               bigint generated always as identity primary key,
    public_id        uuid        not null unique default gen_random_uuid(),
    tenant_id        bigint      not null references tenancy.tenant (id),
    -- art. 30(1): the controller's register; art. 30(2): the register of a processor acting for others
    register         varchar(20) not null default 'CONTROLLER' check (register in ('CONTROLLER', 'PROCESSOR')),
    -- whose data: citizens or staff (Ghent keeps two public registers)
    audience         varchar(20) not null default 'CITIZENS' check (audience in ('CITIZENS', 'STAFF')),
    organisation_id  bigint      references privacy.linked_organisation (id),
    role             varchar(20) not null default 'CONTROLLER'
                         check (role in ('CONTROLLER', 'JOINT_CONTROLLER', 'PROCESSOR', 'SUB_PROCESSOR')),
    state            varchar(20) not null default 'DRAFT' check (state in ('DRAFT', 'COMPLETED', 'CHECKED')),
    published        boolean     not null default false,
    current_version  integer     not null default 1,
    -- adopted from a Kenniscentrum template: which one and which version
    template_id      bigint,
    template_version integer,
    demo             boolean     not null default false,
    created_at       timestamptz not null default now(),
    version          integer     not null default 0
);
create index processing_activity_tenant_idx on privacy.processing_activity (tenant_id);
comment on table privacy.processing_activity is 'A processing activity of a tenant''s register; its content is in privacy.activity_version.';

create table privacy.activity_version (
    activity_id bigint       not null references privacy.processing_activity (id) on delete cascade,
    number      integer      not null,
    -- the be.obmi.privacy.domain.ActivityContent record as JSON
    content     jsonb        not null,
    valid_from  date         not null default current_date,
    created_by  varchar(100) not null,
    created_at  timestamptz  not null default now(),
    primary key (activity_id, number)
);
comment on table privacy.activity_version is 'Immutable versions of a processing activity''s content; a substantive change adds one.';
