#!/usr/bin/env python3
"""Writes a long-format stats import file: every statistical sector of Flanders and Brussels x N indicators x M
years (default 50 x 20 = about 10.2 million rows), deterministic values, a few Swing missing codes.

    python3 bench/stats/generate_observations.py target/bench/stats-10m.csv [indicators] [years]
"""
import csv, os, sys

out = sys.argv[1] if len(sys.argv) > 1 else 'target/bench/stats-10m.csv'
indicators = int(sys.argv[2]) if len(sys.argv) > 2 else 50
years = int(sys.argv[3]) if len(sys.argv) > 3 else 20
here = os.path.dirname(os.path.abspath(__file__))
areas = os.path.join(here, '..', '..', 'src', 'main', 'resources', 'reference', 'stats', 'areas.csv')
sectors = [r[1] for r in csv.reader(open(areas, encoding='utf-8'), delimiter=';') if r[0] == 'statsec']
os.makedirs(os.path.dirname(os.path.abspath(out)), exist_ok=True)
rows = 0
with open(out, 'w', encoding='utf-8', newline='') as f:
    f.write('indicator;gebied;niveau;periode;waarde\n')
    for i in range(indicators):
        code = 'bench_%02d' % i
        for y in range(2005, 2005 + years):
            lines = []
            for k, s in enumerate(sectors):
                v = (k * 7919 + i * 104729 + y * 31) % 2500
                lines.append('%s;%s;statsec;%d;%s\n' % (code, s, y, '-99999' if v == 13 else v))
            f.writelines(lines)
            rows += len(lines)
print(rows, 'rows written to', out)
