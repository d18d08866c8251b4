-- Failed logins per (account name, client address): after obmi.security.max-failed-logins failures that address is
-- locked out of that account for obmi.security.lockout-duration; other addresses are not (docs/security.md,
-- "Authentication limits"). Only when failures from many addresses add up to max-failed-logins-per-account is the
-- whole account locked (user_account.locked_until). Unknown account names are counted too, without an account row.
create table identity.login_failure (
    username        varchar(100) not null,
    address         varchar(64)  not null,
    failures        integer      not null,
    last_failure_at timestamptz  not null,
    locked_until    timestamptz,
    primary key (username, address)
);
create index login_failure_time_idx on identity.login_failure (last_failure_at);
