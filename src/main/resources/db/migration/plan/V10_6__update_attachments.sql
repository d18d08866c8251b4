-- Files attached to a status update (a photo, a report, a spreadsheet), stored in the database with the content type
-- the platform recognised from the bytes (a short list of safe types; see docs/modules/plan.md). Bound to the tenant
-- like every plan table; deleted with their update.
create table plan.update_attachment (
    id            bigint generated always as identity primary key,
    tenant_id     bigint        not null references tenancy.tenant(id),
    update_id     bigint        not null references plan.status_update(id) on delete cascade,
    filename      varchar(200)  not null,
    content_type  varchar(100)  not null,
    size_bytes    integer       not null check (size_bytes > 0),
    content       bytea         not null,
    uploaded_by   varchar(100),
    uploaded_at   timestamptz   not null default now()
);
create index update_attachment_update on plan.update_attachment (tenant_id, update_id);
comment on table plan.update_attachment is 'Files attached to a status update; content type recognised from the bytes, size limited by obmi.plan.attachments.max-size.';
