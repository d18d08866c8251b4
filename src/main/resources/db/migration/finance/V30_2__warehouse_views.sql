-- What the finance module publishes to the warehouse besides finance.current_line (docs/architecture.md, "Module
-- boundaries"): the warehouse reads these views, never finance's tables.
create view finance.warehouse_import as
select id, tenant_id, reporting_date from finance.finance_import;
