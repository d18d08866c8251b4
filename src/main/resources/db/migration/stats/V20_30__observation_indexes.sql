-- Cheaper writes of stats.observation (issue 20): every import paid for three B-tree indexes per row, of which
-- observation_read (indicator, period, scope) held ten thousand equal keys per indicator and period and cost more
-- than the table itself. Every read of the table names an indicator and then a period, a breakdown or a scope,
-- never an area across indicators, so one unique key that starts with (indicator, period) serves both the key
-- and the reads; the rows of an import (undo) are found through a BRIN index, since an import's rows are written
-- together. Same columns, same uniqueness.
drop index stats.observation_read;
drop index stats.observation_import;
drop index stats.observation_key;
create unique index observation_key on stats.observation (indicator_id, period, area_id, breakdown, coalesce(tenant_id, 0));
create index observation_import on stats.observation using brin (import_id) with (pages_per_range = 32, autosummarize = on);
