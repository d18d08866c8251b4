-- Comments on a status update: the thread between the reviewer (plan manager) and the
-- contributor. A return with a remark is one of them (kind RETURN); the others are
-- COMMENT. Bound to the tenant like every plan table; deleted with their update.
create table plan.update_comment (
    id          bigint generated always as identity primary key,
    tenant_id   bigint        not null references tenancy.tenant(id),
    update_id   bigint        not null references plan.status_update(id) on delete cascade,
    author      varchar(100),
    kind        varchar(10)   not null default 'COMMENT' check (kind in ('COMMENT', 'RETURN')),
    body        text          not null check (length(body) between 1 and 4000),
    created_at  timestamptz   not null default now()
);
create index update_comment_update on plan.update_comment (tenant_id, update_id, created_at);
comment on table plan.update_comment is 'The comment thread of a status update (reviewer and contributor); a return with a remark is kind RETURN.';
