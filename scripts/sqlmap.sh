#!/usr/bin/env bash
# Runs sqlmap (Debian package) against a running CampaignPortal on 127.0.0.1 with signed-in sessions and their
# antiforgery tokens, over every parameter of the search, filter, sort and form endpoints. Prints, per endpoint and
# parameter, what sqlmap concluded and how the portal answered (status counts from sqlmap's traffic log: a run whose
# requests were all refused would prove nothing, so the script fails on that too). Exit 1 when sqlmap finds anything.
#
#   scripts/sqlmap.sh            full run: every endpoint, --level=3 --risk=2, all techniques
#   scripts/sqlmap.sh --short    a few endpoints, --level=1, for CI (under ~3 minutes)
#   --no-build                   use the existing Release build (scripts/test.sh has just built it)
#   --only=name,name             only these endpoints (notices, reviews, activities, progress, admin-users,
#                                admin-organisations, sign-in, report-save)
#   KEEP_WORK=1                  keep the temporary folder (portal log, sqlmap logs and traffic) for inspection
set -euo pipefail
cd "$(dirname "$0")/.."

mode=full
build=1
only_targets=""
for arg in "$@"; do
    case "$arg" in
        --short) mode=short ;;
        --no-build) build=0 ;;
        --only=*) only_targets=${arg#--only=} ;;
        *) echo "Unknown option $arg"; exit 2 ;;
    esac
done

if ! command -v sqlmap >/dev/null 2>&1; then
    echo "Installing sqlmap..."
    sudo=""
    if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends sqlmap >/dev/null
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
if [ "$build" -eq 1 ]; then
    dotnet build src/CampaignPortal.Web -c Release -v q -nologo >/dev/null
fi
dll=src/CampaignPortal.Web/bin/Release/net10.0/CampaignPortal.Web.dll

work=$(mktemp -d /tmp/campaignportal-sqlmap.XXXXXX)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
base="http://127.0.0.1:$port"
app_pid=""
cleanup() {
    if [ -n "$app_pid" ]; then kill "$app_pid" 2>/dev/null || true; wait "$app_pid" 2>/dev/null || true; fi
    [ -n "${KEEP_WORK:-}" ] || rm -rf "$work"
}
trap cleanup EXIT

# The portal as the fault suite runs it: Production, demo data, a temporary SQLite file, no background jobs.
(cd "$(dirname "$dll")" && exec env ASPNETCORE_ENVIRONMENT=Production dotnet "$(basename "$dll")" --urls="$base" \
    --Database:DataDirectory="$work/data" --Seed:Demo=true --Seed:DemoPassword=Demo2026kx --Jobs:Enabled=false \
    --Logs:File=false --Security:RequireHttps=false --Security:SignInAttemptsPerMinute=100000 \
    --Serilog:MinimumLevel:Default=Warning) >"$work/portal.log" 2>&1 &
app_pid=$!
for _ in $(seq 1 180); do
    if curl -fsS "$base/health" >/dev/null 2>&1; then break; fi
    if ! kill -0 "$app_pid" 2>/dev/null; then cat "$work/portal.log"; echo "The portal did not start"; exit 1; fi
    sleep 0.5
done
curl -fsS "$base/health" >/dev/null

token_of() { python3 -c 'import html,re,sys; m=re.search(r"name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"", sys.stdin.read()); print(html.unescape(m.group(1)) if m else "")'; }
cookie_header() { awk '!/^#/ || /^#HttpOnly_/ { sub(/^#HttpOnly_/, ""); if (NF >= 7) printf "%s%s=%s", (n++ ? "; " : ""), $6, $7 }' "$1"; }

# A signed-in session: cookie jar file, then "Cookie:" value and the antiforgery token of a page of that session.
sign_in() {
    local email=$1 jar="$work/$1.jar" token
    token=$(curl -fsS -c "$jar" -b "$jar" "$base/account/sign-in" | token_of)
    local code
    code=$(curl -sS -o /dev/null -w '%{http_code}' -c "$jar" -b "$jar" --data-urlencode "Email=$email" \
        --data-urlencode "Password=Demo2026kx" --data-urlencode "__RequestVerificationToken=$token" "$base/account/sign-in")
    if [ "$code" != "302" ]; then echo "Sign-in of $email answered $code"; exit 1; fi
}
for account in xj.organiser@demo.local xj.reviewer@demo.local xj.admin@demo.local hami.filer@demo.local; do sign_in "$account"; done

db="$work/data/campaignportal.db"
campaign=$(sqlite3 "$db" "SELECT Id FROM Campaigns WHERE Title = '2022年自治区全国科技工作者日'")
unit=$(sqlite3 "$db" "SELECT Id FROM Organisations WHERE Name = '哈密市科学技术协会'")
category=$(sqlite3 "$db" "SELECT Id FROM ActivityCategories WHERE CampaignId = $campaign LIMIT 1" 2>/dev/null || echo 1)
issuer=$(sqlite3 "$db" "SELECT Id FROM Organisations WHERE Name = '新疆维吾尔自治区科学技术协会'" 2>/dev/null || echo 1)

# The anonymous sign-in form: its own antiforgery cookie and token; a made-up account, so nobody is locked out.
anon_jar="$work/anonymous.jar"
anon_token=$(curl -fsS -c "$anon_jar" -b "$anon_jar" "$base/account/sign-in" | token_of)
filer_token=$(curl -fsS -b "$work/hami.filer@demo.local.jar" "$base/campaigns/$campaign/report" | token_of)

# name | account (cookie jar) | method | url | POST data | parameters to test
targets=(
    "notices|xj.organiser@demo.local|GET|$base/notices?q=%E7%A7%91%E6%8A%80&year=2022&issuer=$issuer&page=1||q,year,issuer,page"
    "reviews|xj.reviewer@demo.local|GET|$base/reviews?status=Submitted&late=false&unit=$unit&campaign=$campaign&sort=Oldest&page=1||status,late,unit,campaign,sort,page"
    "activities|xj.organiser@demo.local|GET|$base/campaigns/$campaign/activities?unit=$unit&category=$category&kind=Lecture&form=Offline&status=Held&from=2022-05-01&to=2022-06-30&page=1||unit,category,kind,form,status,from,to,page"
    "progress|xj.organiser@demo.local|GET|$base/campaigns/$campaign/progress?status=Submitted&late=false&acknowledged=true&sort=Unit&page=1||status,late,acknowledged,sort,page"
    "admin-users|xj.admin@demo.local|GET|$base/admin/users?q=hami&organisationId=$unit&role=Filer&status=active&locked=false&page=1||q,organisationId,role,status,locked,page"
    "admin-organisations|xj.admin@demo.local|GET|$base/admin/organisations?q=%E5%93%88%E5%AF%86&inactive=false||q,inactive"
    "sign-in|anonymous|POST|$base/account/sign-in|Email=nobody%40demo.local&Password=not-the-password&ReturnUrl=%2F&__RequestVerificationToken=$anon_token|Email,Password,ReturnUrl"
    "report-save|hami.filer@demo.local|POST|$base/campaigns/$campaign/report|Version=1&Sections%5B0%5D.Title=%E5%9F%BA%E6%9C%AC%E6%83%85%E5%86%B5&Sections%5B0%5D.Html=%3Cp%3E%E6%A6%82%E5%86%B5%3C%2Fp%3E&Sections%5B1%5D.Title=%E6%B4%BB%E5%8A%A8%E4%BA%AE%E7%82%B9&Sections%5B1%5D.Html=%3Cp%3E%E4%BA%AE%E7%82%B9%3C%2Fp%3E&Figures%5B0%5D.Code=activities&Figures%5B0%5D.Value=3&Figures%5B0%5D.Qualifier=Exact&Figures%5B1%5D.Code=participants&Figures%5B1%5D.Value=1200&Figures%5B1%5D.Qualifier=MoreThan&Figures%5B1%5D.Note=note&FilerName=%E7%8E%8B%E8%8A%B3&FilerPhone=0902-2231234&ResponsiblePerson=%E6%9D%8E%E6%98%8E&save=1&__RequestVerificationToken=$filer_token|Sections[0].Title,Sections[0].Html,Sections[1].Title,Sections[1].Html,Figures[0].Code,Figures[0].Value,Figures[0].Qualifier,Figures[1].Code,Figures[1].Value,Figures[1].Qualifier,Figures[1].Note,FilerName,FilerPhone,ResponsiblePerson"
)
if [ "$mode" = short ]; then
    targets=("${targets[0]}" "${targets[1]}" "${targets[4]}" "${targets[6]}" "${targets[7]}")
    # Short: text searches, a sort, the sign-in and report forms; level 1, all techniques but inline queries.
    options=(--level=1 --risk=1 --technique=BEUST --time-sec=2)
    only() { case "$1" in notices | admin-users) echo q ;; reviews) echo sort ;; sign-in) echo Email ;; report-save) echo "Sections[1].Html" ;; esac; }
else
    options=(--level=3 --risk=2 --technique=BEUSTQ --time-sec=3)
    only() { echo ""; }
fi

if [ -n "$only_targets" ]; then
    chosen=()
    for target in "${targets[@]}"; do
        if [[ ",$only_targets," == *",${target%%|*},"* ]]; then chosen+=("$target"); fi
    done
    targets=("${chosen[@]}")
fi
# Version is not tested: it is the form's concurrency token, which sqlmap refreshes from the page before every request.
echo "sqlmap $(sqlmap --version 2>/dev/null | head -n 1) against $base ($mode run, ${options[*]}, DBMS SQLite)"
started=$(date +%s)
found=0
refused=0
for target in "${targets[@]}"; do
    IFS='|' read -r name account method url data params <<<"$target"
    subset=$(only "$name")
    params=${subset:-$params}
    if [ "$account" = anonymous ]; then cookie=$(cookie_header "$anon_jar"); else cookie=$(cookie_header "$work/$account.jar"); fi
    out="$work/sqlmap-$name"
    if [ "$name" = report-save ]; then
        current=$(curl -fsS -H "Cookie: $cookie" "$base/campaigns/$campaign/report" | grep -oE 'name="Version" value="[0-9]+"' | grep -oE '[0-9]+')
        data=${data/Version=1/Version=$current}
    fi
    args=(-u "$url" --cookie="$cookie" -p "$params" --batch --flush-session --output-dir="$out" -t "$out.traffic"
        --dbms=SQLite "${options[@]}" --answers="follow=N,keep testing=Y,other parameters=Y" --disable-coloring)
    # --data alone makes sqlmap POST; adding --method=POST would also turn its token page visit into an empty POST.
    if [ "$method" = POST ]; then args+=(--data="$data"); fi
    # Each save moves the report's version: sqlmap reads the current one from the page before every request, as the
    # browser would hand it out (its anti-CSRF feature, used for the concurrency token; the antiforgery token is reusable).
    if [ "$name" = report-save ]; then
        args+=(--csrf-token=Version --csrf-url="$base/campaigns/$campaign/report")
    fi
    expected=200
    if [ "$name" = report-save ]; then expected=302; fi
    # The sanity check first: the request as sqlmap will send it must be accepted (no 400 antiforgery, no sign-in redirect).
    if [ "$method" = POST ]; then
        code=$(curl -sS -o "$work/$name.html" -w '%{http_code} %{redirect_url}' -H "Cookie: $cookie" --data "$data" "$url")
        if [[ "$code" == *account/sign-in* ]]; then code="$code (signed out)"; else code=${code%% *}; fi
    else
        code=$(curl -sS -o "$work/$name.html" -w '%{http_code}' -H "Cookie: $cookie" "$url")
    fi
    t0=$(date +%s)
    sqlmap "${args[@]}" >"$out.log" 2>&1 || true
    seconds=$(($(date +%s) - t0))
    requests=$( (grep -c '^HTTP request \[#' "$out.traffic" 2>/dev/null) || true)
    requests=${requests:-0}
    # sqlmap logs each answer as "HTTP response [#n] (200 OK)" or, not followed, "HTTP redirect [#n] (302 Found)".
    answers=$( (grep -oE '^HTTP (response|redirect) \[#[0-9]+\] \([0-9]{3}' "$out.traffic" 2>/dev/null || true) | grep -oE '[0-9]{3}$' || true)
    codes=$(sort <<<"$answers" | uniq -c | awk 'NF == 2 {printf "%s×%s ", $2, $1}')
    # Accepted: a GET answered 200 (not a sign-in redirect), a form answered 200 (re-shown) or 302 (saved).
    if [ "$method" = GET ]; then accepted=$(grep -c '^200$' <<<"$answers" || true); else accepted=$(grep -cE '^(200|302)$' <<<"$answers" || true); fi
    # A redirect to the sign-in page means the session was lost: not accepted.
    lost=$( (grep -ciE '^Location: .*/account/sign-in' "$out.traffic" 2>/dev/null) || true)
    accepted=$((accepted - ${lost:-0}))
    echo "== $name ($method, as $account): sanity request answered $code (expected $expected); $requests requests in ${seconds}s, $accepted accepted; answers: ${codes:-none}"
    if grep -q "identified the following injection point" "$out.log"; then
        found=1
        echo "   INJECTABLE:"; sed -n '/identified the following injection point/,/^---$/p' "$out.log" | sed 's/^/   /'
    fi
    IFS=',' read -ra list <<<"$params"
    for p in "${list[@]}"; do
        if grep -F "parameter '$p' " "$out.log" | grep -qE "is vulnerable|(appears|seems) to be '.*' injectable"; then
            echo "   $p: INJECTABLE"; found=1
        elif grep -qF "parameter '$p' does not seem to be injectable" "$out.log"; then
            echo "   $p: not injectable"
        else
            echo "   $p: NOT TESTED (see log)"; refused=1
        fi
    done
    # Accepted means: the sanity request was answered as a real user's would be, and at least 90 % of sqlmap's were too.
    if [ "$code" != "$expected" ] || [ "$requests" -eq 0 ] || [ $((accepted * 10)) -lt $((requests * 9)) ]; then
        echo "   REFUSED: the portal did not accept these requests; the result above proves nothing"; refused=1
        tail -n 20 "$out.log" | sed 's/^/   | /'
    fi
done
echo "sqlmap: ${#targets[@]} endpoints in $(($(date +%s) - started))s; injectable: $found; refused or untested: $refused"
if [ "$found" -ne 0 ] || [ "$refused" -ne 0 ]; then exit 1; fi
echo "All tested parameters: not injectable."
