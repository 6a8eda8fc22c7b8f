#!/usr/bin/env bash
# Configures a Lambda credential profile in a running WildFly through its CLI: an administered object of the
# resource adapter (class io.lambdajca.adapter.LambdaCredentialProfile), bound in JNDI, with its type and properties.
# Connection definitions use it with the config property CredentialProfile=<its JNDI name>.
set -euo pipefail
SCRIPT=configure-lambda-profile
. "$(dirname "$0")/lambda-cli-lib.sh"

usage() {
  cat <<'USAGE'
Usage: configure-lambda-profile.sh --profile NAME --type TYPE [options]

Server:
  --jboss-home DIR        WildFly installation [JBOSS_HOME]
  --controller HOST:PORT  management address (default 127.0.0.1:9990) [LAMBDA_CONTROLLER]
Resource adapter:
  --name NAME             resource-adapter resource name (default lambda) [LAMBDA_RA_NAME]
  --archive FILE          deployment name of the RAR (default lambda-jca-adapter.rar) [LAMBDA_ARCHIVE]
Profile:
  --profile NAME          admin-objects resource name, such as Invoker (required)
  --jndi NAME             JNDI name (default java:/lambda/profiles/NAME)
  --type TYPE             STATIC, ASSUME_ROLE, ROLES_ANYWHERE or DEFAULT_CHAIN (required unless --remove)
  --property NAME=VALUE   a profile property, e.g. RoleArn=arn:aws:iam::123456789012:role/invoker (repeatable).
                          Confidential ones (SecretAccessKey, SessionToken, KeystorePassword) may also come from
                          the environment: LAMBDA_SECRET_ACCESS_KEY, LAMBDA_SESSION_TOKEN, LAMBDA_KEYSTORE_PASSWORD;
                          a value may be an expression such as ${ENC::...} (an Elytron encrypted expression) or ${ENV_VAR}.
Other:
  --remove                remove the profile
  --print                 print the CLI commands (secrets masked) instead of running them
  --append-to FILE        append the CLI commands (secrets included) to FILE instead of running them, to run
                          several configurations in one jboss-cli.sh --file=FILE call
  --help                  this help
USAGE
}

JBOSS_HOME=${JBOSS_HOME:-}
CONTROLLER=${LAMBDA_CONTROLLER:-127.0.0.1:9990}
RA_NAME=${LAMBDA_RA_NAME:-lambda}
ARCHIVE=${LAMBDA_ARCHIVE:-lambda-jca-adapter.rar}
PROFILE=
JNDI=
TYPE=
PROPS=()
REMOVE=false
PRINT=false
APPEND_TO=

while [ $# -gt 0 ]; do
  case "$1" in
    --jboss-home) need "$@"; JBOSS_HOME=$2; shift 2 ;;
    --controller) need "$@"; CONTROLLER=$2; shift 2 ;;
    --name) need "$@"; RA_NAME=$2; shift 2 ;;
    --archive) need "$@"; ARCHIVE=$2; shift 2 ;;
    --profile) need "$@"; PROFILE=$2; shift 2 ;;
    --jndi) need "$@"; JNDI=$2; shift 2 ;;
    --type) need "$@"; TYPE=$2; shift 2 ;;
    --property) need "$@"; need_kv "$1" "$2"; PROPS+=("$2"); shift 2 ;;
    --remove) REMOVE=true; shift ;;
    --print) PRINT=true; shift ;;
    --append-to) need "$@"; APPEND_TO=$2; shift 2 ;;
    --help|-h) usage; exit 0 ;;
    *) echo "configure-lambda-profile: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done

[[ "$PROFILE" =~ ^[A-Za-z0-9_.-]+$ ]] || { echo "configure-lambda-profile: --profile must be letters, digits, _ . or -, not '$PROFILE'" >&2; exit 2; }
JNDI=${JNDI:-java:/lambda/profiles/$PROFILE}
if ! $REMOVE; then
  case "$TYPE" in
    STATIC|ASSUME_ROLE|ROLES_ANYWHERE|DEFAULT_CHAIN) ;;
    *) echo "configure-lambda-profile: --type must be STATIC, ASSUME_ROLE, ROLES_ANYWHERE or DEFAULT_CHAIN, not '$TYPE'" >&2; exit 2 ;;
  esac
fi
[ -n "${LAMBDA_SECRET_ACCESS_KEY:-}" ] && PROPS+=("SecretAccessKey=$LAMBDA_SECRET_ACCESS_KEY")
[ -n "${LAMBDA_SESSION_TOKEN:-}" ] && PROPS+=("SessionToken=$LAMBDA_SESSION_TOKEN")
[ -n "${LAMBDA_KEYSTORE_PASSWORD:-}" ] && PROPS+=("KeystorePassword=$LAMBDA_KEYSTORE_PASSWORD")

RA="/subsystem=resource-adapters/resource-adapter=$RA_NAME"
AO="$RA/admin-objects=$PROFILE"
SECRETS=(SecretAccessKey SessionToken KeystorePassword)


commands() {
  echo "if (outcome == success) of $AO:read-resource"
  echo "  $AO:remove"
  echo "end-if"
  $REMOVE && return
  echo "if (outcome != success) of $RA:read-resource"
  echo "  $RA:add(archive=$(q "$ARCHIVE"), transaction-support=NoTransaction)"
  echo "end-if"
  echo "batch"
  echo "$AO:add(class-name=io.lambdajca.adapter.LambdaCredentialProfile, jndi-name=$(q "$JNDI"), enabled=true)"
  prop Type "$TYPE"
  for kv in "${PROPS[@]+"${PROPS[@]}"}"; do prop "${kv%%=*}" "${kv#*=}"; done
  echo "run-batch"
  echo "if (outcome == success) of /deployment=$ARCHIVE:read-resource"
  echo "  $RA:activate"
  echo "end-if"
}

prop() { config_prop "$AO" "$1" "$2"; }

run_commands
