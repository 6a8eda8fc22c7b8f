# Shared by demo.sh's glassfish.sh and payara.sh (sourced): a fresh domain "lambda-demo" on the usual ports (admin
# 4848, HTTP 8080) and on 127.0.0.1 only, started and stopped with asadmin, and the adapter configured with
# src/main/scripts/configure-lambda-asadmin.sh as an administrator does it. The caller sets GF_HOME, SERVER_NAME and
# (for GlassFish) AS_JAVA.
DOMAIN=lambda-demo
SERVER_PORTS="4848 8080"   # demo.sh refuses to start when one is taken
APP_URL=http://127.0.0.1:8080/lambda-sample/
CONSOLE="admin console http://127.0.0.1:4848, user admin, no password (the domain listens on 127.0.0.1 only)"
FACTORY_JNDI=lambda/Default
PROFILE_JNDI=lambda/profiles/Sample
ASADMIN_OPTS=(--glassfish-home "$GF_HOME" --admin-port 4848)

# A new domain each run (its keys are generated once and the pristine copy reused), every listener on 127.0.0.1,
# the JMS broker off and Payara's data grid off; then started in the background (SERVER_PID).
server_start() {
  local domains=$GF_HOME/glassfish/domains pristine=$(dirname "$GF_HOME")/$DOMAIN.pristine
  rm -rf "${domains:?}/$DOMAIN"
  if [ ! -d "$pristine" ]; then
    echo "demo: creating the domain $DOMAIN (once)"
    "$GF_HOME/bin/asadmin" --user admin create-domain --nopassword=true --adminport 4848 --instanceport 8080 \
      "$DOMAIN" > /dev/null
    perl -0pi -e 's/address="0\.0\.0\.0"/address="127.0.0.1"/g;
      s/<network-listener port=/<network-listener address="127.0.0.1" port=/g;
      s/(<config name="server-config"[^>]*>)/$1<jms-service type="DISABLED" default-jms-host="default_JMS_host"><jms-host name="default_JMS_host" host="localhost" port="\${JMS_PROVIDER_PORT}" lazy-init="true"\/><\/jms-service>/;
      s/<hazelcast-config-specific-configuration>/<hazelcast-config-specific-configuration enabled="false">/' \
      "$domains/$DOMAIN/config/domain.xml"
    cp -a "$domains/$DOMAIN" "$pristine"
  else
    cp -a "$pristine" "$domains/$DOMAIN"
  fi
  echo "demo: starting $SERVER_NAME (log: $domains/$DOMAIN/logs/server.log)"
  "$GF_HOME/bin/asadmin" start-domain --verbose "$DOMAIN" > "$DEMO_DIR/$DOMAIN.out" 2>&1 &
  SERVER_PID=$!
  pids+=("$SERVER_PID")
  for _ in $(seq 1 180); do
    curl -fs -o /dev/null http://127.0.0.1:4848/management/domain 2>/dev/null && return 0
    kill -0 "$SERVER_PID" 2>/dev/null || break
    sleep 1
  done
  echo "demo: $SERVER_NAME did not start"; tail -20 "$DEMO_DIR/$DOMAIN.out"; return 1
}

server_configure() {
  local script=$ROOT/src/main/scripts/configure-lambda-asadmin.sh
  echo "demo: deploying the adapter"
  "$script" "${ASADMIN_OPTS[@]}" --deploy "$ROOT/adapter/target/lambda-jca-adapter.rar" > /dev/null
  echo "demo: configuring the credential profile $PROFILE_JNDI (ASSUME_ROLE $ROLE)"
  LAMBDA_SECRET_ACCESS_KEY=$SECRET_KEY "$script" "${ASADMIN_OPTS[@]}" --profile Sample --jndi "$PROFILE_JNDI" \
    --type ASSUME_ROLE --access-key-id "$ACCESS_KEY" --property "RoleArn=$ROLE" \
    --property RoleSessionName=lambda-sample --property "EndpointOverride=$ENDPOINT" > /dev/null
  echo "demo: configuring the connection definition ($FACTORY_JNDI -> $ENDPOINT)"
  "$script" "${ASADMIN_OPTS[@]}" --pool-name lambda-Default --jndi "$FACTORY_JNDI" --region us-east-1 \
    --endpoint "$ENDPOINT" --credential-profile "$PROFILE_JNDI" > /dev/null
}

server_deploy() {
  echo "demo: deploying the sample application"
  "$GF_HOME/bin/asadmin" --port 4848 deploy --force=true "$ROOT/sample-ear/target/lambda-sample.ear" > /dev/null
}

server_stop() {
  timeout 60 "$GF_HOME/bin/asadmin" stop-domain "$DOMAIN" > /dev/null 2>&1 || true
}
