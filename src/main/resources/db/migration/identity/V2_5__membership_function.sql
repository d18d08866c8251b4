-- Functions beside the tenant roles that a tenant admin grants one by one (docs/security.md, "Accounts"): each is
-- a mandate for one kind of sensitive data or work in that tenant, not a rank, so it is no role. OWNER_DATA: reads and
-- edits the owner data of PIRK's vacancy inventory (module pirk); more follow with their modules. A change moves the
-- account's security stamp, so an open session has the new right on its next request.
create table identity.membership_function (
    user_id bigint not null,
    tenant_id bigint not null,
    function text not null check (function in ('OWNER_DATA')),
    granted_by text not null,
    granted_at timestamptz not null default now(),
    primary key (user_id, tenant_id, function),
    foreign key (user_id, tenant_id) references identity.membership (user_id, tenant_id) on delete cascade
);
comment on table identity.membership_function is 'A function (mandate) of a member in a tenant beside their role, e.g. OWNER_DATA for PIRK''s owner data.';

create or replace function identity.membership_function_stamp() returns trigger language plpgsql as $$
begin
    update identity.user_account set security_stamp = security_stamp + 1
    where id = coalesce(new.user_id, old.user_id);
    return null;
end $$;

create trigger membership_function_stamp after insert or delete on identity.membership_function
    for each row execute function identity.membership_function_stamp();
