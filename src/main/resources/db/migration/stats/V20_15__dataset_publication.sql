-- Imported tables are drafts until an editor publishes them (docs/security.md, "Imported tables"). Tables that were
-- public before this migration stay published, now under disclosure control (threshold 5 unless changed).
alter table stats.dataset
    add column published     boolean     not null default false,
    add column published_at  timestamptz,
    add column published_by  varchar(120),
    add column threshold     integer     not null default 5 check (threshold between 0 and 1000000),
    add column suppressed    bigint[]    not null default '{}',
    add column import_id     bigint;
update stats.dataset set published = true, published_at = now(), published_by = 'migratie';

-- the previous content of a dataset that an import replaced, so that undoing that import restores it
create table stats.dataset_replaced (
    import_id    bigint       not null,
    tenant_id    bigint,
    public_id    varchar(200) not null,
    title        varchar(1000) not null,
    source       varchar(1000),
    format       varchar(20)  not null,
    filename     varchar(300),
    content_hash varchar(64)  not null,
    content      bytea        not null,
    dimensions   jsonb        not null,
    cell_count   bigint       not null,
    imported_at  timestamptz  not null,
    actor        varchar(120) not null,
    published    boolean      not null,
    threshold    integer      not null,
    suppressed   bigint[]     not null,
    previous_import_id bigint,
    primary key (import_id, public_id)
);
