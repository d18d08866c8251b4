create schema if not exists audit;

create table audit.audit_event (
    id           bigint generated always as identity primary key,
    tenant_id    bigint       references tenancy.tenant (id) on delete cascade,
    occurred_at  timestamptz  not null default now(),
    actor        varchar(100) not null,
    entity_type  varchar(60)  not null,
    entity_id    varchar(100) not null,
    entity_label varchar(300),
    action       varchar(10)  not null check (action in ('CREATE', 'UPDATE', 'DELETE')),
    changes      jsonb        not null default '[]'::jsonb
);
create index audit_event_tenant_time_idx on audit.audit_event (tenant_id, occurred_at desc);
create index audit_event_entity_idx on audit.audit_event (entity_type, entity_id);

comment on table audit.audit_event is 'Who changed what, when: one row per create, update or delete of domain data, with old and new field values.';
