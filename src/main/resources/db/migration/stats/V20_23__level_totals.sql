-- What an import does when a file gives an area and its sub-areas with different totals (issue 12):
-- 'waarschuwen' reports it in the import report, 'weigeren' refuses the file. Only for additive (sum) indicators.
alter table stats.indicator add column totals_check varchar(12) not null default 'waarschuwen'
    check (totals_check in ('waarschuwen', 'weigeren'));
comment on column stats.indicator.totals_check is 'Level and sub-level totals that differ in one import: waarschuwen (warning) or weigeren (refused).';
