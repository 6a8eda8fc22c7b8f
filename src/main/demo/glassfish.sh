# demo.sh --server glassfish: sourced by demo.sh, which has set ROOT, DEMO_DIR, ENDPOINT, ROLE, ACCESS_KEY and
# SECRET_KEY. GlassFish 8 unpacked from Maven Central; it needs a JDK 21+ (GLASSFISH_JAVA_HOME, by default the
# Temurin 25 JDK these machines have).
GLASSFISH_VERSION=8.0.0
GF_HOME=$DEMO_DIR/glassfish-$GLASSFISH_VERSION/glassfish8
SERVER_NAME="GlassFish $GLASSFISH_VERSION"
export AS_JAVA=${GLASSFISH_JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}

server_provision() {
  [ -x "$AS_JAVA/bin/java" ] || { echo "demo: GlassFish $GLASSFISH_VERSION needs a JDK 21+: set GLASSFISH_JAVA_HOME (none at $AS_JAVA)" >&2; exit 1; }
  [ -x "$GF_HOME/bin/asadmin" ] && return 0
  echo "demo: unpacking GlassFish $GLASSFISH_VERSION from Maven Central"
  unpack org.glassfish.main.distributions:glassfish:$GLASSFISH_VERSION:zip "$(dirname "$GF_HOME")"
}

. "$ROOT/src/main/demo/asadmin-domain.sh"
