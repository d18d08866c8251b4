-- A third function beside the roles: ANALYST (analist) imports the population register's extracts and derives
-- statistics from them (module population, issue 21); the pseudonymised microdata are read by no page or API.
alter table identity.membership_function drop constraint membership_function_function_check;
alter table identity.membership_function add constraint membership_function_function_check
    check (function in ('OWNER_DATA', 'SOCIAL_WORKER', 'ANALYST'));
