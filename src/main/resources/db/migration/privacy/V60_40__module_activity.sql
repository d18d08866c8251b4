-- GDPR link for other modules (be.obmi.privacy.ModuleActivities): a module proposes the processing activities its
-- data make (PIRK: the inventory, the owner contacts) as drafts in a tenant's register, once per module key; the
-- DPO completes, checks and publishes them as any other activity.
create table privacy.module_activity (
    tenant_id bigint not null references tenancy.tenant (id),
    module_key varchar(100) not null,
    activity_id bigint not null references privacy.processing_activity (id) on delete cascade,
    proposed_at timestamptz not null default now(),
    primary key (tenant_id, module_key)
);
comment on table privacy.module_activity is 'Which processing activity of a tenant''s register a module proposed under a key (e.g. pirk.owner-contacts); the key makes the proposal idempotent.';
