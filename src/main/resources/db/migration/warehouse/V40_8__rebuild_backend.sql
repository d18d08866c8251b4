-- The PostgreSQL backend that runs a rebuild. A rebuild still marked BEZIG whose backend is gone was interrupted
-- (the application was killed or the database restarted); WarehouseRebuild marks it MISLUKT.
alter table warehouse_meta.rebuild add column backend_pid integer;
