-- Open sessions follow account changes on their next request (docs/security.md, "Accounts"): every change of an
-- account's rights (membership, role, platform admin, enabled) moves security_stamp on; every change of its password
-- moves credential_stamp on. Triggers, so that no code path (a form, an import, a script) can forget it.
alter table identity.user_account
    add column security_stamp   bigint not null default 0,
    add column credential_stamp bigint not null default 0;

create function identity.account_stamps() returns trigger language plpgsql as $$
begin
    if new.password_hash is distinct from old.password_hash then
        new.credential_stamp := old.credential_stamp + 1;
        new.security_stamp := old.security_stamp + 1;
    end if;
    if new.enabled is distinct from old.enabled or new.platform_admin is distinct from old.platform_admin then
        new.security_stamp := old.security_stamp + 1;
    end if;
    return new;
end $$;

create trigger user_account_stamps before update on identity.user_account
    for each row execute function identity.account_stamps();

create function identity.membership_stamp() returns trigger language plpgsql as $$
begin
    if tg_op in ('UPDATE', 'DELETE') then
        update identity.user_account set security_stamp = security_stamp + 1 where id = old.user_id;
    end if;
    if tg_op in ('INSERT', 'UPDATE') and (tg_op = 'INSERT' or new.user_id <> old.user_id) then
        update identity.user_account set security_stamp = security_stamp + 1 where id = new.user_id;
    end if;
    return null;
end $$;

create trigger membership_stamp after insert or update or delete on identity.membership
    for each row execute function identity.membership_stamp();
