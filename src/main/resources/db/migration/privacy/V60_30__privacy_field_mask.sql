-- The public field mask (module privacy, part P4, docs/modules/privacy.md#public-register-and-exports):
-- per tenant, which fields of a processing activity (be.obmi.privacy.domain.ActivityField codes) its
-- public register shows. No row: the defaults of be.obmi.privacy.domain.FieldMask.DEFAULT_PUBLIC.
create table privacy.field_mask (
    tenant_id     bigint        primary key references tenancy.tenant (id),
    -- ActivityField codes that are public; every other field is private
    public_fields varchar(40)[] not null,
    updated_by    varchar(100)  not null,
    updated_at    timestamptz   not null default now(),
    version       integer       not null default 0
);
comment on table privacy.field_mask is 'Which fields of a processing activity a tenant''s public register shows, chosen by its DPO.';
