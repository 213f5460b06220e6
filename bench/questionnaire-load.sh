#!/usr/bin/env bash
# Load test of the hire questionnaire: the bridge as a jar on H2, an instantly answering BambooHR whose departments
# are read at start-up (warm caches), and 50 (or N) signed questionnaire requests kept in flight.
#   bench/questionnaire-load.sh [concurrent requests] [seconds] [warm-up seconds, default 30]
# docs/benchmarks.md records runs and the machine.
set -euo pipefail
cd "$(dirname "$0")/.."
# Sent by Debian's wrk (apt-get install wrk), which keeps the connections busy at little CPU of its own;
# LOAD_TOOL=java sends with bench/HireLoad.java instead.
LOAD_TOOL="${LOAD_TOOL:-wrk}" WEBHOOK=hire-questionnaire CONCURRENCY="${1:-50}" exec bench/hire-load.sh h2 1 "${2:-20}" "${3:-30}"
