-- PIRK (module pirk, docs/modules/pirk.md): the objects of a city's inventory of vacant and under-used real estate.
-- An object is a building, a building unit, a parcel or a site, with the identifiers of the Flemish registers, an
-- address, its geometry (GeoJSON in WGS84, stored as such) with a bounding box on PostgreSQL's core type box (GiST
-- index; no PostGIS) and the areas derived from it by point-in-polygon (stats.AreaLocator). Its vacancy state is
-- kept on the object by the screening (pirk.domain: indications, rules, visits) so the list and the map filter on it.
create schema if not exists pirk;

create table pirk.real_estate (
    id bigint generated always as identity primary key,
    tenant_id bigint not null references tenancy.tenant (id),
    kind text not null check (kind in ('BUILDING', 'BUILDING_UNIT', 'PARCEL', 'SITE')),
    parent_id bigint references pirk.real_estate (id),
    address_id text,
    building_id text,
    building_unit_id text,
    capakey text,
    street text,
    house_number text,
    box_number text,
    postcode text,
    municipality text,
    function text not null default 'ONBEKEND'
        check (function in ('WONEN', 'HANDEL', 'BEDRIJF', 'KANTOOR', 'GEMEENSCHAP', 'ERFGOED_KERK', 'GROND', 'ANDERE', 'ONBEKEND')),
    geometry jsonb,
    bbox box,
    longitude double precision,
    latitude double precision,
    sector_code text,
    wijk_code text,
    vacancy_class text not null default 'NONE'
        check (vacancy_class in ('NONE', 'SUSPECTED', 'ADMINISTRATIVE', 'VERIFIED', 'PARTLY_VACANT', 'DISMISSED')),
    vacant_since date,
    suspicion_score integer not null default 0,
    demo boolean not null default false,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    version integer not null default 0,
    check ((longitude is null) = (latitude is null))
);
comment on table pirk.real_estate is 'An object of PIRK''s inventory: building, building unit, parcel or site, with register identifiers, address, geometry (WGS84 GeoJSON) and its derived areas and vacancy state.';
comment on column pirk.real_estate.bbox is 'Bounding box of the geometry in WGS84 degrees (x = longitude, y = latitude), for map queries with the GiST index.';
comment on column pirk.real_estate.vacancy_class is 'NONE; SUSPECTED (a rule fired); ADMINISTRATIVE (no resident, business or user according to the registers); VERIFIED (confirmed after a visit); PARTLY_VACANT; DISMISSED (in use after a visit).';
comment on column pirk.real_estate.vacant_since is 'The first day of the current vacancy (from the indications or the register); duration = today - vacant_since.';

create index real_estate_tenant_ix on pirk.real_estate (tenant_id, vacancy_class);
create index real_estate_bbox_ix on pirk.real_estate using gist (bbox);
create index real_estate_capakey_ix on pirk.real_estate (tenant_id, capakey) where capakey is not null;
create index real_estate_address_ix on pirk.real_estate (tenant_id, address_id) where address_id is not null;
create index real_estate_unit_ix on pirk.real_estate (tenant_id, building_unit_id) where building_unit_id is not null;
create index real_estate_building_ix on pirk.real_estate (tenant_id, building_id) where building_id is not null;
