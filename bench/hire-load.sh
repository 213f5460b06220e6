#!/usr/bin/env bash
# Load test: the bridge as a jar, a BambooHR that answers at once, and signed distinct hires sent at a fixed rate.
#   bench/hire-load.sh [h2|postgres] [hires per second] [seconds] [warm-up seconds, default 60]
#   WEBHOOK=hire-questionnaire CONCURRENCY=50 bench/hire-load.sh h2 0 20   (bench/questionnaire-load.sh)
# WEBHOOK picks the webhook (default create-employee; hire-questionnaire gives company bench three questions, one
# with options from BambooHR's departments); CONCURRENCY, when set, keeps that many requests in flight instead of a
# fixed rate. BRIDGE_JAVA_OPTS replaces the bridge's JVM options (default: -Xmx1g -XX:+UseParallelGC, as the
# README's production command), e.g. "-Xmx1g -XX:+UseG1GC" to compare collectors, or add
# -XX:StartFlightRecording=filename=bridge.jfr,settings=profile to profile.
# LOAD_TOOL=wrk sends with Debian's wrk instead of bench/HireLoad.java (CONCURRENCY connections, one signed body).
# postgres needs Debian's PostgreSQL server (apt-get install postgresql); a throw-away cluster is started and removed.
# docs/benchmarks.md records runs and the machine.
set -euo pipefail
cd "$(dirname "$0")/.."
db="${1:-h2}"; rate="${2:-300}"; seconds="${3:-20}"; warmup="${4:-60}"
webhook="${WEBHOOK:-create-employee}"; concurrency="${CONCURRENCY:-0}"
# Other ports through BENCH_PORT and BENCH_STAND_IN_PORT, when another run on the machine holds these.
port="${BENCH_PORT:-18080}"; standin="${BENCH_STAND_IN_PORT:-18089}"; pgport=15432
jar=target/comeet-hire-bridge-0.1.0-SNAPSHOT.jar
[ -f "$jar" ] || ./mvnw -q -B -DskipTests package
work="$(mktemp -d)"
bridge=""; early_standin=""
cleanup() {
  if [ -n "$early_standin" ]; then kill "$early_standin" 2>/dev/null || true; wait "$early_standin" 2>/dev/null || true; fi
  if [ -n "$bridge" ]; then kill "$bridge" 2>/dev/null || true; wait "$bridge" 2>/dev/null || true; fi
  if [ -d "$work/pg" ]; then runuser -u postgres -- "$pgbin/pg_ctl" -D "$work/pg" -m fast stop >/dev/null 2>&1 || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

case "$db" in
  h2) url="jdbc:h2:file:$work/bench;TRACE_LEVEL_FILE=0"; user=sa; password="" ;;
  postgres)
    pgbin="$(ls -d /usr/lib/postgresql/*/bin | tail -1)"
    chown postgres "$work"
    runuser -u postgres -- "$pgbin/initdb" -D "$work/pg" -A trust -U bench >/dev/null
    runuser -u postgres -- "$pgbin/pg_ctl" -D "$work/pg" -o "-p $pgport -k $work" -l "$work/pg.log" -w start >/dev/null
    runuser -u postgres -- "$pgbin/createdb" -h 127.0.0.1 -p "$pgport" -U bench bench
    url="jdbc:postgresql://127.0.0.1:$pgport/bench"; user=bench; password="" ;;
  *) echo "usage: bench/hire-load.sh [h2|postgres] [rate] [seconds]" >&2; exit 2 ;;
esac

standin_option=(--stand-in "$standin")
if [ "$webhook" = hire-questionnaire ]; then
  # The bridge reads the list fields at start-up: BambooHR must answer before it starts, so the caches are warm.
  java bench/HireLoad.java --stand-in "$standin" --stand-in-only > "$work/stand-in.log" 2>&1 &
  early_standin=$!
  for _ in $(seq 1 60); do
    curl -s -o /dev/null "http://127.0.0.1:$standin/" && break
    sleep 0.5
  done
  standin_option=()
fi

java ${BRIDGE_JAVA_OPTS:--Xmx1g -XX:+UseParallelGC} -jar "$jar" --spring.profiles.active=bench --server.port="$port" \
  --spring.datasource.url="$url" --spring.datasource.username="$user" --spring.datasource.password="$password" \
  --hirebridge.companies.bench.secrets[0]=bench-secret --hirebridge.companies.bench.target=bamboohr \
  --hirebridge.companies.bench.bamboohr.base-url="http://127.0.0.1:$standin/api/gateway.php/bench" \
  --hirebridge.companies.bench.bamboohr.api-key=bench-key \
  --hirebridge.companies.bench.questionnaire[0].uid=department \
  --hirebridge.companies.bench.questionnaire[0].type=dropdown \
  --hirebridge.companies.bench.questionnaire[0].title="Department in BambooHR" \
  --hirebridge.companies.bench.questionnaire[0].options-from=department \
  --hirebridge.companies.bench.questionnaire[1].uid=preferred_name \
  --hirebridge.companies.bench.questionnaire[1].type=short_answer \
  --hirebridge.companies.bench.questionnaire[1].title="Preferred first name" \
  --hirebridge.companies.bench.questionnaire[2].uid=laptop \
  --hirebridge.companies.bench.questionnaire[2].type=dropdown \
  --hirebridge.companies.bench.questionnaire[2].title=Laptop \
  --hirebridge.companies.bench.questionnaire[2].options[0].uid=mac \
  --hirebridge.companies.bench.questionnaire[2].options[0].title="MacBook Pro" \
  --hirebridge.companies.bench.questionnaire[2].when.position.department="R&D" > "$work/bridge.log" 2>&1 &
bridge=$!
for _ in $(seq 1 120); do
  kill -0 "$bridge" 2>/dev/null || { echo "the bridge did not start:" >&2; tail -20 "$work/bridge.log" >&2; exit 1; }
  curl -sf "http://127.0.0.1:$port/actuator/health/readiness" >/dev/null && break
  sleep 0.5
done
if [ "$webhook" = hire-questionnaire ]; then
  grep -o "Read the questionnaire's option lists.*\|Could not read the questionnaire's option lists.*" "$work/bridge.log" || true
fi
echo "bridge on $db, $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); $webhook for $seconds s"
if [ "${LOAD_TOOL:-java}" = wrk ]; then
  # wrk (Debian's package) keeps CONCURRENCY connections busy with one signed request, at little CPU of its own:
  # for a webhook that records nothing, such as the questionnaire.
  body="$work/body.json"; cp "${HIRE:-scripts/sample-hire.json}" "$body"
  signature="$(openssl dgst -sha256 -hmac bench-secret -hex < "$body" | sed 's/^.*= //')"
  cat > "$work/wrk.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["signature"] = "sha256 $signature"
local file = io.open("$body", "rb"); wrk.body = file:read("*a"); file:close()
LUA
  target="http://127.0.0.1:$port/comeet/bench/$webhook"
  echo "warm-up: $warmup s at $concurrency connections"
  wrk -t2 -c"$concurrency" -d"${warmup}s" -s "$work/wrk.lua" "$target" > /dev/null
  wrk -t2 -c"$concurrency" -d"${seconds}s" --latency -s "$work/wrk.lua" "$target"
  exit 0
fi
java bench/HireLoad.java --url "http://127.0.0.1:$port/comeet/bench/$webhook" --secret bench-secret \
  --rate "$rate" --concurrency "$concurrency" --seconds "$seconds" --warmup-seconds "$warmup" "${standin_option[@]}"
