# demo.sh --server liberty: sourced by demo.sh, which has set ROOT, DEMO_DIR, ENDPOINT, ROLE, ACCESS_KEY and
# SECRET_KEY. The full Open Liberty runtime unpacked from Maven Central; a server whose server.xml includes the
# adapter's resources in the layout of src/main/liberty/lambda-jca.xml, as a Liberty administrator writes them.
LIBERTY_VERSION=26.0.0.3
WLP=$DEMO_DIR/openliberty-$LIBERTY_VERSION/wlp
LIBERTY_SERVER=lambda-demo
SERVER_DIR=$WLP/usr/servers/$LIBERTY_SERVER
SERVER_NAME="Open Liberty $LIBERTY_VERSION"
SERVER_PORTS="9080"   # demo.sh refuses to start when one is taken
APP_URL=http://127.0.0.1:9080/lambda-sample/
CONSOLE="messages.log: $SERVER_DIR/logs/messages.log"
FACTORY_JNDI=lambda/Default
PROFILE_JNDI=lambda/profiles/Sample

server_provision() {
  [ -x "$WLP/bin/server" ] && return 0
  echo "demo: unpacking Open Liberty $LIBERTY_VERSION from Maven Central"
  unpack io.openliberty:openliberty-runtime:$LIBERTY_VERSION:zip "$(dirname "$WLP")"
}

# Liberty reads its configuration at start and on change: the server, the adapter, its resources and the sample
# are all written before it starts.
server_start() {
  rm -rf "$SERVER_DIR"
  "$WLP/bin/server" create "$LIBERTY_SERVER" > /dev/null
  cp "$ROOT/adapter/target/lambda-jca-adapter.rar" "$ROOT/sample-ear/target/lambda-sample.ear" "$SERVER_DIR/"
  # the secret key as a Liberty variable from a file (the adapter's secretAccessKey is not decoded from {aes})
  mkdir -p "$SERVER_DIR/variables"
  (umask 077; printf '%s' "$SECRET_KEY" > "$SERVER_DIR/variables/lambda-secret-key")
  cat > "$SERVER_DIR/server.xml" <<XML
<server description="Lambda JCA demo">
    <featureManager>
        <feature>connectors-2.1</feature>
        <feature>cdi-4.0</feature>
        <feature>enterpriseBeansLite-4.0</feature>
        <feature>restfulWS-3.1</feature>
        <feature>jsonb-3.0</feature>
        <feature>concurrent-3.0</feature>
    </featureManager>
    <httpEndpoint id="defaultHttpEndpoint" host="127.0.0.1" httpPort="9080" httpsPort="-1"/>
    <include location="lambda-demo.xml"/>
    <enterpriseApplication id="lambda-sample" location="\${server.config.dir}/lambda-sample.ear" name="lambda-sample">
        <classloader classProviderRef="lambda"/>
    </enterpriseApplication>
</server>
XML
  echo "demo: configuring the credential profile $PROFILE_JNDI (ASSUME_ROLE $ROLE) and $FACTORY_JNDI -> $ENDPOINT"
  cat > "$SERVER_DIR/lambda-demo.xml" <<XML
<server>
    <resourceAdapter id="lambda" location="\${server.config.dir}/lambda-jca-adapter.rar" autoStart="true"/>
    <adminObject id="lambdaSampleProfile" jndiName="$PROFILE_JNDI">
        <properties.lambda type="ASSUME_ROLE" roleArn="$ROLE" roleSessionName="lambda-sample"
            accessKeyId="$ACCESS_KEY" secretAccessKey="\${lambda-secret-key}" endpointOverride="$ENDPOINT"/>
    </adminObject>
    <connectionFactory id="lambdaDefault" jndiName="$FACTORY_JNDI">
        <connectionManager maxPoolSize="20" connectionTimeout="5s"/>
        <properties.lambda region="us-east-1" endpointOverride="$ENDPOINT" credentialProfile="$PROFILE_JNDI"/>
    </connectionFactory>
</server>
XML
  echo "demo: starting Open Liberty (log: $SERVER_DIR/logs/messages.log)"
  "$WLP/bin/server" run "$LIBERTY_SERVER" > "$DEMO_DIR/liberty.out" 2>&1 &
  SERVER_PID=$!
  pids+=("$SERVER_PID")
  for _ in $(seq 1 120); do
    grep -q "CWWKF0011I" "$SERVER_DIR/logs/messages.log" 2>/dev/null && return 0
    kill -0 "$SERVER_PID" 2>/dev/null || break
    sleep 1
  done
  echo "demo: Open Liberty did not start"; tail -20 "$DEMO_DIR/liberty.out"; return 1
}

server_configure() {
  : # written with the server's configuration in server_start
}

server_deploy() {
  echo "demo: the sample application is deployed from server.xml"
}

server_stop() {
  timeout 60 "$WLP/bin/server" stop "$LIBERTY_SERVER" > /dev/null 2>&1 || true
}
