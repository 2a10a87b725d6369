#!/usr/bin/env bash
# The deadline rush of issue 14, as deployed: a Release build in Production on 127.0.0.1 with SQLite, the server pinned
# to core 0 and the driver (bench/CampaignPortal.Rush) to core 1. The data is the benchmark's (demo data plus 200 units
# and 1,000 reports, generated once into RUSH_DIR/base), copied afresh for every run; the driver adds FILERS units with
# one filer each to an open campaign, drives them over MINUTES and reconciles the database and file store afterwards.
# The figures go to docs/performance.md between the rush markers; the exit code is the driver's (0: no error, no loss).
#   bash bench/rush.sh 300 10     # the issue's goal (about 15 minutes with the build)
#   bash bench/rush.sh 30 1       # a quick look
set -euo pipefail
cd "$(dirname "$0")/.."
filers=${1:-300}
minutes=${2:-10}
out=${RUSH_DIR:-/tmp/campaignportal-rush}
password=bench-demo-2026 # the bench seeder's demo password (CampaignPortal.Bench's BenchPortal)

missing=()
for tool in sqlite3 taskset curl python3; do command -v "$tool" >/dev/null 2>&1 || missing+=("$tool"); done
if ((${#missing[@]})); then
    sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get update -qq
    pkgs=("${missing[@]/taskset/util-linux}")
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${pkgs[@]}" >/dev/null
fi

# A free port unless given: other benchmarks on the machine listen on fixed ones.
port=${RUSH_PORT:-$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}
if curl -s -o /dev/null "http://127.0.0.1:$port/"; then echo "Port $port is taken (set RUSH_PORT)."; exit 1; fi

mkdir -p "$out"
echo "Building (Release)..."
dotnet publish src/CampaignPortal.Web -c Release -o "$out/app" --nologo -v q >/dev/null
dotnet build bench/CampaignPortal.Bench -c Release --nologo -v q >/dev/null
dotnet build bench/CampaignPortal.Rush -c Release --nologo -v q >/dev/null
if [ ! -f "$out/base/campaignportal.db" ]; then
    dotnet bench/CampaignPortal.Bench/bin/Release/net10.0/CampaignPortal.Bench.dll seed "$out/base" 1000 2>/dev/null | grep -v '^\[' || true
fi

run="$out/run"
rm -rf "$run"
mkdir -p "$run"
sqlite3 "$out/base/campaignportal.db" ".backup '$run/campaignportal.db'"
cp -r "$out/base/files" "$run/files"

server=""
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null || true; }
trap cleanup EXIT
# Every simulated filer signs in from 127.0.0.1: the per-address sign-in limit (20 a minute) would refuse them.
ASPNETCORE_ENVIRONMENT=Production Database__DataDirectory="$run" Security__RequireHttps=false Seed__Demo=false \
    Security__SignInAttemptsPerMinute=100000 Jobs__Enabled=false Logs__File=false Serilog__MinimumLevel__Default=Warning \
    taskset -c 0 dotnet "$out/app/CampaignPortal.Web.dll" --contentRoot "$out/app" --urls "http://127.0.0.1:$port" >"$out/server.log" 2>&1 &
server=$!
for _ in $(seq 1 120); do
    kill -0 "$server" 2>/dev/null || break
    curl -sf -o /dev/null "http://127.0.0.1:$port/health" && break
    sleep 1
done
{ kill -0 "$server" 2>/dev/null && curl -sf -o /dev/null "http://127.0.0.1:$port/health"; } || { echo "The server did not start:"; tail -20 "$out/server.log"; exit 1; }

status=0
rm -f "$out/summary.json"
taskset -c 1 dotnet bench/CampaignPortal.Rush/bin/Release/net10.0/CampaignPortal.Rush.dll run "http://127.0.0.1:$port" \
    "$run/campaignportal.db" "$run/files" "$password" "$filers" "$minutes" "$out/summary.json" || status=$?
peak=$(awk '/VmHWM/ { print $2 }' "/proc/$server/status")
[ -f "$out/summary.json" ] || exit $((status ? status : 1))
python3 bench/rush_report.py "$out/summary.json" "$(git rev-parse --short HEAD)" "$peak" "$out/server.log" docs/performance.md
echo "Written: docs/performance.md (summary: $out/summary.json, server log: $out/server.log)"
exit "$status"
