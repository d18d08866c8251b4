-- Tenants whose data changed since the warehouse last caught up (tenant_id 0: platform data). Filled from the
-- audit's DataChanged events, emptied by WarehouseRefresh every few seconds, so that a burst of changes (an import
-- of hundreds of items) costs one refresh.
create table warehouse_meta.pending (
    tenant_id  bigint      primary key,
    changed_at timestamptz not null default now()
);
