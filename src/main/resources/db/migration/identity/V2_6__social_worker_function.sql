-- A second function beside the roles: SOCIAL_WORKER (hulpverlener) fills the Rechtenverkenner's questionnaire with a
-- client (module rights); nothing personal is stored without the client's consent.
alter table identity.membership_function drop constraint membership_function_function_check;
alter table identity.membership_function add constraint membership_function_function_check
    check (function in ('OWNER_DATA', 'SOCIAL_WORKER'));
