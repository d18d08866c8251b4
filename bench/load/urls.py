#!/usr/bin/env python3
"""Picks the load test's URL mix from a running OBMi and saves every response as a static file for nginx.

Usage: urls.py BASE_URL OUT_DIR TENANT...
Writes OUT_DIR/urls.txt ("<lang> <path>" per line, repeated lines weigh more), OUT_DIR/static/f/<n>.<ext>
(the responses) and OUT_DIR/nginx-map.conf (which file answers which language + path). Fails when any URL of the
mix does not answer 200, so a broken page cannot hide in the figures.
"""
import json
import re
import sys
import urllib.parse
import urllib.request

BASE, OUT, TENANTS = sys.argv[1], sys.argv[2], sys.argv[3:]
INDICATORS = ["bev_totaal", "werkzoekenden_pct", "bevolkingsdichtheid", "bev_65plus_pct"]
THEMES = ["Werk", "Wonen en woonomgeving"]
EXTENSIONS = {"text/html": "html", "application/json": "json", "application/geo+json": "geojson",
              "text/csv": "csv", "application/problem+json": "json"}


def get(path, lang="nl"):
    request = urllib.request.Request(BASE + path)
    if lang == "en":
        request.add_header("Cookie", "obmi-taal=en")
    with urllib.request.urlopen(request, timeout=120) as response:
        return response.status, response.headers.get_content_type(), response.read()


mix = []  # (lang, path, weight)
for slug in TENANTS:
    q = urllib.parse.quote
    mix.append(("nl", f"/{slug}/cijfers", 3))
    for theme in THEMES:
        mix.append(("nl", f"/{slug}/cijfers?thema={q(theme)}", 1))
    published = {i["code"] for i in json.loads(get(f"/api/v1/{slug}/stats/indicators")[2]) if i["published"]}
    codes = [c for c in INDICATORS if c in published]
    for code in codes:
        # an indicator page and the GeoJSON its map fetches
        mix.append(("nl", f"/{slug}/cijfers/indicator/{code}", 2))
        mix.append(("nl", f"/api/v1/{slug}/stats/geo/wijken", 2))
    mix.append(("nl", f"/{slug}/cijfers/indicator/{codes[0]}?niveau=statsec", 1))
    areas = get(f"/{slug}/cijfers/gebieden")[2].decode()
    mix.append(("nl", f"/{slug}/cijfers/gebieden", 1))
    profiles = re.findall(r'href="(/[^"]+/cijfers/gebied/(?:gemeente|wijk|statsec)/[^"/]+)"', areas)
    gemeente = [p for p in profiles if "/gemeente/" in p][:1]
    wijken = [p for p in profiles if "/wijk/" in p][:2]
    sectors = [p for p in profiles if "/statsec/" in p][:1]
    for path in gemeente + wijken + sectors:
        mix.append(("nl", path, 2))
    mix.append(("nl", f"/{slug}/plan/publiek", 4))
    # API clients
    mix.append(("nl", f"/api/v1/{slug}/stats/indicators", 1))
    mix.append(("nl", f"/api/v1/{slug}/stats/indicators/{codes[0]}/data?level=wijk", 1))
    mix.append(("nl", f"/api/v1/{slug}/stats/indicators/{codes[0]}/data?level=wijk&format=csv", 1))
    mix.append(("nl", f"/api/v1/{slug}/stats/observations/query?indicator={codes[0]}&level=wijk", 1))
    nis = gemeente[0].rsplit("/", 1)[1] if gemeente else None
    if nis and len(codes) > 1:
        mix.append(("nl", f"/api/v1/{slug}/stats/observations?indicator={codes[1]}&level=wijk&period=2024&within={nis}", 1))
# English visitors: the first tenant's main pages
first = TENANTS[0]
for path in [f"/{first}/cijfers", f"/{first}/cijfers/indicator/{INDICATORS[0]}", f"/{first}/plan/publiek"]:
    mix.append(("en", path, 2))

merged = {}
for lang, path, weight in mix:
    merged[(lang, path)] = merged.get((lang, path), 0) + weight
mix = [(lang, path, weight) for (lang, path), weight in merged.items()]
failures = []
lines = []
mapping = []
for n, (lang, path, weight) in enumerate(mix):
    try:
        status, ctype, body = get(path, lang)
    except urllib.error.HTTPError as ex:
        status, ctype, body = ex.code, "", b""
    if status != 200:
        failures.append(f"{status} {lang} {path}")
        continue
    name = f"/f/{n}.{EXTENSIONS.get(ctype, 'bin')}"
    with open(f"{OUT}/static{name}", "wb") as out:
        out.write(body)
    mapping.append(f'    "{"en" if lang == "en" else ""}|{path}" "{name}";')
    lines += [f"{lang} {path}"] * weight
if failures:
    sys.exit("These URLs of the mix did not answer 200:\n" + "\n".join(failures))
with open(f"{OUT}/urls.txt", "w") as out:
    out.write("\n".join(lines) + "\n")
with open(f"{OUT}/nginx-map.conf", "w") as out:
    # the miss mix's cache buster (_miss=..., always the last parameter) is left out: nginx answers the same file
    out.write('map $request_uri $page_uri {\n    "~^(?<page>.*?)[?&]_miss=[^&]*$" $page;\n    default $request_uri;\n}\n')
    out.write('map "$cookie_obmi_taal|$page_uri" $static_file {\n    default "/missing";\n')
    out.write("\n".join(mapping) + "\n}\n")
print(f"{len(mix)} URLs, {len(lines)} weighted lines, {len(TENANTS)} tenants")
