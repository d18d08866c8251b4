-- When and by whom an indicator was last published, and when its description was last edited (the data team's page,
-- docs/stats.md "Data team"): "changed since the last publication" is edited_at > published_at. Indicators that are
-- published now count as published when this migration ran.
alter table stats.indicator
    add column published_at timestamptz,
    add column published_by varchar(120),
    add column edited_at    timestamptz;
update stats.indicator set published_at = modified_at, published_by = 'migratie' where published;

-- The English texts of OBMi's demo indicators (stats.demo.DemoCatalogue) for databases whose demo catalogue was loaded
-- before it had them; a new database gets them from the demo catalogue file itself (it is loaded after the migrations,
-- so these updates find nothing there). Only untranslated demo indicators of the platform are touched.
update stats.indicator i set name_en = t.name_en, unit_en = t.unit_en, definition_en = t.definition_en
from (values
    ('bev_totaal', 'Inhabitants', 'inhabitants', 'Number of inhabitants on 1 January.'),
    ('bev_0_17', 'Inhabitants aged 0-17', 'inhabitants', 'Number of inhabitants under 18 on 1 January.'),
    ('bev_18_64', 'Inhabitants aged 18-64', 'inhabitants', 'Number of inhabitants aged 18 to 64 inclusive on 1 January.'),
    ('bev_65plus', 'Inhabitants aged 65 and over', 'inhabitants', 'Number of inhabitants aged 65 or over on 1 January.'),
    ('bev_mannen', 'Men', 'inhabitants', 'Number of male inhabitants on 1 January.'),
    ('bev_vrouwen', 'Women', 'inhabitants', 'Number of female inhabitants on 1 January.'),
    ('bev_0_17_pct', 'Share of young people (0-17)', 'per cent', 'Inhabitants under 18 relative to all inhabitants.'),
    ('bev_65plus_pct', 'Share of people aged 65 and over', 'per cent', 'Inhabitants aged 65 or over relative to all inhabitants.'),
    ('huishoudens', 'Private households', 'households', 'Number of private households on 1 January.'),
    ('gem_huishoudgrootte', 'Average household size', 'persons per household', 'Inhabitants divided by the number of private households.'),
    ('oppervlakte', 'Area', 'km²', 'Area of the territory in square kilometres.'),
    ('bevolkingsdichtheid', 'Population density', 'inhabitants per km²', 'Inhabitants per square kilometre.'),
    ('woningen', 'Dwellings', 'dwellings', 'Number of dwellings according to the land register on 1 January.'),
    ('woningen_per_huishouden', 'Dwellings per 100 households', 'per 100 households', 'Dwellings per 100 private households.'),
    ('werkzoekenden', 'Unemployed jobseekers', 'persons', 'Number of unemployed jobseekers (annual average).'),
    ('werkzoekenden_pct', 'Jobseeker rate', 'per cent', 'Unemployed jobseekers relative to the inhabitants aged 18 to 64 inclusive.')
) as t (code, name_en, unit_en, definition_en)
where i.tenant_id is null and i.demo and i.code = t.code and i.name_en is null;

update stats.indicator i set theme_en = t.theme_en
from (values
    ('Demografie', 'Demography'),
    ('Ruimte', 'Space'),
    ('Wonen en woonomgeving', 'Housing and living environment'),
    ('Werk', 'Work')
) as t (theme, theme_en)
where i.tenant_id is null and i.demo and i.theme = t.theme and i.theme_en is null;
