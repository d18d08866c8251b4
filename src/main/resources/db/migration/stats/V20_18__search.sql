-- Search over indicators, themes and areas (StatsSearch): accents ignored (unaccent), typos forgiven (pg_trgm's
-- word_similarity). Both are contrib extensions of PostgreSQL itself (also in the embedded server); on a server where
-- the application's user may not create extensions, a DBA creates them once beforehand (docs/operations.md).
create extension if not exists unaccent schema public;
create extension if not exists pg_trgm schema public;
