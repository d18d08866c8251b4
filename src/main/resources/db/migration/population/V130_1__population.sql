-- Population register microdata (issue 21): pseudonymised extracts of a city's population register, one snapshot per
-- reference date, from which statistics are derived and published through Stad in cijfers. No page or API reads
-- the person rows (docs/modules/population.md); only the import and the derivations in be.obmi.population do.
create schema if not exists population;

-- The per-tenant key of the keyed hash (HMAC-SHA256) that turns a person, household and address key into a
-- pseudonym. Made at the tenant's first import, read only by population.domain.Pseudonyms; it never leaves the
-- database through a page, API, export or log. Without it the pseudonyms cannot be linked back to the register.
create table population.pseudonym_key (
    tenant_id bigint primary key references tenancy.tenant(id),
    secret bytea not null check (length(secret) = 32),
    created_at timestamptz not null default now()
);
comment on table population.pseudonym_key is 'Per-tenant secret of the keyed hash (HMAC-SHA256) that pseudonymises person, household and address keys; read only by the import.';

-- One imported extract: the residents of the city on the reference date (plus the persons deregistered since the
-- previous one, with the date and reason). delete_after is when the retention job drops it.
create table population.snapshot (
    id bigserial primary key,
    tenant_id bigint not null references tenancy.tenant(id),
    reference_date date not null,
    file_name text not null,
    file_sha256 text not null,
    rows_read integer not null,
    residents integer not null,
    households integer not null,
    deregistered integer not null,
    placed_by_code integer not null,
    placed_by_point integer not null,
    unplaced integer not null,
    unplaced_reasons jsonb not null default '{}',
    imported_by text not null,
    imported_at timestamptz not null default now(),
    delete_after date not null,
    unique (tenant_id, reference_date)
);
comment on table population.snapshot is 'An imported population-register extract of a tenant for one reference date (counts only; the rows are in population.person).';

-- The pseudonymised persons of the snapshots, partitioned by snapshot (one partition per import, made by the
-- import as population.person_<snapshot id> and dropped whole by the retention job). Keys are HMAC pseudonyms
-- (16 bytes); the birth date is kept to the month, the age in whole years on the reference date; the address
-- only as a pseudonym with its postcode and statistical sector.
create table population.person (
    tenant_id bigint not null,
    snapshot_id bigint not null,
    person_key bytea not null,
    birth_month date not null,
    age smallint not null,
    sex char(1) not null check (sex in ('M', 'V', 'X')),
    nationality_group text not null,
    household_key bytea,
    household_type text,
    household_position text,
    address_key bytea,
    postcode text,
    sector_code text,
    registered_on date,
    civil_status text,
    resident boolean not null,
    deregistered_on date,
    deregistration_reason text,
    primary key (snapshot_id, person_key)
) partition by list (snapshot_id);
comment on table population.person is 'Pseudonymised population-register microdata, one partition per snapshot; read by no page or API.';

-- One derivation of the indicators from a snapshot (and the previous one for moves, births and deaths): what was
-- published, from which snapshots and by which definitions, so every published figure is traceable.
create table population.derivation_run (
    id bigserial primary key,
    tenant_id bigint not null references tenancy.tenant(id),
    snapshot_id bigint not null,
    reference_date date not null,
    previous_snapshot_id bigint,
    previous_reference_date date,
    definitions_sha256 text not null,
    indicators integer not null,
    values_published integer not null,
    run_by text not null,
    started_at timestamptz not null,
    finished_at timestamptz not null default now()
);
comment on table population.derivation_run is 'A derivation of statistics from a population snapshot: its snapshots and the hash of the definitions used.';

-- Per run, each indicator published: its period, the number of values and the hash of its definition (the SQL).
create table population.derivation_output (
    run_id bigint not null references population.derivation_run(id) on delete cascade,
    tenant_id bigint not null references tenancy.tenant(id),
    indicator_code text not null,
    period text not null,
    value_count integer not null,
    definition_sha256 text not null,
    published boolean not null,
    primary key (run_id, indicator_code)
);
comment on table population.derivation_output is 'The indicators a derivation run published, each with its period and the hash of its definition.';
create index derivation_output_indicator on population.derivation_output (tenant_id, indicator_code, period);
