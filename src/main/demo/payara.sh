# demo.sh --server payara: sourced by demo.sh, which has set ROOT, DEMO_DIR, ENDPOINT, ROLE, ACCESS_KEY and
# SECRET_KEY. Payara Server 6 unpacked from Maven Central, on this JDK (17+).
PAYARA_VERSION=6.2025.9
GF_HOME=$DEMO_DIR/payara-$PAYARA_VERSION/payara6
SERVER_NAME="Payara Server $PAYARA_VERSION"

server_provision() {
  [ -x "$GF_HOME/bin/asadmin" ] && return 0
  echo "demo: unpacking Payara $PAYARA_VERSION from Maven Central"
  unpack fish.payara.distributions:payara:$PAYARA_VERSION:zip "$(dirname "$GF_HOME")"
}

. "$ROOT/src/main/demo/asadmin-domain.sh"
