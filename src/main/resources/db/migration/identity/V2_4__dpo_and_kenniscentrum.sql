-- Two functions beside the tenant roles (docs/security.md, "Accounts"): the data protection officer of a tenant
-- (module privacy) is a flag on the membership, so a DPO keeps their role (often lezer) there; a Kenniscentrum
-- editor (modules knowledge and privacy: the shared collections, news, newsletter and GDPR templates) is a flag on
-- the account, since the Kenniscentrum works for all tenants.
alter table identity.membership add column dpo boolean not null default false;
comment on column identity.membership.dpo is 'The account is the data protection officer (DPO) of this tenant.';

alter table identity.user_account add column kenniscentrum boolean not null default false;
comment on column identity.user_account.kenniscentrum is 'The account edits the Kenniscentrum''s shared content (knowledge bank, GDPR templates).';

create or replace function identity.account_stamps() returns trigger language plpgsql as $$
begin
    if new.password_hash is distinct from old.password_hash then
        new.credential_stamp := old.credential_stamp + 1;
        new.security_stamp := old.security_stamp + 1;
    end if;
    if new.enabled is distinct from old.enabled or new.platform_admin is distinct from old.platform_admin
            or new.kenniscentrum is distinct from old.kenniscentrum then
        new.security_stamp := old.security_stamp + 1;
    end if;
    return new;
end $$;
