-- Sessions in PostgreSQL (Spring Session JDBC, issue 22; docs/adr/0014-sessions-in-postgresql.md): every instance
-- behind the load balancer reads the same sessions, so a logged-in editor keeps the session when the instance that
-- served them stops. Spring Session's own PostgreSQL schema, under identity; spring.session.jdbc.table-name names it
-- and Boot's initializer is off (spring.session.jdbc.initialize-schema: never). Expired rows are deleted by Spring
-- Session's cleanup (spring.session.jdbc.cleanup-cron), an idempotent delete any instance may run.
create table identity.spring_session (
    primary_id            char(36)     not null,
    session_id            char(36)     not null,
    creation_time         bigint       not null,
    last_access_time      bigint       not null,
    max_inactive_interval integer      not null,
    expiry_time           bigint       not null,
    principal_name        varchar(100),
    constraint spring_session_pk primary key (primary_id)
);
create unique index spring_session_ix1 on identity.spring_session (session_id);
create index spring_session_ix2 on identity.spring_session (expiry_time);
create index spring_session_ix3 on identity.spring_session (principal_name);

create table identity.spring_session_attributes (
    session_primary_id char(36)     not null,
    attribute_name     varchar(200) not null,
    attribute_bytes    bytea        not null,
    constraint spring_session_attributes_pk primary key (session_primary_id, attribute_name),
    constraint spring_session_attributes_fk foreign key (session_primary_id)
        references identity.spring_session (primary_id) on delete cascade
);
