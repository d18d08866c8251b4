#!/usr/bin/env python3
"""Turns the wrk RESULT lines (OUT_DIR/<target>-<connections>.txt) into the markdown table of bench/RESULTS.md."""
import json
import os
import sys

OUT, LEVELS = sys.argv[1], sys.argv[2].split()
# further arguments: target=name pairs, the first the base of the comparison (bench/multi: one and two instances)
TARGETS = dict(a.split("=", 1) for a in sys.argv[3:]) or {"nginx": "nginx (static files)", "obmi": "OBMi"}
BASE = next(iter(TARGETS))


def result(target, level):
    with open(f"{OUT}/{target}-{level}.txt") as f:
        for line in f:
            if line.startswith("RESULT "):
                return json.loads(line[7:])
    raise SystemExit(f"no RESULT line in {OUT}/{target}-{level}.txt")


print(f"| target | connections | requests | req/s | p50 ms | p95 ms | p99 ms | errors | error rate | req/s vs {BASE} |")
print("|---|---|---|---|---|---|---|---|---|---|")
verdict = []
for level in LEVELS:
    base = None
    for target, name in TARGETS.items():
        r = result(target, level)
        rps = r["requests"] / (r["duration_us"] / 1e6)
        errors = r["connect"] + r["read"] + r["write"] + r["timeout"] + r["status"]
        rate = errors / max(1, r["requests"] + r["connect"])
        if target == BASE:
            base = rps
        share = rps / base if base else 0
        print(f"| {name} | {level} | {r['requests']:,} | {rps:,.0f} "
              f"| {r['p50_us'] / 1000:.1f} | {r['p95_us'] / 1000:.1f} | {r['p99_us'] / 1000:.1f} "
              f"| {errors} (status {r['status']}, connect {r['connect']}, read {r['read']}, write {r['write']}, timeout {r['timeout']}) "
              f"| {rate:.2%} | {share:.0%} |")
        if BASE == "nginx" and target == "obmi" and level == "200":
            ok = share >= 0.25 and r["p95_us"] < 200_000 and errors == 0
            verdict.append(f"Issue 7's goal at 200 connections (≥ 25 % of nginx's req/s, p95 < 200 ms, no errors): "
                           f"{'met' if ok else 'NOT met'} ({share:.0%} of nginx, p95 {r['p95_us'] / 1000:.1f} ms, {errors} errors).")
            ok = share >= 0.60 and errors == 0
            verdict.append(f"Issue 20 goal 6, warm cache at 200 connections (≥ 60 % of nginx's req/s, no errors): "
                           f"{'met' if ok else 'NOT met'} ({share:.0%} of nginx, {errors} errors).")
        if BASE == "nginx" and target == "obmi" and level == "500":
            ok = r["p99_us"] < 50_000 and errors == 0
            verdict.append(f"Issue 20 goal 6, warm cache at 500 connections (p99 < 50 ms, no errors): "
                           f"{'met' if ok else 'NOT met'} (p99 {r['p99_us'] / 1000:.1f} ms, {errors} errors).")
        if BASE == "nginx" and target == "obmi" and level.startswith("miss-"):
            ok = share >= 0.25 and r["p95_us"] < 200_000 and errors == 0
            verdict.append(f"Issue 20 goal 6, second mix at {level[5:]} connections (≥ 25 % of nginx's req/s, "
                           f"p95 < 200 ms, no errors): {'met' if ok else 'NOT met'} ({share:.0%} of nginx, "
                           f"p95 {r['p95_us'] / 1000:.1f} ms, {errors} errors).")
print()
print("\n".join(verdict))
