-- What the tenancy module publishes to the warehouse (docs/architecture.md, "Module boundaries").
create view tenancy.warehouse_tenant as
select id, slug, name, nis_code from tenancy.tenant;
