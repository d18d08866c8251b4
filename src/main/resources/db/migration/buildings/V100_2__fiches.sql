-- Schillenboek fiches (module buildings, docs/modules/buildings.md#fiches): one fiche per process; every save is a new
-- version with the whole content as JSON (be.obmi.buildings.domain.FicheContent); the latest version goes through
-- draft -> review -> published, and readers see the published one.
create table buildings.fiche (
    process_code      text primary key references buildings.process (code),
    status            text not null check (status in ('DRAFT', 'REVIEW', 'PUBLISHED')),
    latest_version    integer not null check (latest_version >= 1),
    published_version integer check (published_version is null or published_version <= latest_version),
    published_at      timestamptz,
    version           integer not null default 0,
    updated_at        timestamptz not null default now(),
    updated_by        text not null
);
comment on table buildings.fiche is 'A Schillenboek fiche: the workflow status of its latest version, the version readers see, and the optimistic-lock version.';

create table buildings.fiche_version (
    process_code text not null references buildings.fiche (process_code),
    number       integer not null check (number >= 1),
    content      jsonb not null,
    note         text,
    created_at   timestamptz not null default now(),
    created_by   text not null,
    primary key (process_code, number)
);
comment on table buildings.fiche_version is 'Every saved version of a fiche (its whole content as JSON), kept as its history.';
