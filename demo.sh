#!/usr/bin/env bash
# The demo on the embedded default: the local Lambda endpoint with the sample functions, a WildFly 39 unpacked from
# Maven Central into target/demo/, the adapter configured with src/main/scripts/configure-lambda-profile.sh (an
# ASSUME_ROLE credential profile whose temporary credentials the endpoint's STS issues) and
# src/main/scripts/configure-lambda-adapter.sh, deployed standalone, and the sample EAR with its web page. Ctrl-C stops everything it started; a second run needs no cleanup (the server's configuration
# is read-only, so each run starts from the distribution's).
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$(pwd)
WILDFLY_VERSION=39.0.1.Final
DEMO_DIR=$ROOT/target/demo
export JBOSS_HOME=$DEMO_DIR/wildfly-$WILDFLY_VERSION
LAMBDA_PORT=${LAMBDA_PORT:-9001}
pids=()

stop() {
  trap - EXIT INT TERM
  rm -f "$DEMO_DIR/ready"
  echo
  echo "demo: stopping"
  if [ -n "${wildfly_started:-}" ]; then
    timeout 30 "$JBOSS_HOME/bin/jboss-cli.sh" --connect --controller=127.0.0.1:9990 --command=:shutdown \
      > /dev/null 2>&1 || true
  fi
  for pid in "${pids[@]+"${pids[@]}"}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]+"${pids[@]}"}"; do wait "$pid" 2>/dev/null || true; done
}
trap stop EXIT INT TERM

if [ -z "${DEMO_SKIP_BUILD:-}" ]; then
  echo "demo: building (mvn install, tests skipped)"
  mvn -B -q install -DskipTests
fi
if [ ! -x "$JBOSS_HOME/bin/standalone.sh" ]; then
  echo "demo: unpacking WildFly $WILDFLY_VERSION from Maven Central"
  mvn -B -q org.apache.maven.plugins:maven-dependency-plugin:3.8.1:unpack \
      -Dartifact=org.wildfly:wildfly-dist:$WILDFLY_VERSION:zip -DoutputDirectory="$DEMO_DIR"
fi

zip=$ROOT/sample-functions/target/sample-functions-0.1.0-SNAPSHOT-lambda.zip
pkg=io.lambdajca.samples.functions
mkdir -p "$DEMO_DIR"
echo "demo: starting the local Lambda endpoint on 127.0.0.1:$LAMBDA_PORT"
role=arn:aws:iam::123456789012:role/lambda-sample
java -jar local-lambda/target/local-lambda.jar --port "$LAMBDA_PORT" --role "$role" \
  --function "name=greeting,handler=$pkg.Greeting,code=$zip,env.GREETING=Hello,description=Greets a name" \
  --function "name=order-pricing,handler=$pkg.OrderPricing,code=$zip,memory=256,description=Prices an order" \
  --function "name=payment-failure,handler=$pkg.PaymentFailure,code=$zip,description=Always fails" \
  --function "name=slow-report,handler=$pkg.SlowReport,code=$zip,timeout=10,description=Takes its time" \
  > "$DEMO_DIR/local-lambda.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 100); do
  grep -q "listening on" "$DEMO_DIR/local-lambda.log" 2>/dev/null && break
  kill -0 "${pids[0]}" 2>/dev/null || { cat "$DEMO_DIR/local-lambda.log"; exit 1; }
  sleep 0.1
done
endpoint=$(grep -o 'http://[0-9.:]*' "$DEMO_DIR/local-lambda.log" | tail -1)

echo "demo: starting WildFly (log: $JBOSS_HOME/standalone/log/server.log)"
export LAUNCH_JBOSS_IN_BACKGROUND=1   # standalone.sh then passes signals on to the server's JVM
wildfly_started=1
"$JBOSS_HOME/bin/standalone.sh" --read-only-server-config=standalone.xml -Djboss.bind.address=127.0.0.1 \
  -Djboss.bind.address.management=127.0.0.1 > "$DEMO_DIR/wildfly.out" 2>&1 &
pids+=($!)
cli() { "$JBOSS_HOME/bin/jboss-cli.sh" --connect --controller=127.0.0.1:9990 "$@"; }
for _ in $(seq 1 120); do
  state=$(cli --command=":read-attribute(name=server-state)" 2>/dev/null | grep -o '"running"' || true)
  [ -n "$state" ] && break
  sleep 1
done
[ -n "$state" ] || { echo "demo: WildFly did not start"; tail -20 "$DEMO_DIR/wildfly.out"; exit 1; }

echo "demo: configuring the credential profile java:/lambda/profiles/Sample (ASSUME_ROLE $role)"
LAMBDA_SECRET_ACCESS_KEY=local-lambda/test/secret/key/not/for/aws src/main/scripts/configure-lambda-profile.sh \
  --profile Sample --type ASSUME_ROLE --property "RoleArn=$role" --property RoleSessionName=lambda-sample \
  --property AccessKeyId=AKIALOCALLAMBDATEST1 --property "EndpointOverride=$endpoint" > /dev/null
echo "demo: configuring the adapter (java:/lambda/Default -> $endpoint)"
src/main/scripts/configure-lambda-adapter.sh --endpoint "$endpoint" \
  --credential-profile java:/lambda/profiles/Sample > /dev/null
cli --command="deploy adapter/target/lambda-jca-adapter.rar --force" > /dev/null
echo "demo: deploying the sample application"
cli --command="deploy sample-ear/target/lambda-sample.ear --force" > /dev/null
url=http://127.0.0.1:8080/lambda-sample/
for _ in $(seq 1 50); do
  curl -fs "${url}api/functions" > /dev/null 2>&1 && break
  sleep 0.2
done

cat <<MSG

demo: running.
  Sample page            $url
  Local Lambda endpoint  $endpoint  (functions: greeting, order-pricing, payment-failure, slow-report)
  WildFly                http://127.0.0.1:8080  (management console http://127.0.0.1:9990)
  Connection factory     java:/lambda/Default, from lambda-jca-adapter.rar
  Credential profile     java:/lambda/profiles/Sample (ASSUME_ROLE $role, temporary credentials from the endpoint's STS)
Press Ctrl-C to stop.
MSG
echo "$url" > "$DEMO_DIR/ready"
# runs until Ctrl-C or until WildFly ends; the page explains an outage of the endpoint while WildFly stays up
wait "${pids[1]}"
