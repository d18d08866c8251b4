-- K1: collections and cases (docs/modules/knowledge.md#collections-and-cases): each saved state of a case, related
-- cases, and the photos and files of a case (stored in the database, with the text extracted from PDFs).
create table knowledge.case_revision (
    id           bigint generated always as identity primary key,
    case_id      bigint       not null references knowledge.knowledge_case (id) on delete cascade,
    version      integer      not null,
    saved_at     timestamptz  not null default now(),
    saved_by     varchar(100) not null,
    status       varchar(20)  not null,
    title        varchar(300) not null,
    summary      text         not null default '',
    body         text         not null default '',
    field_values jsonb        not null default '{}',
    area_level   varchar(20),
    area_code    varchar(40),
    latitude     double precision,
    longitude    double precision,
    themes       text[]       not null default '{}'
);
create index case_revision_case_idx on knowledge.case_revision (case_id, id);
comment on table knowledge.case_revision is 'Each saved state of a case (one row per save or status change), for its history page (old → new per field).';

create table knowledge.case_relation (
    case_id    bigint not null references knowledge.knowledge_case (id) on delete cascade,
    related_id bigint not null references knowledge.knowledge_case (id) on delete cascade,
    primary key (case_id, related_id),
    check (case_id <> related_id)
);
comment on table knowledge.case_relation is 'Cases related to a case (kept in one direction; shown on both cases'' pages).';

create table knowledge.case_file (
    id           bigint generated always as identity primary key,
    public_id    uuid         not null unique default gen_random_uuid(),
    case_id      bigint       not null references knowledge.knowledge_case (id) on delete cascade,
    -- the FILE field of the template the file belongs to; null: a photo or file of the case itself
    field_code   varchar(60),
    kind         varchar(10)  not null check (kind in ('PHOTO', 'FILE')),
    file_name    varchar(255) not null,
    content_type varchar(100) not null,
    size_bytes   integer      not null,
    content      bytea        not null,
    -- the text of a PDF (Apache Tika), searched with the case
    text         text         not null default '',
    uploaded_at  timestamptz  not null default now(),
    uploaded_by  varchar(100) not null
);
create index case_file_case_idx on knowledge.case_file (case_id);
comment on table knowledge.case_file is 'Photos (JPEG/PNG) and files (PDF) of a case, in the database; the text of a PDF is kept for the search.';
