# demo.sh --server wildfly (the default): sourced by demo.sh, which has set ROOT, DEMO_DIR, ENDPOINT, ROLE, ACCESS_KEY
# and SECRET_KEY. WildFly 39 unpacked from Maven Central, configured with the project's CLI scripts.
WILDFLY_VERSION=39.0.1.Final
export JBOSS_HOME=$DEMO_DIR/wildfly-$WILDFLY_VERSION
SERVER_NAME="WildFly $WILDFLY_VERSION"
SERVER_PORTS="8080 9990"   # demo.sh refuses to start when one is taken
APP_URL=http://127.0.0.1:8080/lambda-sample/
# the management console's user, made (or given a new password) by each run with add-user.sh
CONSOLE_USER=lambda-admin
CONSOLE_PASSWORD=Lambda-$(od -An -N6 -tx1 /dev/urandom | tr -d ' \n')-1
CONSOLE="management console http://127.0.0.1:9990/console, user $CONSOLE_USER, password $CONSOLE_PASSWORD"
FACTORY_JNDI=java:/lambda/Default
PROFILE_JNDI=java:/lambda/profiles/Sample

cli() { "$JBOSS_HOME/bin/jboss-cli.sh" --connect --controller=127.0.0.1:9990 "$@"; }

server_provision() {
  [ -x "$JBOSS_HOME/bin/standalone.sh" ] && return 0
  echo "demo: unpacking WildFly $WILDFLY_VERSION from Maven Central"
  unpack org.wildfly:wildfly-dist:$WILDFLY_VERSION:zip
}

# Starts the server in the background (its configuration is read-only, so each run starts from the distribution's)
# and waits until it runs; sets SERVER_PID.
server_start() {
  "$JBOSS_HOME/bin/add-user.sh" -u "$CONSOLE_USER" -p "$CONSOLE_PASSWORD" -s > /dev/null
  rm -rf "$JBOSS_HOME/standalone/log"   # this run's log only, as the other servers' demos have
  echo "demo: starting WildFly (log: $JBOSS_HOME/standalone/log/server.log)"
  export LAUNCH_JBOSS_IN_BACKGROUND=1   # standalone.sh then passes signals on to the server's JVM
  "$JBOSS_HOME/bin/standalone.sh" --read-only-server-config=standalone.xml -Djboss.bind.address=127.0.0.1 \
    -Djboss.bind.address.management=127.0.0.1 > "$DEMO_DIR/wildfly.out" 2>&1 &
  SERVER_PID=$!
  pids+=("$SERVER_PID")
  local state=
  for _ in $(seq 1 120); do
    state=$(cli --command=":read-attribute(name=server-state)" 2>/dev/null | grep -o '"running"' || true)
    [ -n "$state" ] && return 0
    kill -0 "$SERVER_PID" 2>/dev/null || break
    sleep 1
  done
  echo "demo: WildFly did not start"; tail -20 "$DEMO_DIR/wildfly.out"; return 1
}

server_configure() {
  echo "demo: configuring the credential profile $PROFILE_JNDI (ASSUME_ROLE $ROLE)"
  LAMBDA_SECRET_ACCESS_KEY=$SECRET_KEY "$ROOT/src/main/scripts/configure-lambda-profile.sh" \
    --profile Sample --type ASSUME_ROLE --property "RoleArn=$ROLE" --property RoleSessionName=lambda-sample \
    --property "AccessKeyId=$ACCESS_KEY" --property "EndpointOverride=$ENDPOINT" > /dev/null
  echo "demo: configuring the adapter ($FACTORY_JNDI -> $ENDPOINT)"
  "$ROOT/src/main/scripts/configure-lambda-adapter.sh" --endpoint "$ENDPOINT" --jndi "$FACTORY_JNDI" \
    --credential-profile "$PROFILE_JNDI" > /dev/null
}

server_deploy() {
  cli --command="deploy $ROOT/adapter/target/lambda-jca-adapter.rar --force" > /dev/null
  echo "demo: deploying the sample application"
  cli --command="deploy $ROOT/sample-ear/target/lambda-sample.ear --force" > /dev/null
}

server_stop() {
  timeout 30 "$JBOSS_HOME/bin/jboss-cli.sh" --connect --controller=127.0.0.1:9990 --command=:shutdown \
    > /dev/null 2>&1 || true
}
