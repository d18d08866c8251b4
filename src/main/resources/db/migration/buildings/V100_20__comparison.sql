-- The cities' comparison per Schillenboek process (docs/modules/buildings.md#comparison-rounds), kept in the knowledge
-- bank's half-yearly rounds (be.obmi.knowledge.KnowledgeRounds): a city's row for a process is written in the round
-- that is open when its redacteur saves it; the state of a round is, per city and process, the row of that round or
-- else of the latest round before it. round_id is the knowledge round's id (no foreign key across modules).
create table buildings.comparison_entry (
    id              bigserial primary key,
    tenant_id       bigint      not null references tenancy.tenant(id),
    process_code    text        not null references buildings.process(code),
    round_id        bigint      not null,
    system_name     varchar(200),
    supplier        varchar(200),
    register_link   varchar(10) not null check (register_link in ('NONE', 'MANUAL', 'API')),
    linked_object   varchar(20) not null check (linked_object in ('NONE', 'ADDRESS', 'BUILDING_UNIT', 'BUILDING')),
    quality_issues  varchar(2000),
    maturity        smallint    check (maturity between 1 and 5),
    changed_by      varchar(100) not null,
    changed_at      timestamptz not null default now(),
    demo            boolean     not null default false,
    version         integer     not null default 0,
    unique (tenant_id, process_code, round_id)
);
comment on table buildings.comparison_entry is 'A city''s row for one Schillenboek process as saved in one knowledge round: system, supplier, register link, data-quality issues, maturity 1-5.';
create index comparison_entry_round_idx on buildings.comparison_entry (round_id);
