"""Turns a deadline-rush summary (CampaignPortal.Rush's JSON) into docs/performance.md between the rush markers."""
import datetime
import json
import os
import sys

from markers import write_between

summary_file, commit, server_peak_kb, server_log, doc = sys.argv[1:6]
s = json.load(open(summary_file, encoding="utf-8"))
r = s["Reconciliation"]
log_lines = [l for l in open(server_log, encoding="utf-8", errors="replace")] if os.path.exists(server_log) else []
server_errors = sum(1 for l in log_lines if " ERR]" in l or " FTL]" in l)
server_warnings = sum(1 for l in log_lines if " WRN]" in l)
load = open("/proc/loadavg").read().split()[:3]
cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "unknown CPU")


def verdict(ok):
    return "met" if ok else "**missed**"


out = [
    f"Measured {datetime.date.today().isoformat()} at commit `{commit}` on {os.cpu_count()} cores ({cpu}): "
    f"`bash bench/rush.sh {s['Filers']} {s['Minutes']:g}` — Release, Production, SQLite, 127.0.0.1, server on core 0, driver on core 1.",
    f"{s['Filers']} filers arrived over {s['Minutes']:g} min (a third in the last fifth); the run took {s['ElapsedSeconds']:.0f} s. "
    f"{s['Finished']} finished; {s['SubmissionsAcknowledged']} submissions and {s['UploadsAcknowledged']} uploads "
    f"({s['MegabytesUploaded']:,} MB) acknowledged. Server peak memory {int(server_peak_kb) // 1024} MB; "
    f"server log: {server_errors} errors, {server_warnings} warnings. Load average at the end: {' / '.join(load)} "
    "(1, 5, 15 min; above 2 the figures include other work on the machine).",
    "",
    "| Step | Requests | p50 ms | p95 ms | p99 ms | max ms |",
    "| --- | ---: | ---: | ---: | ---: | ---: |",
]
for step in s["Steps"]:
    out.append(f"| {step['Step']} | {step['Count']:,} | {step['P50']:.0f} | {step['P95']:.0f} | {step['P99']:.0f} | {step['Max']:.0f} |")
out += [
    "",
    "| Goal | Measured | |",
    "| --- | --- | --- |",
    f"| 0 errors | {len(s['Errors'])} | {verdict(not s['Errors'])} |",
    f"| 0 lost (acknowledged submissions and files, SHA-256 checked) | {len(r['Lost'])} lost, {len(r['HalfStored'])} half-stored "
    f"of {r['SubmissionsChecked']} submissions, {r['FilesChecked']} files | {verdict(not r['Lost'] and not r['HalfStored'])} |",
    f"| page p95 ≤ 1 s (report pages and public pages pooled) | {s['PageP95']:.0f} ms | {verdict(s['PageP95'] <= 1000)} |",
    f"| save p95 ≤ 2 s (form save, autosave, submit pooled) | {s['SaveP95']:.0f} ms | {verdict(s['SaveP95'] <= 2000)} |",
]
errors = {}
for e in s["Errors"]:
    errors.setdefault((e["Step"], e["Status"]), []).append(e["Detail"])
for (step, status), details in sorted(errors.items(), key=lambda kv: -len(kv[1])):
    out.append(f"- {len(details)} × {step} → {status}: {details[0][:200]}")
out.append("")
write_between(doc, "rush", out, "Deadline rush")
