#!/usr/bin/env bash
# Configures the Lambda resource adapter in a running WildFly through its CLI: the resource adapter (for the
# deployment named by --archive) and one connection definition with its pool and every config property.
# Values come from options, else from environment variables (shown in brackets), else from the defaults.
# Run it before deploying the RAR, or with the RAR deployed (the adapter is then re-activated).
set -euo pipefail
SCRIPT=configure-lambda-adapter
. "$(dirname "$0")/lambda-cli-lib.sh"

usage() {
  cat <<'USAGE'
Usage: configure-lambda-adapter.sh [options]

Server:
  --jboss-home DIR            WildFly installation [JBOSS_HOME]
  --controller HOST:PORT      management address (default 127.0.0.1:9990) [LAMBDA_CONTROLLER]
Resource adapter:
  --name NAME                 resource-adapter resource name (default lambda) [LAMBDA_RA_NAME]
  --archive FILE              deployment name of the RAR (default lambda-jca-adapter.rar) [LAMBDA_ARCHIVE]
Connection definition:
  --pool-name NAME            connection-definitions resource name (default Default): a definition of that name
                              is replaced, so give each JNDI name its own [LAMBDA_POOL_NAME]
  --jndi NAME                 JNDI name (default java:/lambda/Default) [LAMBDA_JNDI]
  --min-pool N                min-pool-size (default 0) [LAMBDA_MIN_POOL]
  --max-pool N                max-pool-size (default 20) [LAMBDA_MAX_POOL]
  --blocking-timeout MS       blocking-timeout-wait-millis (default 5000) [LAMBDA_BLOCKING_TIMEOUT]
Credentials (one of; none means the AWS SDK's default chain):
  --credential-profile JNDI   CredentialProfile: a profile made by configure-lambda-profile.sh
                              [LAMBDA_CREDENTIAL_PROFILE]
  --authentication-context N  container-managed sign-on: an Elytron authentication-context whose user name is
                              the access key id and whose credential (e.g. from a credential store) the secret key
  --access-key-id / --secret-access-key / --session-token  static keys, below
Config properties (unset ones keep the adapter's defaults):
  --region REGION             Region [LAMBDA_REGION]
  --endpoint URL              EndpointOverride [LAMBDA_ENDPOINT]
  --access-key-id ID          AccessKeyId [LAMBDA_ACCESS_KEY_ID]
  --secret-access-key KEY     SecretAccessKey [LAMBDA_SECRET_ACCESS_KEY]
  --session-token TOKEN       SessionToken [LAMBDA_SESSION_TOKEN]
                              (prefer the variables, whose values ps does not show, and an encrypted expression
                              ${ENC::...} as the value, which WildFly keeps instead of the secret)
  --property NAME=VALUE       any other config property, e.g. ReadTimeoutMillis=60000 (repeatable)
Other:
  --remove                    remove the connection definition (the resource adapter and its other ones stay)
  --print                     print the CLI commands (secrets masked) instead of running them
  --append-to FILE            append the CLI commands (secrets included) to FILE instead of running them, to run
                              several configurations in one jboss-cli.sh --file=FILE call
  --help                      this help
USAGE
}

JBOSS_HOME=${JBOSS_HOME:-}
CONTROLLER=${LAMBDA_CONTROLLER:-127.0.0.1:9990}
RA_NAME=${LAMBDA_RA_NAME:-lambda}
ARCHIVE=${LAMBDA_ARCHIVE:-lambda-jca-adapter.rar}
POOL_NAME=${LAMBDA_POOL_NAME:-Default}
JNDI=${LAMBDA_JNDI:-java:/lambda/Default}
MIN_POOL=${LAMBDA_MIN_POOL:-0}
MAX_POOL=${LAMBDA_MAX_POOL:-20}
BLOCKING_TIMEOUT=${LAMBDA_BLOCKING_TIMEOUT:-5000}
REGION=${LAMBDA_REGION:-}
ENDPOINT=${LAMBDA_ENDPOINT:-}
ACCESS_KEY_ID=${LAMBDA_ACCESS_KEY_ID:-}
SECRET_ACCESS_KEY=${LAMBDA_SECRET_ACCESS_KEY:-}
SESSION_TOKEN=${LAMBDA_SESSION_TOKEN:-}
CREDENTIAL_PROFILE=${LAMBDA_CREDENTIAL_PROFILE:-}
AUTH_CONTEXT=
EXTRA=()
REMOVE=false
PRINT=false
APPEND_TO=

while [ $# -gt 0 ]; do
  case "$1" in
    --jboss-home) need "$@"; JBOSS_HOME=$2; shift 2 ;;
    --controller) need "$@"; CONTROLLER=$2; shift 2 ;;
    --name) need "$@"; RA_NAME=$2; shift 2 ;;
    --archive) need "$@"; ARCHIVE=$2; shift 2 ;;
    --pool-name) need "$@"; POOL_NAME=$2; shift 2 ;;
    --jndi) need "$@"; JNDI=$2; shift 2 ;;
    --min-pool) need "$@"; MIN_POOL=$2; shift 2 ;;
    --max-pool) need "$@"; MAX_POOL=$2; shift 2 ;;
    --blocking-timeout) need "$@"; BLOCKING_TIMEOUT=$2; shift 2 ;;
    --region) need "$@"; REGION=$2; shift 2 ;;
    --endpoint) need "$@"; ENDPOINT=$2; shift 2 ;;
    --access-key-id) need "$@"; ACCESS_KEY_ID=$2; shift 2 ;;
    --secret-access-key) need "$@"; SECRET_ACCESS_KEY=$2; shift 2 ;;
    --session-token) need "$@"; SESSION_TOKEN=$2; shift 2 ;;
    --credential-profile) need "$@"; CREDENTIAL_PROFILE=$2; shift 2 ;;
    --authentication-context) need "$@"; AUTH_CONTEXT=$2; shift 2 ;;
    --property) need "$@"; need_kv "$1" "$2"; EXTRA+=("$2"); shift 2 ;;
    --remove) REMOVE=true; shift ;;
    --print) PRINT=true; shift ;;
    --append-to) need "$@"; APPEND_TO=$2; shift 2 ;;
    --help|-h) usage; exit 0 ;;
    *) echo "configure-lambda-adapter: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done

for n in "$MIN_POOL" "$MAX_POOL" "$BLOCKING_TIMEOUT"; do
  [[ "$n" =~ ^[0-9]+$ ]] || { echo "configure-lambda-adapter: pool sizes and timeouts are whole numbers, not '$n'" >&2; exit 2; }
done

RA="/subsystem=resource-adapters/resource-adapter=$RA_NAME"
CD="$RA/connection-definitions=$POOL_NAME"
SECRETS=(SecretAccessKey SessionToken)


commands() {
  if $REMOVE; then
    echo "if (outcome == success) of $CD:read-resource"
    echo "  $CD:remove"
    echo "end-if"
    return
  fi
  echo "if (outcome != success) of $RA:read-resource"
  echo "  $RA:add(archive=$(q "$ARCHIVE"), transaction-support=NoTransaction)"
  echo "end-if"
  echo "if (outcome == success) of $CD:read-resource"
  echo "  $CD:remove"
  echo "end-if"
  echo "batch"
  local security=""
  [ -z "$AUTH_CONTEXT" ] || security=", elytron-enabled=true, authentication-context=$(q "$AUTH_CONTEXT")"
  echo "$CD:add(class-name=io.lambdajca.adapter.LambdaManagedConnectionFactory, jndi-name=$(q "$JNDI"), enabled=true, min-pool-size=$MIN_POOL, max-pool-size=$MAX_POOL, blocking-timeout-wait-millis=$BLOCKING_TIMEOUT, use-ccm=false$security)"
  prop Region "$REGION"
  prop EndpointOverride "$ENDPOINT"
  prop CredentialProfile "$CREDENTIAL_PROFILE"
  prop AccessKeyId "$ACCESS_KEY_ID"
  prop SecretAccessKey "$SECRET_ACCESS_KEY"
  prop SessionToken "$SESSION_TOKEN"
  for kv in "${EXTRA[@]+"${EXTRA[@]}"}"; do prop "${kv%%=*}" "${kv#*=}"; done
  echo "run-batch"
  echo "if (outcome == success) of /deployment=$ARCHIVE:read-resource"
  echo "  $RA:activate"
  echo "end-if"
}

prop() { config_prop "$CD" "$1" "$2"; }

run_commands
