#!/usr/bin/env python3
"""Writes src/main/resources/reference/stats/gebiedsgroepen.csv (platform area groups: city-regions,
peer groups) and fusies-2025.csv (the 2025 municipal mergers) with NIS codes looked up by name in
../shared/reference/geo/gemeente2024.geojson, so every member is a 2024 municipality of the reference.

The city-regions are DEFAULT sets, a starting point each city adjusts (docs/stats.md, "City-regions"):
for every centrumstad its agglomeration (kernstad + stadsrand) and its banlieue, drawn up after the
structure of the Belgian stadsgewesten (Luyten & Van Hecke, Statistics Belgium Working Paper, 2007),
not copied from that publication's member list."""
import csv, json, os, sys

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.join(here, '..', '..')
shared = os.environ.get('SHARED_REFERENCE', os.path.join(root, '..', 'shared', 'reference'))
codes = {f['properties']['naam']: str(f['properties']['gemeente'])
         for f in json.load(open(os.path.join(shared, 'geo', 'gemeente2024.geojson')))['features']}

SOURCE = ('Standaardset OBMi naar de opbouw van de stadsgewesten (kernstad, agglomeratie, banlieue; '
          'Luyten & Van Hecke, Statistics Belgium Working Paper 2007); door de stad aan te passen')
REGIONS = {  # city: (agglomeratie, banlieue)
    'Antwerpen': ('Aartselaar Boechout Borsbeek Brasschaat Edegem Hove Kapellen Kontich Mortsel Schoten Wijnegem Wommelgem Zwijndrecht',
                  'Brecht Hemiksem Kalmthout Lint Ranst Schelle Schilde Stabroek Zandhoven Zoersel'),
    'Gent': ('De_Pinte Destelbergen Melle Merelbeke Sint-Martens-Latem', 'Evergem Lievegem Lochristi Nazareth Oosterzele'),
    'Brugge': ('Oostkamp', 'Beernem Damme Jabbeke Zedelgem Zuienkerke'),
    'Leuven': ('Bertem Herent Kortenberg Oud-Heverlee', 'Bierbeek Holsbeek Lubbeek Rotselaar'),
    'Mechelen': ('Bonheiden Sint-Katelijne-Waver', 'Boortmeerbeek Duffel Putte Willebroek Zemst'),
    'Aalst': ('Denderleeuw Lede', 'Erpe-Mere Haaltert Lebbeke'),
    'Kortrijk': ('Harelbeke Kuurne Wevelgem Zwevegem', 'Deerlijk Lendelede Menen'),
    'Hasselt': ('Diepenbeek Zonhoven', 'Alken Kortessem Lummen'),
    'Genk': ('As', 'Houthalen-Helchteren Oudsbergen Zutendaal'),
    'Oostende': ('Bredene', 'De_Haan Gistel Middelkerke Oudenburg'),
    'Roeselare': ('Hooglede', 'Ardooie Ledegem Moorslede Staden'),
    'Sint-Niklaas': ('', 'Beveren Sint-Gillis-Waas Stekene Temse Waasmunster'),
    'Turnhout': ('Beerse Oud-Turnhout Vosselaar', 'Kasterlee Lille Ravels'),
}
SLUGS = {'Sint-Niklaas': 'sint-niklaas'}
LARGE = ['Antwerpen', 'Gent']
REGIONAL = ['Aalst', 'Brugge', 'Genk', 'Hasselt', 'Kortrijk', 'Leuven', 'Mechelen', 'Oostende', 'Roeselare',
            'Sint-Niklaas', 'Turnhout']
SMALL = ('Aarschot Asse Beringen Bilzen Bree Deinze Dendermonde Diest Eeklo Geel Geraardsbergen Halle Herentals '
         'Ieper Izegem Lier Lokeren Lommel Maaseik Mol Ninove Oudenaarde Poperinge Ronse Tielt Tienen Tongeren '
         'Vilvoorde Waregem Wetteren Zottegem').split()
PEER_SOURCE = ('Vlaams stedenbeleid: centrumsteden (2 grootsteden, 11 regionale steden); kleinsteden: selectie van '
               'de kleinstedelijke gebieden van het Ruimtelijk Structuurplan Vlaanderen')

def code(name):
    name = name.replace('_', ' ')
    if name not in codes:
        sys.exit('unknown municipality ' + name)
    return codes[name]

rows = []
for city, (agglo, banlieue) in REGIONS.items():
    slug = SLUGS.get(city, city.lower())
    group = ('stadsregio', 'stadsregio-' + slug, 'Stadsregio ' + city, 'City-region of ' + city, code(city), SOURCE)
    rows.append(group + (code(city), 'kernstad'))
    rows += [group + (code(m), 'agglomeratie') for m in agglo.split()]
    rows += [group + (code(m), 'banlieue') for m in banlieue.split()]
for key, nl, en, members in [('centrumsteden', 'Centrumsteden', 'Central cities', LARGE + REGIONAL),
                             ('grootsteden', 'Grootsteden', 'Large cities', LARGE),
                             ('regionale-steden', 'Regionale steden', 'Regional cities', REGIONAL),
                             ('kleinsteden', 'Kleinsteden', 'Small cities', SMALL)]:
    rows += [('peergroep', key, nl, en, '', PEER_SOURCE, code(m), '') for m in members]

out = os.path.join(root, 'src', 'main', 'resources', 'reference', 'stats')
with open(os.path.join(out, 'gebiedsgroepen.csv'), 'w', newline='', encoding='utf-8') as f:
    w = csv.writer(f, delimiter=';', lineterminator='\n')
    w.writerow(['soort', 'code', 'naam', 'naam_en', 'stad', 'bron', 'gemeente', 'zone'])
    w.writerows(rows)

# 2025 mergers: new NIS code (Statbel REFNIS 2025), new name, the 2024 municipalities merged
MERGERS = [('11002', 'Antwerpen', 'Antwerpen Borsbeek'), ('46030', 'Beveren-Kruibeke-Zwijndrecht', 'Beveren Kruibeke Zwijndrecht'),
           ('73110', 'Bilzen-Hoeselt', 'Bilzen Hoeselt'), ('23106', 'Pajottegem', 'Galmaarden Gooik Herne'),
           ('71071', 'Tessenderlo-Ham', 'Tessenderlo Ham'), ('71072', 'Hasselt', 'Hasselt Kortessem'),
           ('44087', 'Lochristi', 'Lochristi Wachtebeke'), ('46029', 'Lokeren', 'Lokeren Moerbeke'),
           ('44088', 'Merelbeke-Melle', 'Merelbeke Melle'), ('44086', 'Nazareth-De Pinte', 'Nazareth De_Pinte'),
           ('37022', 'Tielt', 'Tielt Meulebeke'), ('73111', 'Tongeren-Borgloon', 'Tongeren Borgloon'),
           ('37021', 'Wingene', 'Wingene Ruiselede')]
with open(os.path.join(out, 'fusies-2025.csv'), 'w', newline='', encoding='utf-8') as f:
    w = csv.writer(f, delimiter=';', lineterminator='\n')
    w.writerow(['nieuwe_code', 'nieuwe_naam', 'oude_code', 'oude_naam'])
    for new, name, olds in MERGERS:
        for old in olds.split():
            w.writerow([new, name, code(old), old.replace('_', ' ')])
