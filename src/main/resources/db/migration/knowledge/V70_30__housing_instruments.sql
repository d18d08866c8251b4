-- Local housing-policy instruments and their half-yearly update rounds (K4, docs/modules/knowledge.md,
-- "Housing-policy instruments and rounds"). The list of instruments is reference data, written at every start from
-- src/main/resources/knowledge/housing-instruments.csv.
create table knowledge.housing_instrument (
    code           varchar(20)  primary key,
    chapter        varchar(10)  not null,
    chapter_nl     varchar(200) not null,
    chapter_en     varchar(200) not null,
    local_code     varchar(10)  not null,
    label_nl       varchar(300) not null,
    label_en       varchar(300) not null,
    position       integer      not null default 0,
    -- false once the code is no longer in the list (kept for older snapshots)
    listed         boolean      not null default true
);
comment on table knowledge.housing_instrument is 'The controlled list of local housing-policy instruments: chapter and code (e.g. 5.A.1 Preventie).';

create table knowledge.housing_city_instrument (
    id              bigint generated always as identity primary key,
    tenant_id       bigint        not null references tenancy.tenant (id),
    instrument_code varchar(20)   not null references knowledge.housing_instrument (code),
    present         boolean       not null,
    regulation_url  varchar(500)  check (regulation_url ~* '^https?://'),
    note            varchar(2000),
    since           date,
    changed_by      varchar(100)  not null,
    changed_at      timestamptz   not null default now(),
    demo            boolean       not null default false,
    version         integer       not null default 0,
    unique (tenant_id, instrument_code)
);
comment on table knowledge.housing_city_instrument is 'A city''s use of a housing-policy instrument: present or ended, link to its regulation, note, since.';

create table knowledge.housing_round (
    id         bigint generated always as identity primary key,
    name       varchar(40)  not null unique,
    period     varchar(10),
    deadline   date         not null,
    state      varchar(10)  not null default 'OPEN' check (state in ('OPEN', 'CLOSED')),
    opened_by  varchar(100) not null,
    opened_at  timestamptz  not null default now(),
    closed_by  varchar(100),
    closed_at  timestamptz,
    demo       boolean      not null default false,
    version    integer      not null default 0
);
create unique index housing_round_one_open on knowledge.housing_round (state) where state = 'OPEN';
comment on table knowledge.housing_round is 'A half-yearly update round of the cities'' housing-policy instruments; at most one is open.';

create table knowledge.housing_round_city (
    round_id       bigint       not null references knowledge.housing_round (id),
    tenant_id      bigint       not null references tenancy.tenant (id),
    submitted_by   varchar(100),
    submitted_at   timestamptz,
    -- claimed before the mails go out, released when none could be sent: at most once per city and round
    opening_mailed_at timestamptz,
    reminded_at    timestamptz,
    reminded_by    varchar(100),
    version        integer      not null default 0,
    primary key (round_id, tenant_id)
);
comment on table knowledge.housing_round_city is 'A city''s task in a round: submitted when and by whom, opening mail and reminder sent.';

create table knowledge.housing_snapshot (
    round_id        bigint        not null references knowledge.housing_round (id),
    tenant_id       bigint        not null references tenancy.tenant (id),
    instrument_code varchar(20)   not null references knowledge.housing_instrument (code),
    present         boolean       not null,
    regulation_url  varchar(500),
    note            varchar(2000),
    since           date,
    primary key (round_id, tenant_id, instrument_code)
);
comment on table knowledge.housing_snapshot is 'The cities'' instruments as they were when a round closed.';
