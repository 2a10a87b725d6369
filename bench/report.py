"""Turns bench/run.sh's results into the benchmark section of docs/performance.md (between the bench markers)."""
import datetime
import os
import statistics
import sys

from markers import write_between

results, commit, seconds, runs, connections, doc = sys.argv[1:7]
rows = [line.rstrip("\n").split("\t") for line in open(results, encoding="utf-8") if line.strip()]
sizes = sorted({int(r[0]) for r in rows})
pages = {}
excel = {}
for r in rows:
    size = int(r[0])
    if r[1] == "excel":
        excel[size] = (int(r[2]), int(r[3]), int(r[4]))
        continue
    rps, p50, p95, p99, errors, size_bytes = float(r[2]), float(r[3]), float(r[4]), float(r[5]), int(r[6]), int(r[7])
    pages.setdefault((size, r[1]), []).append((rps, p50, p95, p99, errors, size_bytes))


def median(size, name, index):
    return statistics.median(v[index] for v in pages[(size, name)])


def errors(size, name):
    return sum(v[4] for v in pages[(size, name)])


def verdict(ok):
    return "met" if ok else "**missed**"


cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "unknown CPU")
memory = next((int(l.split()[1]) // 1024 // 1024 for l in open("/proc/meminfo") if l.startswith("MemTotal")), 0)
names = [("static", "the same bytes as a static file"), ("notices", "notice list, 20 rows, not cached"),
         ("notices-cached", "notice list, output cache (anonymous)"), ("reviews", "review queue, page 1"),
         ("reviews-p500", "review queue, page 500"), ("activities", "activity list, page 1"),
         ("activities-p500", "activity list, page 500"), ("rollup", "roll-up of the 2026 campaign")]
out = []
out.append(f"Measured {datetime.date.today().isoformat()} at commit `{commit}` on {os.cpu_count()} cores ({cpu}), {memory} GiB,")
out.append(f"Debian, .NET {os.popen('dotnet --version').read().strip()} SDK: `bash bench/run.sh` — Release build, Production, SQLite, 127.0.0.1,")
out.append(f"server on core 0 and wrk (1 thread) on core 1 — {connections} connections for the req/s ratios, 1 for the latency goals;")
out.append("each page warmed up 3 s (discarded), then")
out.append(f"{runs} alternating rounds of {seconds} s; medians of the rounds. Data sets: N summary reports and N activities over 200")
out.append("units and 5 years (`CampaignPortal.Bench seed`), plus the demo data.")
out.append("")
out.append("| Page | " + " | ".join(f"{s:,}: req/s | p50 ms | p95 ms" for s in sizes) + " | errors |")
out.append("| --- | " + " | ".join("---: | ---: | ---:" for _ in sizes) + " | ---: |")
for key, label in names:
    if not all((s, key) in pages for s in sizes):
        continue
    cells = " | ".join(f"{median(s, key, 0):,.0f} | {median(s, key, 1):.1f} | {median(s, key, 2):.1f}" for s in sizes)
    out.append(f"| {label} | {cells} | {sum(errors(s, key) for s in sizes)} |")
out.append("")
out.append("| Goal | Measured | |")
out.append("| --- | --- | --- |")
for s in sizes:
    static = median(s, "static", 0)
    ratio = median(s, "notices", 0) / static
    cached = median(s, "notices-cached", 0) / static
    out.append(f"| {s:,}: notice list ≥ 15 % of the static file's req/s | {ratio:.1%} | {verdict(ratio >= 0.15)} |")
    out.append(f"| {s:,}: with the output cache ≥ 80 % | {cached:.1%} | {verdict(cached >= 0.80)} |")
if len(sizes) >= 2:
    small, large = sizes[0], sizes[-1]
    for key, label in [("reviews", "review queue"), ("activities", "activity list")]:
        r = median(large, key, 2) / median(small, key, 2)
        out.append(f"| p95 of the {label} at {large:,} ≤ 1.3 × at {small:,} | {r:.2f} × | {verdict(r <= 1.3)} |")
for key, label in [("reviews", "review queue"), ("activities", "activity list")]:
    large = sizes[-1]
    r = median(large, key + "-p500", 2) / median(large, key, 2)
    out.append(f"| {label}: p95 of page 500 ≤ 1.2 × page 1 ({large:,}) | {r:.2f} × | {verdict(r <= 1.2)} |")
for s in sizes:
    p95 = median(s, "rollup", 2)
    out.append(f"| {s:,}: roll-up p95 ≤ 100 ms (one request at a time) | {p95:.1f} ms | {verdict(p95 <= 100)} |")
for s in sizes:
    if s in excel:
        before, peak, size_bytes = excel[s]
        growth = (peak - before) / 1024
        out.append(f"| {s:,} activities: Excel workbook ({size_bytes / 1024 / 1024:.1f} MB) peak memory growth ≤ 100 MB | {growth:.0f} MB (RSS {before / 1024:.0f} → peak {peak / 1024:.0f} MB) | {verdict(growth <= 100)} |")
out.append("")

write_between(doc, "bench", out, "Benchmark")
