#!/usr/bin/env bash
# The demo on the embedded default: the local Lambda endpoint with the sample functions, an application server
# provisioned from Maven Central into target/demo/ (WildFly 39 by default; --server liberty, glassfish or payara for the
# others), the adapter configured with that server's own tools (src/main/scripts, src/main/liberty) with an
# ASSUME_ROLE credential profile whose temporary credentials the endpoint's STS issues, the RAR deployed standalone,
# and the sample EAR with its web page. Ctrl-C stops everything it started; a second run needs no cleanup.
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$(pwd)
SERVER=wildfly
usage() {
  cat <<'USAGE'
Usage: ./demo.sh [--server wildfly|liberty|glassfish|payara]

Runs the sample on the local Lambda endpoint in the server named (default wildfly). DEMO_SKIP_BUILD=1 skips the
build; LAMBDA_PORT sets the endpoint's port (default 9001).
USAGE
}
while [ $# -gt 0 ]; do
  case "$1" in
    --server) [ $# -ge 2 ] || { echo "demo: --server needs a value" >&2; exit 2; }; SERVER=$2; shift 2 ;;
    --help|-h) usage; exit 0 ;;
    *) echo "demo: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
case "$SERVER" in
  wildfly|liberty|glassfish|payara) ;;
  *) echo "demo: --server must be wildfly, liberty, glassfish or payara, not '$SERVER'" >&2; exit 2 ;;
esac
DEMO_DIR=$ROOT/target/demo
LAMBDA_PORT=${LAMBDA_PORT:-9001}
ROLE=arn:aws:iam::123456789012:role/lambda-sample
# the local endpoint's own test key pair (not AWS credentials): the source of the ASSUME_ROLE profile
ACCESS_KEY=AKIALOCALLAMBDATEST1
SECRET_KEY=local-lambda/test/secret/key/not/for/aws
pids=()

# Unpacks a zip artifact from Maven Central into DEMO_DIR, or into the directory given second (one per version, so
# that a changed version is unpacked again instead of the old one being reused). Called only when the server is not
# there: the plugin's marker of an earlier unpack (in target/, which outlives a deleted target/demo/) is overridden.
unpack() {
  mvn -B -q org.apache.maven.plugins:maven-dependency-plugin:3.8.1:unpack -Dartifact="$1" \
      -DoutputDirectory="${2:-$DEMO_DIR}" -Dmdep.overWriteReleases=true
}

# Fails naming the first of the ports something already listens on at 127.0.0.1: the demo never talks to, configures
# or stops a server it did not start.
ports_free() {
  local port
  for port in "$@"; do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "demo: port $port is taken: stop what uses it"; return 1
    fi
  done
}

. "$ROOT/src/main/demo/$SERVER.sh"
# before anything is started, built or stopped: a server already on these ports is not ours to touch
ports_free $SERVER_PORTS || exit 1

stop() {
  trap - EXIT INT TERM
  rm -f "$DEMO_DIR/ready"
  echo
  echo "demo: stopping"
  if [ -n "${server_started:-}" ]; then server_stop; fi
  for pid in "${pids[@]+"${pids[@]}"}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]+"${pids[@]}"}"; do wait "$pid" 2>/dev/null || true; done
}
# Ctrl-C stops everything and ends the script: what it was doing (waiting for the server, configuring) goes no further
trap stop EXIT
trap 'stop; exit 130' INT
trap 'stop; exit 143' TERM

if [ -z "${DEMO_SKIP_BUILD:-}" ]; then
  echo "demo: building what it runs (mvn install, tests skipped)"
  mvn -B -q install -DskipTests -pl local-lambda,sample-functions,adapter,sample-ear -am
fi
mkdir -p "$DEMO_DIR"
server_provision

zip=$ROOT/sample-functions/target/sample-functions-0.1.0-SNAPSHOT-lambda.zip
pkg=io.lambdajca.samples.functions
echo "demo: starting the local Lambda endpoint on 127.0.0.1:$LAMBDA_PORT"
java -jar local-lambda/target/local-lambda.jar --port "$LAMBDA_PORT" --role "$ROLE" \
  --function "name=greeting,handler=$pkg.Greeting,code=$zip,env.GREETING=Hello,description=Greets a name" \
  --function "name=order-pricing,handler=$pkg.OrderPricing,code=$zip,memory=256,description=Prices an order" \
  --function "name=payment-failure,handler=$pkg.PaymentFailure,code=$zip,description=Always fails" \
  --function "name=slow-report,handler=$pkg.SlowReport,code=$zip,timeout=10,description=Takes its time" \
  --function "name=monthly-report,handler=$pkg.MonthlyReport,code=$zip,timeout=30,description=Streams a report line by line" \
  > "$DEMO_DIR/local-lambda.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 100); do
  grep -q "listening on" "$DEMO_DIR/local-lambda.log" 2>/dev/null && break
  kill -0 "${pids[0]}" 2>/dev/null || { cat "$DEMO_DIR/local-lambda.log"; exit 1; }
  sleep 0.1
done
ENDPOINT=$(grep -o 'http://[0-9.:]*' "$DEMO_DIR/local-lambda.log" | tail -1 || true)
[ -n "$ENDPOINT" ] || { echo "demo: the local Lambda endpoint did not start:"; cat "$DEMO_DIR/local-lambda.log"; exit 1; }

server_started=1
server_start   # adds the server's process to pids as soon as it is started
server_configure
server_deploy
answered=
for _ in $(seq 1 100); do
  curl -fs "${APP_URL}api/functions" > /dev/null 2>&1 && { answered=1; break; }
  sleep 0.3
done
[ -n "$answered" ] || { echo "demo: the sample application does not answer at ${APP_URL}api/functions; see the server's log"; exit 1; }

cat <<MSG

demo: running on $SERVER_NAME.
  Sample page            $APP_URL
  Local Lambda endpoint  $ENDPOINT  (functions: greeting, monthly-report, order-pricing, payment-failure, slow-report)
  $SERVER_NAME  ($CONSOLE)
  Connection factory     $FACTORY_JNDI, from lambda-jca-adapter.rar
  Credential profile     $PROFILE_JNDI (ASSUME_ROLE $ROLE, temporary credentials from the endpoint's STS)
Press Ctrl-C to stop.
MSG
echo "$APP_URL" > "$DEMO_DIR/ready"
# runs until Ctrl-C or until the server ends; the page explains an outage of the endpoint while the server stays up
wait "$SERVER_PID"
