-- Theme fact sheets (steekkaart met kerncijfers per thema, issue 12): a template that one city drafts and every city
-- fills with its own figures and its own short text.
create table stats.theme_sheet (
    id                bigint generated always as identity primary key,
    title             varchar(200) not null,
    theme             varchar(120) not null,
    indicator_codes   text         not null,
    drafted_by        bigint references tenancy.tenant (id),
    updated_by        varchar(120) not null,
    updated_at        timestamptz  not null default now(),
    version           integer      not null default 0
);
create unique index theme_sheet_title on stats.theme_sheet (lower(title));
comment on table stats.theme_sheet is 'A shared theme fact sheet: its key figures (platform indicator codes, in order, comma-separated); drafted_by = the tenant that drafted it (null = platform).';

create table stats.theme_sheet_text (
    sheet_id   bigint       not null references stats.theme_sheet (id),
    tenant_id  bigint       not null references tenancy.tenant (id),
    body       text         not null check (length(body) <= 4000),
    updated_by varchar(120) not null,
    updated_at timestamptz  not null default now(),
    version    integer      not null default 0,
    primary key (sheet_id, tenant_id)
);
comment on table stats.theme_sheet_text is 'A tenant''s own short text on a theme fact sheet (plain text, paragraphs separated by a blank line).';
