-- The knowledge bank's search as an extension point (be.obmi.knowledge.KnowledgeSearchEntries): other modules add
-- public records of their own (the Schillenboek's published fiches) as kind CONTRIBUTED. Numbered in the buildings
-- module's range because it was added with that module (issue 19); it touches only the knowledge schema.
alter table knowledge.search_document drop constraint search_document_kind_check;
alter table knowledge.search_document add constraint search_document_kind_check
    check (kind in ('CASE', 'NEWS', 'EVENT', 'NEWSLETTER', 'CONTRIBUTED'));

create table knowledge.search_contribution (
    id     bigserial primary key,
    source varchar(40)  not null check (source ~ '^[a-z][a-z0-9-]*$'),
    key    varchar(200) not null,
    unique (source, key)
);
comment on table knowledge.search_contribution is 'The stable search-document id (kind CONTRIBUTED) of each record another module adds to the search, by source and key.';
