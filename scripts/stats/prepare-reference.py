#!/usr/bin/env python3
"""Derives src/main/resources/reference/stats/ from ../shared/reference/ (run from the project root).

- areas.csv: gewest, provincie, gemeente (2019-2024 layout, plus Swing's 99991/99992), deelgemeente, statsec,
  wijk of Flanders and Brussels, each with its parent. Sectors of municipalities merged in 2019 are linked to the
  merged municipality.
- wijken.geojson: the wijken (ggw7) of the 13 centrumsteden, coordinates rounded to 4 decimals (about 10 m) and
  consecutive duplicate points dropped, to keep the repository small.
- indicatoren.csv: the Gemeente-Stadsmonitor catalogue, unchanged.
"""
import csv, json, shutil, sys
src = sys.argv[1] if len(sys.argv) > 1 else '../shared/reference'
out = 'src/main/resources/reference/stats'
MERGED = {'12030': '12041', '12034': '12041', '44001': '44084', '44029': '44084', '44011': '44083', '44049': '44083',
          '44036': '44085', '44072': '44085', '44080': '44085', '45017': '45068', '45057': '45068',
          '71047': '72042', '72040': '72042', '72025': '72043', '72029': '72043'}
CITIES = {'41002', '11002', '31005', '71016', '44021', '71022', '34022', '24062', '12025', '35013', '36015', '46021', '13040'}
gem = json.load(open(f'{src}/geo/gemeente2024.geojson', encoding='utf-8'))
prov = json.load(open(f'{src}/geo/provincie2024.geojson', encoding='utf-8'))
wijk = json.load(open(f'{src}/geo/ggw72024.geojson', encoding='utf-8'))
sectors = list(csv.DictReader(open(f'{src}/statistische-sectoren-deelgemeenten.csv', encoding='cp1252'), delimiter=';'))
rows = [('gewest', '02000', 'Vlaams Gewest', '', ''), ('gewest', '04000', 'Brussels Hoofdstedelijk Gewest', '', '')]
for f in prov['features']:
    code = '%05d' % f['properties']['provincie']
    name = f['properties']['naam'].replace(' (Prov.)', '')
    rows.append(('provincie', code, name, 'gewest', '04000' if code == '04000' else '02000'))
gemeente_prov = {}
for s in sectors:
    if s['provincie'].strip():
        gemeente_prov[MERGED.get(s['gemeente'], s['gemeente'])] = '%05d' % int(s['provincie'])
for f in gem['features']:
    code = str(f['properties']['gemeente'])
    rows.append(('gemeente', code, f['properties']['naam'], 'provincie', gemeente_prov[code]))
rows.append(('gemeente', '99991', 'Onbekende locatie in Vlaanderen', 'gewest', '02000'))
rows.append(('gemeente', '99992', 'Onbekende locatie in Brussel', 'provincie', '04000'))
known = {r[1] for r in rows if r[0] == 'gemeente'}
seen_dg = set()
for s in sectors:
    if not s['provincie'].strip():
        continue
    g = MERGED.get(s['gemeente'], s['gemeente'])
    if g not in known:
        raise SystemExit('unknown municipality ' + g)
    if s['deelgemeente'] not in seen_dg:
        seen_dg.add(s['deelgemeente'])
        rows.append(('deelgemeente', s['deelgemeente'], s['deelgemeente_naam'], 'gemeente', g))
    rows.append(('statsec', s['statsec'], s['statsec_naam'], 'deelgemeente', s['deelgemeente']))
def rnd(c):
    if isinstance(c[0], (int, float)):
        return [round(c[0], 4), round(c[1], 4)]
    out = []
    for x in c:
        r = rnd(x)
        if not out or r != out[-1] or not isinstance(r[0], float):
            out.append(r)
    return out
features = []
for f in wijk['features']:
    code = f['properties']['geoitem']
    rows.append(('wijk', code, f['properties']['naam'], 'gemeente', code[:5]))
    if code[:5] in CITIES:
        features.append({'type': 'Feature', 'properties': {'code': code, 'naam': f['properties']['naam']},
                         'geometry': {'type': f['geometry']['type'], 'coordinates': rnd(f['geometry']['coordinates'])}})
with open(f'{out}/areas.csv', 'w', encoding='utf-8', newline='') as fh:
    w = csv.writer(fh, delimiter=';', lineterminator='\n')
    w.writerow(['niveau', 'code', 'naam', 'ouder_niveau', 'ouder_code'])
    w.writerows(rows)
with open(f'{out}/wijken.geojson', 'w', encoding='utf-8') as fh:
    json.dump({'type': 'FeatureCollection', 'features': features}, fh, ensure_ascii=False, separators=(',', ':'))
shutil.copy(f'{src}/gemeente-stadsmonitor-indicatoren.csv', f'{out}/indicatoren.csv')
print(len(rows), 'areas,', len(features), 'wijk shapes')
