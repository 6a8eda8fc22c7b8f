#!/usr/bin/env bash
# Benchmark of the local Lambda endpoint: invokes/s of an echo function with 32 keep-alive connections, from wrk
# (Debian's, installed if missing) replaying a signed request, and through the AWS SDK client; alternated with rounds
# against a bare Undertow handler, so that the figure can be read against what the machine does at the time.
# Usage: local-lambda/bench/run.sh [seconds-per-run]   (default 20)
# Options for the JVM in BENCH_JAVA_OPTS, e.g. BENCH_JAVA_OPTS="-Dbench.rounds=5 -Dbench.wrkThreads=1 -Dbench.sdk=false"
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v wrk >/dev/null; then
  echo "installing wrk from Debian's packages"
  apt-get update -qq && apt-get install -y -qq wrk
fi
# built in the reactor (never installed: ~/.m2 is left alone); each module's classpath names its siblings' target jars
mvn -B -q -o -f ../pom.xml package dependency:build-classpath -DskipTests -pl local-lambda -am \
  -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
java -Xmx1g ${BENCH_JAVA_OPTS:-} -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" \
  io.lambdajca.local.bench.LocalLambdaBenchmark "${1:-20}" target/functions/test-functions.zip
