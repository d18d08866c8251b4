-- Organisations that are not municipalities (care companies, OCMW associations, other local bodies) use the plan
-- tool too (issue 13): kind ORGANISATIE, no NIS code of their own, optionally linked to the municipality whose
-- statistics their pages show.
alter table tenancy.tenant drop constraint tenant_kind_check;
alter table tenancy.tenant add constraint tenant_kind_check
    check (kind in ('GEMEENTE', 'GEMEENSCHAPSCOMMISSIE', 'ORGANISATIE'));
alter table tenancy.tenant add column linked_nis_code varchar(5) check (linked_nis_code ~ '^[0-9]{5}$');
alter table tenancy.tenant add constraint tenant_linked_only_organisation
    check (linked_nis_code is null or kind = 'ORGANISATIE');
comment on column tenancy.tenant.linked_nis_code is 'For an organisation: the municipality whose statistics it shows (optional).';
