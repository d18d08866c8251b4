-- The register-gap indicator (docs/modules/buildings.md#register-gap-indicator): each city imports the list of its
-- building-related process records with their register identifiers (docs/formats/schillenboek-process-records.md).
-- An import replaces the city's list for the processes the file names; the current list of a process is the rows of
-- the latest import not undone that names it, so undo brings back the list before.
create table buildings.record_import (
    id          bigserial primary key,
    tenant_id   bigint       not null references tenancy.tenant(id),
    file_name   varchar(255) not null,
    sha256      char(64)     not null,
    processes   text[]       not null,
    records     integer      not null,
    imported_by varchar(100) not null,
    imported_at timestamptz  not null default now(),
    undone_by   varchar(100),
    undone_at   timestamptz,
    demo        boolean      not null default false
);
comment on table buildings.record_import is 'One import of a city''s process-record list (all or nothing), undoable; processes lists the process codes it replaced.';
create index record_import_tenant_idx on buildings.record_import (tenant_id, id);

create table buildings.process_record (
    import_id        bigint      not null references buildings.record_import(id),
    tenant_id        bigint      not null references tenancy.tenant(id),
    process_code     text        not null references buildings.process(code),
    record_id        varchar(100) not null,
    address_id       varchar(100),
    building_unit_id varchar(100),
    building_id      varchar(100),
    parcel           varchar(20),
    record_date      date,
    primary key (import_id, process_code, record_id)
);
comment on table buildings.process_record is 'A building-related record of a city''s process with the register identifiers it carries (address, building unit, building, parcel), as one import brought it.';
create index process_record_tenant_idx on buildings.process_record (tenant_id, process_code);
