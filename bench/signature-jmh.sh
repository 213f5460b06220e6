#!/usr/bin/env bash
# JMH benchmark of signature verification (raw and sorted paths, 5 KB and 100 KB hires).
#   bench/signature-jmh.sh [extra JMH options]     e.g. bench/signature-jmh.sh -f 1 -wi 3 -i 5
# Results go to target/jmh-signature.json; docs/benchmarks.md records a run and the machine.
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -gt 0 ] || set -- -f 2 -wi 5 -w 2s -i 10 -r 2s
./mvnw -q -B -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt \
  -Dmdep.includeScope=test
java -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" org.openjdk.jmh.Main \
  SignatureVerificationBenchmark -rf json -rff target/jmh-signature.json "$@"
