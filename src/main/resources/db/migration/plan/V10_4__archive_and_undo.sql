-- Work management (docs/modules/plan.md, "Archive, delete and undo"): plan items, indicators, projects and releases
-- can be archived (a soft delete that keeps their history) and restored; projects and releases are edited in the UI;
-- and what each plan import changed is kept, so that the latest import can be undone as a whole.

alter table plan.plan_item
    add column archived_at   timestamptz,
    add column archived_by   varchar(100),
    add column archived_root bigint;
comment on column plan.plan_item.archived_at is 'When the item was archived (null: active). Archived items stay with their history but leave the tree, pages, exports and later rounds.';
comment on column plan.plan_item.archived_root is 'The item whose archiving took this one along (itself for the item that was archived); restoring it restores them together.';

alter table plan.indicator
    add column archived_at timestamptz,
    add column archived_by varchar(100);

alter table plan.project
    add column planned_date date,
    add column actual_date  date,
    add column archived_at  timestamptz,
    add column archived_by  varchar(100),
    add column version      integer not null default 0;
create index project_item on plan.project (tenant_id, item_id);
comment on table plan.project is 'A project through which an item is realised, with its planned and realised date.';

alter table plan.release
    add column archived_at timestamptz,
    add column archived_by varchar(100),
    add column version     integer not null default 0;

alter table plan.plan_version
    add column kind      varchar(10) not null default 'IMPORT' check (kind in ('IMPORT', 'UNDO')),
    add column undoes    integer,
    add column undone_at timestamptz,
    add column undone_by varchar(100);
comment on column plan.plan_version.undoes is 'For an UNDO version: the number of the import version it undid.';

create table plan.version_change (
    tenant_id            bigint        not null references tenancy.tenant(id),
    version_id           bigint        not null references plan.plan_version(id) on delete cascade,
    item_id              bigint        not null,
    action               varchar(10)   not null check (action in ('CREATED', 'UPDATED')),
    after_version        integer       not null,
    type                 varchar(2),
    parent_id            bigint,
    title                varchar(500),
    description          text,
    priority             boolean,
    policy_field         varchar(4),
    political_owner      varchar(200),
    administrative_owner varchar(200),
    start_date           date,
    end_date             date,
    primary key (version_id, item_id)
);
comment on table plan.version_change is 'What a plan import did to each item: CREATED, or UPDATED with the values before it; after_version is the item''s version right after the import (a later edit changes it, and the undo is refused). No foreign key to the item: an undo or delete may remove it.';

-- The warehouse sees only active items and indicators (same columns as before).
create or replace view plan.warehouse_item as
select id, tenant_id, plan_id, parent_id, type, code, title, priority, policy_field, wijk, latitude, longitude
from plan.plan_item where archived_at is null;

create or replace view plan.warehouse_indicator as
select d.id, d.tenant_id, d.item_id, d.code, d.name, d.kind, d.unit, d.direction, d.stats_code
from plan.indicator d join plan.plan_item i on i.id = d.item_id
where d.archived_at is null and i.archived_at is null;
