-- English content labels of the catalogue (docs/stats.md, "English labels"): an indicator's name, theme, definition and
-- unit in English beside the Dutch. Null = not translated: English pages then show the Dutch text marked lang="nl".
alter table stats.indicator
    add column name_en       varchar(300),
    add column theme_en      varchar(120),
    add column definition_en text,
    add column unit_en       varchar(120);
