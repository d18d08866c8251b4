-- Shared templates of the Kenniscentrum (platform level, no tenant): activities, agreements and DPIA models.
-- Each published version is immutable; a city adopts an ACTIVITY template as a copy that remembers
-- template and version (privacy.processing_activity.template_id, template_version).
create table privacy.template (
    id          bigint generated always as identity primary key,
    kind        varchar(20)  not null check (kind in ('ACTIVITY', 'AGREEMENT', 'DPIA')),
    code        varchar(60)  not null unique check (code ~ '^[a-z0-9][a-z0-9-]*$'),
    title       varchar(300) not null,
    demo        boolean      not null default false,
    created_at  timestamptz  not null default now()
);
comment on table privacy.template is 'A template the Kenniscentrum shares with every city; its content is in privacy.template_version.';

create table privacy.template_version (
    template_id  bigint       not null references privacy.template (id) on delete cascade,
    number       integer      not null check (number >= 1),
    -- ACTIVITY: the be.obmi.privacy.domain.ActivityContent record as JSON; AGREEMENT and DPIA: any JSON object
    content      jsonb        not null,
    note         varchar(2000),
    published_by varchar(100) not null,
    published_at timestamptz  not null default now(),
    primary key (template_id, number)
);
comment on table privacy.template_version is 'An immutable published version of a Kenniscentrum template.';

alter table privacy.processing_activity
    add constraint processing_activity_template_fk foreign key (template_id) references privacy.template (id);

-- A city's decision on one field a newer template version changed: accepted (applied as a new activity version)
-- or rejected (the city's value kept). When every changed field is decided the activity records the new version.
create table privacy.template_decision (
    activity_id      bigint       not null references privacy.processing_activity (id) on delete cascade,
    template_version integer      not null,
    field            varchar(60)  not null,
    accepted         boolean      not null,
    decided_by       varchar(100) not null,
    decided_at       timestamptz  not null default now(),
    primary key (activity_id, template_version, field)
);
comment on table privacy.template_decision is 'A city''s accept/reject of one field changed by a newer template version.';
