#!/usr/bin/env bash
# The benchmark of issue 13, as deployed: a Release build in Production on 127.0.0.1 with SQLite, the server pinned to
# core 0 and wrk to core 1; data sets of BENCH_SIZES reports and activities over 200 units and 5 years (generated once,
# kept in BENCH_DIR). Every page is warmed up (discarded), then measured in BENCH_RUNS alternating rounds of
# BENCH_SECONDS each; the medians go to docs/performance.md between the bench markers.
#   bash bench/run.sh                      # 1,000 and 100,000, 3 rounds of 10 s (about 25 minutes with generation)
#   BENCH_SIZES="1000" BENCH_SECONDS=3 bash bench/run.sh   # a quick look
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
out=${BENCH_DIR:-/tmp/campaignportal-bench}
seconds=${BENCH_SECONDS:-10}
runs=${BENCH_RUNS:-3}
sizes=${BENCH_SIZES:-"1000 100000"}
connections=${BENCH_CONNECTIONS:-8}

missing=()
for tool in wrk sqlite3 taskset curl python3; do command -v "$tool" >/dev/null 2>&1 || missing+=("$tool"); done
if ((${#missing[@]})); then
    sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get update -qq
    pkgs=("${missing[@]/taskset/util-linux}")
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${pkgs[@]}" >/dev/null
fi

mkdir -p "$out"
echo "Building (Release)..."
dotnet publish src/CampaignPortal.Web -c Release -o "$out/app" --nologo -v q >/dev/null
dotnet build bench/CampaignPortal.Bench -c Release --nologo -v q >/dev/null
bench_dll=bench/CampaignPortal.Bench/bin/Release/net10.0/CampaignPortal.Bench.dll
for n in $sizes; do
    dotnet "$bench_dll" seed "$out/data-$n" "$n" 2>/dev/null | grep -v '^\[' || true
done

results="$out/results.tsv"
: >"$results"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

start_server() { # port data-dir cache-seconds
    ASPNETCORE_ENVIRONMENT=Production Database__DataDirectory="$2" Security__RequireHttps=false Seed__Demo=false \
        Jobs__Enabled=false Logs__File=false Serilog__MinimumLevel__Default=Warning Site__PublicCacheSeconds="$3" \
        taskset -c 0 dotnet "$out/app/CampaignPortal.Web.dll" --contentRoot "$out/app" --urls "http://127.0.0.1:$1" >"$out/server-$1.log" 2>&1 &
    pids+=($!)
    for _ in $(seq 1 120); do
        curl -sf -o /dev/null "http://127.0.0.1:$1/health" && return 0
        sleep 1
    done
    echo "The server on port $1 did not start:"; tail -20 "$out/server-$1.log"; exit 1
}

sign_in() { # port email -> cookie header value
    local jar; jar=$(mktemp)
    local token
    token=$(curl -s -c "$jar" "http://127.0.0.1:$1/account/sign-in" | sed -n 's/.*name="__RequestVerificationToken" type="hidden" value="\([^"]*\)".*/\1/p' | head -n 1)
    curl -s -o /dev/null -b "$jar" -c "$jar" --data-urlencode "__RequestVerificationToken=$token" \
        --data-urlencode "Email=$2" --data-urlencode "Password=bench-demo-2026" "http://127.0.0.1:$1/account/sign-in"
    sed 's/^#HttpOnly_//' "$jar" | awk '!/^#/ && NF >= 7 { printf "%s=%s; ", $6, $7 }'
    rm -f "$jar"
}

measure() { # size name url cookie duration record connections
    local line
    line=$(taskset -c 1 wrk -t1 -c"$7" -d"$5"s -s bench/wrk-report.lua ${4:+-H "Cookie: $4"} "$3" | grep '^RESULT' || echo "RESULT 0 0 0 0 1 0")
    if [ "$6" = 1 ]; then echo -e "$1\t$2\t${line#RESULT }" | tr ' ' '\t' >>"$results"; fi
}

for n in $sizes; do
    db="$out/data-$n/campaignportal.db"
    main=$(sqlite3 "$db" "SELECT Id FROM Campaigns WHERE Title = '2026年自治区全国科技工作者日（基准数据）'")
    start_server 5401 "$out/data-$n" 0
    start_server 5402 "$out/data-$n" 30
    reviewer=$(sign_in 5401 xj.reviewer@demo.local)
    organiser=$(sign_in 5401 xj.organiser@demo.local)
    # The same bytes as the rendered list, served as a static file by the same server.
    mkdir -p "$out/app/wwwroot/bench"
    curl -s "http://127.0.0.1:5401/notices" >"$out/app/wwwroot/bench/notices.html"
    pages=(
        # Throughput (req/s ratios) with $connections connections; latency (p95 goals) one request at a time.
        "static|http://127.0.0.1:5401/bench/notices.html||$connections"
        "notices|http://127.0.0.1:5401/notices||$connections"
        "notices-cached|http://127.0.0.1:5402/notices||$connections"
        "reviews|http://127.0.0.1:5401/reviews|$reviewer|1"
        "reviews-p500|http://127.0.0.1:5401/reviews?page=500|$reviewer|1"
        "activities|http://127.0.0.1:5401/campaigns/$main/activities|$organiser|1"
        "activities-p500|http://127.0.0.1:5401/campaigns/$main/activities?page=500|$organiser|1"
        "rollup|http://127.0.0.1:5401/campaigns/$main/rollup|$organiser|1"
    )
    for page in "${pages[@]}"; do
        IFS='|' read -r name url cookie conns <<<"$page"
        status=$(curl -s -o /dev/null -w '%{http_code}' ${cookie:+-H "Cookie: $cookie"} "$url")
        [ "$status" = 200 ] || { echo "$name answered $status"; exit 1; }
        measure "$n" "$name" "$url" "$cookie" 3 0 "$conns"
    done
    for round in $(seq 1 "$runs"); do
        echo "size $n, round $round"
        for page in "${pages[@]}"; do
            IFS='|' read -r name url cookie conns <<<"$page"
            measure "$n" "$name" "$url" "$cookie" "$seconds" 1 "$conns"
        done
    done

    # The roll-up workbook (activity list included) of the 2026 campaign: the server's peak resident memory growth.
    server=${pids[-2]}
    echo 5 >"/proc/$server/clear_refs" 2>/dev/null || true
    before=$(awk '/VmRSS/ { print $2 }' "/proc/$server/status")
    bytes=$(curl -s -o "$out/rollup.xlsx" -w '%{size_download}' -H "Cookie: $organiser" "http://127.0.0.1:5401/campaigns/$main/rollup.xlsx")
    peak=$(awk '/VmHWM/ { print $2 }' "/proc/$server/status")
    echo -e "$n\texcel\t$before\t$peak\t$bytes" >>"$results"
    cleanup
    pids=()
    sleep 1
done

python3 bench/report.py "$results" "$(git rev-parse --short HEAD)" "$seconds" "$runs" "$connections" docs/performance.md
echo "Written: docs/performance.md"
