-- The knowledge bank (module knowledge, docs/modules/knowledge.md): the Kenniscentrum's collections of cases, each
-- with its own field template. A field is a row, not a column: adding one needs no migration. Further tables (news,
-- events, newsletter, housing-instrument rounds, search) come in later V70_n migrations of this module.
create schema if not exists knowledge;

create table knowledge.theme (
    code     varchar(60)  primary key,
    label_nl varchar(200) not null,
    label_en varchar(200) not null,
    position integer      not null default 0
);
comment on table knowledge.theme is 'The shared vocabulary of themes that tags cases, news, events and newsletter issues.';

create table knowledge.collection (
    id             bigint generated always as identity primary key,
    code           varchar(60)  not null unique check (code ~ '^[a-z0-9][a-z0-9-]*$'),
    name_nl        varchar(200) not null,
    name_en        varchar(200) not null,
    description_nl text         not null default '',
    description_en text         not null default '',
    -- whether the cities' redacteurs may add and update their own cases (else only the Kenniscentrum's editors)
    cities_contribute boolean   not null default true,
    position       integer      not null default 0,
    created_at     timestamptz  not null default now(),
    version        integer      not null default 0
);
comment on table knowledge.collection is 'A collection of cases (church reuse, temporary use, European projects, ...) with its own field template.';

create table knowledge.field (
    id            bigint generated always as identity primary key,
    collection_id bigint       not null references knowledge.collection (id) on delete cascade,
    code          varchar(60)  not null check (code ~ '^[a-z0-9][a-z0-9_]*$'),
    label_nl      varchar(200) not null,
    label_en      varchar(200) not null,
    type          varchar(20)  not null check (type in ('TEXT', 'RICH_TEXT', 'NUMBER', 'DATE', 'CHOICE', 'MULTI_CHOICE',
                                                        'LINK', 'LOCATION', 'AREA', 'FILE')),
    -- for CHOICE and MULTI_CHOICE: [{"code": "A.1", "nl": "Preventie", "en": "Prevention", "group": "5"}, ...]
    choices       jsonb        not null default '[]',
    required      boolean      not null default false,
    -- shown as a facet of the collection's search
    facet         boolean      not null default false,
    position      integer      not null default 0,
    unique (collection_id, code)
);
comment on table knowledge.field is 'A typed field of a collection''s template; a case keeps its values in knowledge.knowledge_case.field_values by code.';

create table knowledge.knowledge_case (
    id            bigint generated always as identity primary key,
    public_id     uuid         not null unique default gen_random_uuid(),
    collection_id bigint       not null references knowledge.collection (id),
    -- the city (tenant) the case belongs to and that may update it; null: the Kenniscentrum's own
    tenant_id     bigint       references tenancy.tenant (id),
    title         varchar(300) not null,
    summary       text         not null default '',
    -- sanitised HTML (OWASP Java HTML Sanitizer)
    body          text         not null default '',
    field_values  jsonb        not null default '{}',
    area_level    varchar(20),
    area_code     varchar(40),
    latitude      double precision check (latitude between -90 and 90),
    longitude     double precision check (longitude between -180 and 180),
    status        varchar(20)  not null default 'DRAFT' check (status in ('DRAFT', 'REVIEW', 'PUBLISHED', 'ARCHIVED')),
    demo          boolean      not null default false,
    author        varchar(100) not null,
    created_at    timestamptz  not null default now(),
    updated_at    timestamptz  not null default now(),
    published_at  timestamptz,
    verified_at   date,
    version       integer      not null default 0
);
create index knowledge_case_collection_idx on knowledge.knowledge_case (collection_id, status);
create index knowledge_case_tenant_idx on knowledge.knowledge_case (tenant_id);
comment on table knowledge.knowledge_case is 'A case of a collection: draft, review, published or archived; field values by field code.';

create table knowledge.case_theme (
    case_id    bigint      not null references knowledge.knowledge_case (id) on delete cascade,
    theme_code varchar(60) not null references knowledge.theme (code),
    primary key (case_id, theme_code)
);
comment on table knowledge.case_theme is 'The themes a case is tagged with.';

create table knowledge.search_document (
    kind            varchar(20)  not null check (kind in ('CASE', 'NEWS', 'EVENT', 'NEWSLETTER')),
    ref_id          bigint       not null,
    collection      varchar(60),
    tenant_slug     varchar(60),
    title           text         not null,
    summary         text         not null default '',
    body            text         not null default '',
    attachment_text text         not null default '',
    published       boolean      not null,
    facets          jsonb        not null default '{}',
    themes          text[]       not null default '{}',
    content_date    date,
    latitude        double precision,
    longitude       double precision,
    path            text         not null,
    updated_at      timestamptz  not null default now(),
    primary key (kind, ref_id)
);
comment on table knowledge.search_document is 'One row per searchable piece of content (case, news, event, newsletter issue), kept by knowledge.search.SearchIndex.';
