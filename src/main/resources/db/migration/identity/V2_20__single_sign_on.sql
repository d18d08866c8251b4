-- Single sign-on with OpenID Connect (issue #22, docs/security.md "Single sign-on"). A tenant may have one identity
-- provider, configured by its beheerder or a platform admin; the client secret is stored encrypted (AES-GCM with the
-- setting obmi.security.secret-key) and never shown back. The registration id of Spring Security's OAuth2 client is
-- the tenant's slug.
create table identity.sso_provider (
    tenant_id      bigint       primary key references tenancy.tenant (id) on delete cascade,
    issuer         varchar(500) not null,
    client_id      varchar(200) not null,
    client_secret  text         not null,
    user_claim     varchar(20)  not null default 'sub' check (user_claim in ('sub', 'email')),
    group_claim    varchar(100),
    enabled        boolean      not null default true,
    version        integer      not null default 0,
    updated_at     timestamptz  not null default now()
);
comment on column identity.sso_provider.client_secret is 'AES-GCM ciphertext (base64 of nonce and ciphertext), never the secret itself.';

-- A group of the provider (the value in group_claim) gives a role in the provider's tenant.
create table identity.sso_group_role (
    tenant_id  bigint       not null references identity.sso_provider (tenant_id) on delete cascade,
    group_name varchar(200) not null,
    role       varchar(20)  not null check (role in ('BEHEERDER', 'REDACTEUR', 'BIJDRAGER', 'LEZER')),
    primary key (tenant_id, group_name)
);

-- Which account a person of a tenant's provider is: (tenant, issuer, subject) once linked, so later logins follow the
-- link, not the e-mail address. An account may be linked in several tenants, but one subject of one provider in one
-- tenant is one account.
create table identity.sso_link (
    tenant_id  bigint       not null references tenancy.tenant (id) on delete cascade,
    issuer     varchar(500) not null,
    subject    varchar(255) not null,
    user_id    bigint       not null references identity.user_account (id) on delete cascade,
    created_at timestamptz  not null default now(),
    last_login_at timestamptz,
    primary key (tenant_id, issuer, subject)
);
create index sso_link_user_idx on identity.sso_link (user_id);
