-- PIRK register entries (docs/modules/pirk.md, docs/formats/pirk-register-entries.md): what each register says about
-- an object, with its provenance. An entry is keyed by its register and the source's own key (dossier number);
-- every import batch records the register, source, extract date and file; a changed row makes a new version of the
-- entry (history); an entry is matched to an object by identifier, then normalised address, then location, with a
-- match method and quality, or waits in the work queue (object_id null) until staff link it or make a new object.
create table pirk.import_batch (
    id bigint generated always as identity primary key,
    tenant_id bigint not null references tenancy.tenant (id),
    register text not null check (register in ('LEEGSTAND_WONINGEN', 'LEEGSTAND_GEBOUWEN', 'VERWAARLOZING',
        'ONBEBOUWDE_PERCELEN', 'ONGESCHIKT_ONBEWOONBAAR', 'LEEGSTAND_BEDRIJFSRUIMTEN', 'SUSPICION')),
    source text not null,
    extract_date date not null,
    file_name text not null,
    format text not null check (format in ('csv', 'xlsx', 'geojson')),
    crs text not null check (crs in ('EPSG:4326', 'EPSG:31370', 'NONE')),
    row_count integer not null,
    created_count integer not null,
    changed_count integer not null,
    unchanged_count integer not null,
    queued_count integer not null,
    demo boolean not null default false,
    imported_by text not null,
    imported_at timestamptz not null default now(),
    undone_by text,
    undone_at timestamptz
);
comment on table pirk.import_batch is 'One import of a register extract (CSV, XLSX or GeoJSON): its provenance (register, source, extract date, file) and counts; undone_at set when it was undone.';

create table pirk.register_entry (
    id bigint generated always as identity primary key,
    tenant_id bigint not null references tenancy.tenant (id),
    register text not null,
    source_key text not null,
    current_version integer not null,
    batch_id bigint not null references pirk.import_batch (id),
    object_id bigint references pirk.real_estate (id),
    match_method text not null check (match_method in ('BUILDING_UNIT', 'BUILDING', 'ADDRESS_ID', 'CAPAKEY',
        'ADDRESS', 'POLYGON', 'DISTANCE', 'MANUAL', 'NEW_OBJECT', 'NONE')),
    match_quality integer not null check (match_quality between 0 and 100),
    queue_reason text,
    address_id text,
    building_id text,
    building_unit_id text,
    capakey text,
    street text,
    house_number text,
    box_number text,
    postcode text,
    municipality text,
    function text,
    registered_since date,
    note text,
    longitude double precision,
    latitude double precision,
    geometry jsonb,
    content_hash text not null,
    demo boolean not null default false,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    version integer not null default 0,
    unique (tenant_id, register, source_key),
    check ((object_id is null) = (queue_reason is not null))
);
comment on table pirk.register_entry is 'What a register says about an object, in its current version: keyed by register and the source''s own key, matched to an object (method, quality 0-100) or waiting in the work queue (object_id null, queue_reason set).';
comment on column pirk.register_entry.match_quality is '100 building unit or building id, 95 address id, 90 CaPaKey, 80 normalised address, 70 point in the object''s polygon, 50-60 within the distance; 100 when a person linked it.';
create index register_entry_object_ix on pirk.register_entry (object_id, register);
create index register_entry_queue_ix on pirk.register_entry (tenant_id) where object_id is null;

create table pirk.register_entry_version (
    id bigint generated always as identity primary key,
    tenant_id bigint not null references tenancy.tenant (id),
    entry_id bigint not null references pirk.register_entry (id) on delete cascade,
    version_no integer not null,
    batch_id bigint not null references pirk.import_batch (id),
    object_id bigint references pirk.real_estate (id),
    match_method text not null,
    match_quality integer not null,
    queue_reason text,
    address_id text,
    building_id text,
    building_unit_id text,
    capakey text,
    street text,
    house_number text,
    box_number text,
    postcode text,
    municipality text,
    function text,
    registered_since date,
    note text,
    longitude double precision,
    latitude double precision,
    geometry jsonb,
    content_hash text not null,
    created_at timestamptz not null default now(),
    unique (entry_id, version_no)
);
comment on table pirk.register_entry_version is 'Every version of a register entry as an import (batch) brought it: the history of the entry; undoing a batch removes its versions and puts the previous one back in force.';
create index register_entry_version_batch_ix on pirk.register_entry_version (batch_id);

-- The normalised address both sides of the address match use: lower case, accents and punctuation away, common
-- street-name abbreviations written out, house number without spaces, box without "bus".
create function pirk.address_key(street text, house_number text, box_number text, postcode text)
returns text language sql immutable parallel safe as $$
    select case when street is null or house_number is null or postcode is null then null else
        regexp_replace(regexp_replace(regexp_replace(
            translate(lower(street), 'áàâäéèêëíìîïóòôöúùûüçñ''-.', 'aaaaeeeeiiiioooouuuucn   '),
            '\m(str)\M', 'straat', 'g'), '\m(stwg|stw)\M', 'steenweg', 'g'), '\s+', '', 'g')
        || '|' || upper(regexp_replace(house_number, '\s+', '', 'g'))
        || '|' || coalesce(upper(regexp_replace(regexp_replace(box_number, '^\s*(bus|bte|b)\.?\s*', '', 'i'), '\s+', '', 'g')), '')
        || '|' || trim(postcode) end
$$;
create index real_estate_address_key_ix on pirk.real_estate (tenant_id, pirk.address_key(street, house_number, box_number, postcode));
