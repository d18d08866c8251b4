-- Rechtenverkenner, catalogue side (docs/modules/rights.md, "LPDC import", "DMN decision tables"):
-- the LPDC id (the instance's URI) and concept of an imported right, the imports themselves, and a rule
-- version that is a DMN decision table instead of (or besides) typed conditions.
alter table rights.right_entry
    add column lpdc_id          varchar(500),
    add column lpdc_concept     varchar(500),
    add column lpdc_imported_at timestamptz;
comment on column rights.right_entry.lpdc_id is 'The URI of the LPDC instance this right was imported from; null for a right entered here.';
comment on column rights.right_entry.lpdc_concept is 'The URI of the IPDC concept the LPDC instance follows (dct:source), for the comparison across cities.';
create unique index right_entry_lpdc_uq on rights.right_entry (tenant_id, lpdc_id) where lpdc_id is not null;

create table rights.lpdc_import (
    id          bigint generated always as identity primary key,
    tenant_id   bigint       not null references tenancy.tenant (id),
    file_name   varchar(300) not null,
    sha256      char(64)     not null,
    created     integer      not null,
    updated     integer      not null,
    archived    integer      not null,
    skipped     integer      not null,
    imported_by varchar(100) not null,
    imported_at timestamptz  not null default now()
);
comment on table rights.lpdc_import is 'One import of LPDC instances (JSON-LD) into a city''s catalogue, with what it changed.';
create index lpdc_import_tenant on rights.lpdc_import (tenant_id, imported_at desc);

-- the DMN model (XML) of a rule version that a decision table decides; null: typed conditions only
alter table rights.rule_version add column dmn text check (dmn is null or length(dmn) <= 500000);
comment on column rights.rule_version.dmn is 'A DMN 1.x model (XML) whose decision decides besides the typed conditions in rule; null for none.';
