-- Schillenboek (module buildings, docs/modules/buildings.md): the building-related municipal processes the
-- Kenniscentrum's working group documents. Each process has one fiche (its versions live in buildings.fiche*)
-- and one row per city in the comparison rounds (buildings.comparison*); both refer to the process by its code.
create schema if not exists buildings;

create table buildings.process (
    code text primary key check (code ~ '^[a-z0-9-]{2,60}$'),
    name_nl text not null,
    name_en text not null,
    sort integer not null default 0
);
comment on table buildings.process is 'A building-related municipal process of the Schillenboek (the six of the seed library and any the Kenniscentrum adds).';

insert into buildings.process (code, name_nl, name_en, sort) values
    ('inschrijving', 'In- en uitschrijving van inwoners', 'Registering and deregistering residents', 10),
    ('ambtshalve-inschrijving', 'Ambtshalve inschrijving en schrapping', 'Ex-officio registration and removal', 20),
    ('leegstaande-woningen', 'Leegstaande woningen', 'Vacant dwellings', 30),
    ('omgevingsvergunning-bouwen', 'Omgevingsvergunning voor stedenbouwkundige handelingen', 'Environmental permit for building works', 40),
    ('leegstaande-bedrijfsruimten', 'Leegstaande bedrijfsruimten', 'Vacant business buildings', 50),
    ('ongeschikt-onbewoonbaar', 'Ongeschikt- en onbewoonbaarverklaring', 'Unfit and uninhabitable declarations', 60);
