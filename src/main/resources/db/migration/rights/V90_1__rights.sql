-- The Rechtenverkenner (module rights, docs/modules/rights.md): the catalogue of rights (a city's own, and the
-- shared Flemish/federal ones with tenant_id null), their dated rule versions (typed conditions as JSON, see
-- be.obmi.rights.domain.Condition), the cities' parameters on shared rights (top-up) and the example households
-- that every rule change is checked against. Nothing here names a person.
create schema if not exists rights;

create table rights.right_entry (
    id                bigint generated always as identity primary key,
    -- null: a shared (Flemish, federal) right, edited by the platform and offered in every city
    tenant_id         bigint        references tenancy.tenant (id),
    code              varchar(80)   not null check (code ~ '^[a-z0-9-]{2,80}$'),
    title             varchar(200)  not null,
    description       varchar(4000) not null default '',
    level             varchar(20)   not null check (level in ('FEDERAAL', 'VLAAMS', 'PROVINCIAAL', 'LOKAAL')),
    theme             varchar(100)  not null default '',
    target_group      varchar(200)  not null default '',
    fiche_conditions  varchar(4000) not null default '',
    fiche_procedure   varchar(4000) not null default '',
    fiche_documents   varchar(4000) not null default '',
    fiche_contact     varchar(1000) not null default '',
    fiche_advantage   varchar(1000) not null default '',
    legal_url         varchar(500)  not null default '',
    legal_title       varchar(300)  not null default '',
    valid_from        date,
    valid_to          date,
    state             varchar(20)   not null default 'DRAFT' check (state in ('DRAFT', 'PUBLISHED', 'ARCHIVED')),
    demo              boolean       not null default false,
    version           integer       not null default 0,
    unique nulls not distinct (tenant_id, code)
);
comment on table rights.right_entry is 'A right in the catalogue: a city''s own (tenant_id) or shared by all cities (tenant_id null).';

create table rights.rule_version (
    id          bigint generated always as identity primary key,
    right_id    bigint       not null references rights.right_entry (id),
    valid_from  date         not null,
    valid_to    date,
    -- {"all": [conditions], "none": [conditions], "parameters": {"ceiling": 28500}}
    rule        jsonb        not null,
    legal_basis varchar(500) not null default '',
    state       varchar(20)  not null default 'DRAFT' check (state in ('DRAFT', 'PUBLISHED', 'REFUSED')),
    created_by  varchar(100) not null,
    created_at  timestamptz  not null default now(),
    check (valid_to is null or valid_to >= valid_from)
);
comment on table rights.rule_version is 'A dated version of a right''s eligibility rule; only published ones are used in the questionnaire.';

create table rights.city_parameter (
    tenant_id  bigint        not null references tenancy.tenant (id),
    right_id   bigint        not null references rights.right_entry (id),
    name       varchar(60)   not null check (name ~ '^[a-zA-Z][a-zA-Z0-9_]{0,59}$'),
    value      numeric(14,2) not null,
    primary key (tenant_id, right_id, name)
);
comment on table rights.city_parameter is 'A city''s value for a parameter of a shared right (its top-up); absent: the base value applies.';

create table rights.example_household (
    id         bigint generated always as identity primary key,
    right_id   bigint       not null references rights.right_entry (id),
    -- the city the example lives in (its top-up applies); null: no city parameters
    tenant_id  bigint       references tenancy.tenant (id),
    name       varchar(200) not null,
    answers    jsonb        not null,
    as_of      date         not null,
    expected   varchar(20)  not null check (expected in ('ELIGIBLE', 'MAYBE', 'NOT_ELIGIBLE', 'NOT_IN_FORCE')),
    unique (right_id, name)
);
comment on table rights.example_household is 'A fictitious household with the outcome a right''s rule must give it; publication is refused when one fails.';
