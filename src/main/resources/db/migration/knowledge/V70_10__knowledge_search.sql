-- The knowledge bank's one search (knowledge.search.PostgresKnowledgeSearch, docs/modules/knowledge.md#search,
-- docs/adr/0013-knowledge-search-on-postgresql.md): Dutch full-text search with accents ignored, weighted title (A),
-- summary (B), body (C) and the text of attachments (D); typos forgiven through a list of the words of published titles
-- and summaries (pg_trgm). unaccent and pg_trgm are created by stats/V20_18__search.sql.

-- unaccent() is only STABLE (its dictionary could be changed); with the dictionary named, this wrapper may be used in
-- indexes and generated columns.
create or replace function knowledge.immutable_unaccent(text) returns text
    language sql immutable parallel safe strict
    return public.unaccent('public.unaccent'::regdictionary, $1);

-- Dutch stemming and stop words after removing accents: 'België' and 'Belgie', 'café' and 'cafe' are one word.
create text search configuration knowledge.dutch_unaccent (copy = pg_catalog.dutch);
alter text search configuration knowledge.dutch_unaccent
    alter mapping for hword, hword_part, word with public.unaccent, pg_catalog.dutch_stem;

alter table knowledge.search_document add column search_vector tsvector generated always as (
    setweight(to_tsvector('knowledge.dutch_unaccent'::regconfig, title), 'A')
    || setweight(to_tsvector('knowledge.dutch_unaccent'::regconfig, summary), 'B')
    || setweight(to_tsvector('knowledge.dutch_unaccent'::regconfig, body), 'C')
    -- a tsvector holds at most 1 MB: the first 200,000 characters of attachments are searched
    || setweight(to_tsvector('knowledge.dutch_unaccent'::regconfig, left(attachment_text, 200000)), 'D')) stored;
comment on column knowledge.search_document.search_vector is 'Weighted Dutch text (A title, B summary, C body, D attachments), accents removed.';

create index search_document_vector_idx on knowledge.search_document using gin (search_vector);
create index search_document_title_trgm_idx on knowledge.search_document
    using gin (knowledge.immutable_unaccent(lower(title)) public.gin_trgm_ops);
create index search_document_facets_idx on knowledge.search_document using gin (facets);
create index search_document_date_idx on knowledge.search_document (content_date);

-- The distinct words (accents removed, lower case, 3 to 60 characters) of a title and summary, sorted.
create or replace function knowledge.search_words(title text, summary text) returns text[]
    language sql immutable parallel safe
    return (select coalesce(array_agg(distinct w order by w), '{}')
            from regexp_split_to_table(knowledge.immutable_unaccent(lower(coalesce(title, '') || ' ' || coalesce(summary, ''))),
                                       '[^[:alnum:]]+') w
            where length(w) between 3 and 60);

-- The words of the published titles and summaries with the number of published documents that have them: the
-- vocabulary against which a misspelt word is matched ("bedoelde u ..."). Only published documents count, so a
-- draft's words are never suggested to anyone.
create table knowledge.search_word (
    word      text    primary key,
    documents integer not null check (documents >= 0)
);
create index search_word_trgm_idx on knowledge.search_word using gin (word public.gin_trgm_ops);
comment on table knowledge.search_word is 'The words of published titles and summaries (accents removed) for typo correction; kept by a trigger on knowledge.search_document.';

-- Keeps knowledge.search_word in the transaction that changes a document; words are taken in sorted order, so
-- two transactions lock the same words in the same order.
create or replace function knowledge.search_word_count() returns trigger language plpgsql as $$
begin
    if tg_op in ('UPDATE', 'DELETE') and old.published then
        update knowledge.search_word s set documents = s.documents - 1
        where s.word = any (knowledge.search_words(old.title, old.summary));
    end if;
    if tg_op in ('INSERT', 'UPDATE') and new.published then
        insert into knowledge.search_word (word, documents)
        select w, 1 from unnest(knowledge.search_words(new.title, new.summary)) w order by w
        on conflict (word) do update set documents = knowledge.search_word.documents + 1;
    end if;
    if tg_op in ('UPDATE', 'DELETE') and old.published then
        delete from knowledge.search_word where documents = 0;
    end if;
    return null;
end
$$;

create trigger search_document_words after insert or update of title, summary, published or delete
    on knowledge.search_document for each row execute function knowledge.search_word_count();

-- documents indexed before this migration
insert into knowledge.search_word (word, documents)
select w, count(*) from knowledge.search_document d, unnest(knowledge.search_words(d.title, d.summary)) w
where d.published group by w;
