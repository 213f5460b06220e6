#!/usr/bin/env bash
# Load test: the bridge as a jar, a BambooHR that answers at once, and signed distinct hires sent at a fixed rate.
#   bench/hire-load.sh [h2|postgres] [hires per second] [seconds] [warm-up seconds, default 60]
# BRIDGE_JAVA_OPTS adds JVM options to the bridge, e.g. -XX:StartFlightRecording=filename=bridge.jfr,settings=profile
# postgres needs Debian's PostgreSQL server (apt-get install postgresql); a throw-away cluster is started and removed.
# docs/benchmarks.md records runs and the machine.
set -euo pipefail
cd "$(dirname "$0")/.."
db="${1:-h2}"; rate="${2:-300}"; seconds="${3:-20}"; warmup="${4:-60}"
port=18080; standin=18089; pgport=15432
jar=target/comeet-hire-bridge-0.1.0-SNAPSHOT.jar
[ -f "$jar" ] || ./mvnw -q -B -DskipTests package
work="$(mktemp -d)"
bridge=""
cleanup() {
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

java -Xmx1g ${BRIDGE_JAVA_OPTS:-} -jar "$jar" --spring.profiles.active=bench --server.port="$port" \
  --spring.datasource.url="$url" --spring.datasource.username="$user" --spring.datasource.password="$password" \
  --hirebridge.companies.bench.secrets[0]=bench-secret --hirebridge.companies.bench.target=bamboohr \
  --hirebridge.companies.bench.bamboohr.base-url="http://127.0.0.1:$standin/api/gateway.php/bench" \
  --hirebridge.companies.bench.bamboohr.api-key=bench-key > "$work/bridge.log" 2>&1 &
bridge=$!
for _ in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$port/actuator/health/readiness" >/dev/null && break
  sleep 0.5
done
echo "bridge on $db, $(nproc) cores; sending $rate hires/s for $seconds s"
java bench/HireLoad.java --url "http://127.0.0.1:$port/comeet/bench/create-employee" --secret bench-secret \
  --rate "$rate" --seconds "$seconds" --warmup-seconds "$warmup" --stand-in "$standin"
