create schema if not exists tenancy;

create table tenancy.tenant (
    id            bigint generated always as identity primary key,
    slug          varchar(60)  not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    name          varchar(120) not null,
    nis_code      varchar(5)   unique,
    primary_color varchar(7)   not null default '#1f4e79' check (primary_color ~ '^#[0-9a-fA-F]{6}$'),
    accent_color  varchar(7)   not null default '#f2c500' check (accent_color ~ '^#[0-9a-fA-F]{6}$'),
    kind          varchar(30)  not null default 'GEMEENTE' check (kind in ('GEMEENTE', 'GEMEENSCHAPSCOMMISSIE')),
    created_at    timestamptz  not null default now(),
    version       integer      not null default 0
);

comment on table tenancy.tenant is 'A city (or the VGC) hosted on the platform; every tenant-owned row elsewhere refers to it.';

insert into tenancy.tenant (slug, name, nis_code, primary_color, accent_color, kind) values
    ('aalst',        'Aalst',        '41002', '#c8102e', '#1d1d1b', 'GEMEENTE'),
    ('antwerpen',    'Antwerpen',    '11002', '#b4121b', '#3a3a3a', 'GEMEENTE'),
    ('brugge',       'Brugge',       '31005', '#1b3a6b', '#c9a227', 'GEMEENTE'),
    ('genk',         'Genk',         '71016', '#00594f', '#f39200', 'GEMEENTE'),
    ('gent',         'Gent',         '44021', '#004a8f', '#f8b500', 'GEMEENTE'),
    ('hasselt',      'Hasselt',      '71022', '#8a1538', '#e0b100', 'GEMEENTE'),
    ('kortrijk',     'Kortrijk',     '34022', '#a50034', '#00548b', 'GEMEENTE'),
    ('leuven',       'Leuven',       '24062', '#ad0f2c', '#2b2b2b', 'GEMEENTE'),
    ('mechelen',     'Mechelen',     '12025', '#6d2077', '#f0a900', 'GEMEENTE'),
    ('oostende',     'Oostende',     '35013', '#005b96', '#e35205', 'GEMEENTE'),
    ('roeselare',    'Roeselare',    '36015', '#005f6b', '#d9261c', 'GEMEENTE'),
    ('sint-niklaas', 'Sint-Niklaas', '46021', '#7a1f2b', '#1c5d99', 'GEMEENTE'),
    ('turnhout',     'Turnhout',     '13040', '#00476b', '#c4161c', 'GEMEENTE'),
    ('vgc',          'Vlaamse Gemeenschapscommissie', null, '#1a1a6c', '#e30613', 'GEMEENSCHAPSCOMMISSIE');
