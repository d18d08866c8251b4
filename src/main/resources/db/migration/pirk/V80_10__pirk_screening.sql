-- PIRK screening (docs/modules/pirk-screening-and-register.md): indications per object and period, the city's rules
-- that turn them into a suspicion score, the rules that fired per object, and the visits that confirm or dismiss a
-- suspicion. Administrative vacancy (a rule on register data fired) and verified vacancy (confirmed after a visit)
-- stay apart on pirk.real_estate.vacancy_class.

create table pirk.indication_import (
    id bigint generated always as identity primary key,
    tenant_id bigint not null references tenancy.tenant (id),
    file_name text not null,
    sha256 text not null,
    row_count integer not null,
    created integer not null,
    updated integer not null,
    unchanged integer not null,
    actor text not null,
    imported_at timestamptz not null default now()
);
comment on table pirk.indication_import is 'An import of an indications file (docs/formats/pirk-indications.md) with its counts.';

create table pirk.indication (
    id bigint generated always as identity primary key,
    tenant_id bigint not null references tenancy.tenant (id),
    real_estate_id bigint not null references pirk.real_estate (id),
    kind text not null check (kind in ('NO_RESIDENT', 'WATER', 'GAS', 'ELECTRICITY', 'SERVICE_REPORT', 'FIELD_OBSERVATION')),
    period_from date not null,
    period_to date not null,
    value numeric(14, 3),
    source text not null default '',
    note text,
    import_id bigint references pirk.indication_import (id),
    recorded_by text not null,
    recorded_at timestamptz not null default now(),
    demo boolean not null default false,
    check (period_to >= period_from),
    unique (tenant_id, real_estate_id, kind, period_from, period_to, source)
);
comment on table pirk.indication is 'A sign of (non-)use of an object over a period: months without registered resident (value = months), water (m3), gas or electricity (kWh) consumption, a report by a city service, a field observation. One per object, kind, period and source.';
comment on column pirk.indication.value is 'NO_RESIDENT: months without a registered resident at period_to; WATER: m3; GAS and ELECTRICITY: kWh over the period; SERVICE_REPORT and FIELD_OBSERVATION: 1 (present) or null.';
create index indication_object_ix on pirk.indication (tenant_id, real_estate_id, kind, period_to desc);

create table pirk.rule (
    id bigint generated always as identity primary key,
    tenant_id bigint not null references tenancy.tenant (id),
    name text not null,
    description text,
    combinator text not null check (combinator in ('AND', 'OR')),
    score integer not null check (score between 1 and 100),
    marks text not null check (marks in ('SUSPECTED', 'ADMINISTRATIVE')),
    active boolean not null default true,
    demo boolean not null default false,
    created_at timestamptz not null default now(),
    version integer not null default 0,
    unique (tenant_id, name)
);
comment on table pirk.rule is 'A city''s screening rule: conditions on an object''s latest indications joined by AND or OR; when it fires it adds its score to the object''s suspicion score and marks it suspected or administratively vacant.';

create table pirk.rule_condition (
    rule_id bigint not null references pirk.rule (id) on delete cascade,
    position integer not null,
    kind text not null check (kind in ('NO_RESIDENT', 'WATER', 'GAS', 'ELECTRICITY', 'SERVICE_REPORT', 'FIELD_OBSERVATION')),
    operator text not null check (operator in ('GE', 'GT', 'LE', 'LT', 'PRESENT')),
    threshold numeric(14, 3),
    primary key (rule_id, position),
    check ((operator = 'PRESENT') = (threshold is null))
);
comment on table pirk.rule_condition is 'One condition of a rule on the latest indication of a kind: its value compared with a threshold, or PRESENT (an indication of that kind exists).';

create table pirk.rule_hit (
    tenant_id bigint not null references tenancy.tenant (id),
    real_estate_id bigint not null references pirk.real_estate (id),
    rule_id bigint not null references pirk.rule (id) on delete cascade,
    score integer not null,
    detail text not null,
    evaluated_at timestamptz not null default now(),
    primary key (real_estate_id, rule_id)
);
comment on table pirk.rule_hit is 'A rule that fired on an object at its last evaluation, with the indication values that made it fire.';
create index rule_hit_tenant_ix on pirk.rule_hit (tenant_id, rule_id);

create table pirk.screening_visit (
    id bigint generated always as identity primary key,
    tenant_id bigint not null references tenancy.tenant (id),
    real_estate_id bigint not null references pirk.real_estate (id),
    visited_on date not null,
    visitor text not null,
    outcome text not null check (outcome in ('CONFIRMED', 'PARTLY_VACANT', 'DISMISSED')),
    vacant_share integer check (vacant_share between 1 and 99),
    note text,
    class_before text not null,
    class_after text not null,
    recorded_by text not null,
    recorded_at timestamptz not null default now(),
    demo boolean not null default false
);
comment on table pirk.screening_visit is 'A visit after which staff confirmed (verified vacancy), found partly vacant or dismissed (in use) a suspicion, with who, when and a note.';
create index screening_visit_object_ix on pirk.screening_visit (tenant_id, real_estate_id, visited_on desc);
