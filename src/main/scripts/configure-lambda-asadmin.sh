#!/usr/bin/env bash
# Configures the Lambda resource adapter in a running GlassFish or Payara domain through asadmin: deploys the RAR,
# and creates a connection definition (a connector connection pool and its connector resource), a credential profile
# (an admin object of the adapter), or the server's aws.* system properties that DEFAULT_CHAIN profiles read.
# Confidential values are stored as password aliases (create-password-alias, the value read from a password file)
# and the property is set to ${ALIAS=name}: no secret is ever on an asadmin command line nor in domain.xml.
# Values come from options, else from environment variables (shown in brackets), else from the defaults.
set -euo pipefail
SCRIPT=configure-lambda-asadmin
. "$(dirname "$0")/lambda-cli-lib.sh"

usage() {
  cat <<'USAGE'
Usage: configure-lambda-asadmin.sh [options]

Server:
  --asadmin PATH              asadmin to run [LAMBDA_ASADMIN]
  --glassfish-home DIR        GlassFish or Payara installation, for DIR/bin/asadmin [GLASSFISH_HOME]
  --host HOST                 admin host (default 127.0.0.1) [LAMBDA_ADMIN_HOST]
  --admin-port PORT           admin port (default 4848) [LAMBDA_ADMIN_PORT]
  --user NAME                 admin user (default admin) [LAMBDA_ADMIN_USER]
  --passwordfile FILE         asadmin password file of the admin user (AS_ADMIN_PASSWORD=...); none for a domain
                              without an admin password [LAMBDA_ADMIN_PASSWORDFILE]
Resource adapter:
  --raname NAME               application name of the deployed RAR (default lambda-jca-adapter) [LAMBDA_RA_NAME]
  --deploy FILE               deploy the RAR first (redeploys it when already deployed)
  --undeploy                  undeploy the RAR with every pool, resource and admin object of it (--cascade=true)
What to configure (default: a connection definition):
  --pool-name NAME            connection definition: connector connection pool NAME (default lambda-Default)
                              and its connector resource --jndi [LAMBDA_POOL_NAME]
  --profile NAME              credential profile: an admin object of type --type bound at --jndi
  --system-credentials        the server's system properties aws.accessKeyId (--access-key-id) and
                              aws.secretAccessKey (the secret, as an alias) that DEFAULT_CHAIN profiles read
Connection definition:
  --jndi NAME                 JNDI name (default lambda/Default; lambda/profiles/NAME for a profile) [LAMBDA_JNDI]
  --min-pool N                steadypoolsize (default 0) [LAMBDA_MIN_POOL]
  --max-pool N                maxpoolsize (default 20) [LAMBDA_MAX_POOL]
  --max-wait MS               maxwait: how long getConnection() waits for a free connection (default 5000)
                              [LAMBDA_MAX_WAIT]
Credentials of a connection definition (one of; none means the AWS SDK's default chain):
  --credential-profile JNDI   CredentialProfile: a profile made with --profile [LAMBDA_CREDENTIAL_PROFILE]
  --sign-on-user ID           container-managed sign-on: the pool's default principal, user name = the access key
                              id, password = the secret key from LAMBDA_SIGN_ON_PASSWORD (an alias)
  --access-key-id / secret    static keys: AccessKeyId below, SecretAccessKey from LAMBDA_SECRET_ACCESS_KEY
Config properties (unset ones keep the adapter's defaults):
  --region REGION             Region [LAMBDA_REGION]
  --endpoint URL              EndpointOverride [LAMBDA_ENDPOINT]
  --access-key-id ID          AccessKeyId [LAMBDA_ACCESS_KEY_ID]
  --type TYPE                 a profile's Type: STATIC, ASSUME_ROLE, ROLES_ANYWHERE or DEFAULT_CHAIN
  --property NAME=VALUE       any other config property, e.g. ReadTimeoutMillis=60000 or RoleArn=arn:... (repeatable)
Secrets (SecretAccessKey, SessionToken, KeystorePassword, the sign-on password) become password aliases:
  environment                 LAMBDA_SECRET_ACCESS_KEY, LAMBDA_SESSION_TOKEN, LAMBDA_KEYSTORE_PASSWORD,
                              LAMBDA_SIGN_ON_PASSWORD (or --property NAME=VALUE, which shows them to ps)
  --alias NAME=ALIAS          the password alias of secret NAME (default lambda-<pool or profile>-<name>); created
                              or updated when the secret is given, else it must exist already (repeatable)
Other:
  --remove                    remove the connection definition (pool and resource), the profile or the system
                              properties (password aliases are kept)
  --print                     print the asadmin commands (secrets masked) instead of running them
  --append-to FILE            append the asadmin subcommands to FILE instead of running them, to run several
                              configurations in one "asadmin multimode --file FILE" call (which goes on after a
                              failed command: the deletes before each create fail when there is nothing to replace).
                              Password aliases are still stored at once, so FILE holds no secret.
  --help                      this help
USAGE
}

ASADMIN=${LAMBDA_ASADMIN:-}
GLASSFISH_HOME=${GLASSFISH_HOME:-}
HOST=${LAMBDA_ADMIN_HOST:-127.0.0.1}
ADMIN_PORT=${LAMBDA_ADMIN_PORT:-4848}
ADMIN_USER=${LAMBDA_ADMIN_USER:-admin}
PASSWORDFILE=${LAMBDA_ADMIN_PASSWORDFILE:-}
RA_NAME=${LAMBDA_RA_NAME:-lambda-jca-adapter}
DEPLOY=
UNDEPLOY=false
MODE=
POOL_NAME=${LAMBDA_POOL_NAME:-}
PROFILE=
JNDI=${LAMBDA_JNDI:-}
MIN_POOL=${LAMBDA_MIN_POOL:-0}
MAX_POOL=${LAMBDA_MAX_POOL:-20}
MAX_WAIT=${LAMBDA_MAX_WAIT:-5000}
CREDENTIAL_PROFILE=${LAMBDA_CREDENTIAL_PROFILE:-}
SIGN_ON_USER=
REGION=${LAMBDA_REGION:-}
ENDPOINT=${LAMBDA_ENDPOINT:-}
ACCESS_KEY_ID=${LAMBDA_ACCESS_KEY_ID:-}
TYPE=
EXTRA=()
ALIASES=()
REMOVE=false
PRINT=false
APPEND_TO=
SECRETS=(SecretAccessKey SessionToken KeystorePassword Password)

while [ $# -gt 0 ]; do
  case "$1" in
    --asadmin) need "$@"; ASADMIN=$2; shift 2 ;;
    --glassfish-home) need "$@"; GLASSFISH_HOME=$2; shift 2 ;;
    --host) need "$@"; HOST=$2; shift 2 ;;
    --admin-port) need "$@"; ADMIN_PORT=$2; shift 2 ;;
    --user) need "$@"; ADMIN_USER=$2; shift 2 ;;
    --passwordfile) need "$@"; PASSWORDFILE=$2; shift 2 ;;
    --raname) need "$@"; RA_NAME=$2; shift 2 ;;
    --deploy) need "$@"; DEPLOY=$2; shift 2 ;;
    --undeploy) UNDEPLOY=true; shift ;;
    --pool-name) need "$@"; POOL_NAME=$2; MODE=${MODE:-pool}; shift 2 ;;
    --profile) need "$@"; PROFILE=$2; MODE=profile; shift 2 ;;
    --system-credentials) MODE=system; shift ;;
    --jndi) need "$@"; JNDI=$2; shift 2 ;;
    --min-pool) need "$@"; MIN_POOL=$2; shift 2 ;;
    --max-pool) need "$@"; MAX_POOL=$2; shift 2 ;;
    --max-wait) need "$@"; MAX_WAIT=$2; shift 2 ;;
    --credential-profile) need "$@"; CREDENTIAL_PROFILE=$2; shift 2 ;;
    --sign-on-user) need "$@"; SIGN_ON_USER=$2; shift 2 ;;
    --region) need "$@"; REGION=$2; shift 2 ;;
    --endpoint) need "$@"; ENDPOINT=$2; shift 2 ;;
    --access-key-id) need "$@"; ACCESS_KEY_ID=$2; shift 2 ;;
    --type) need "$@"; TYPE=$2; shift 2 ;;
    --property) need "$@"; need_kv "$1" "$2"; EXTRA+=("$2"); shift 2 ;;
    --alias) need "$@"; case "$2" in *=?*) ALIASES+=("$2") ;; *) echo "$SCRIPT: --alias needs NAME=ALIAS, not '$2'" >&2; exit 2 ;; esac; shift 2 ;;
    --remove) REMOVE=true; shift ;;
    --print) PRINT=true; shift ;;
    --append-to) need "$@"; APPEND_TO=$2; shift 2 ;;
    --help|-h) usage; exit 0 ;;
    *) echo "$SCRIPT: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done

# Without --profile or --system-credentials, a connection definition, unless only --deploy/--undeploy was asked for.
if [ -z "$MODE" ]; then
  if [ -n "$DEPLOY" ] || $UNDEPLOY; then
    [ -n "$JNDI$REGION$ENDPOINT$ACCESS_KEY_ID$CREDENTIAL_PROFILE$SIGN_ON_USER${EXTRA[*]+x}" ] && MODE=pool || MODE=none
  else
    MODE=pool
  fi
fi
for n in "$MIN_POOL" "$MAX_POOL" "$MAX_WAIT" "$ADMIN_PORT"; do
  [[ "$n" =~ ^[0-9]+$ ]] || { echo "$SCRIPT: pool sizes, waits and ports are whole numbers, not '$n'" >&2; exit 2; }
done
case "$MODE" in
  pool)
    POOL_NAME=${POOL_NAME:-lambda-Default}
    [[ "$POOL_NAME" =~ ^[A-Za-z0-9_-]+$ ]] || { echo "$SCRIPT: --pool-name must be letters, digits, _ or -, not '$POOL_NAME'" >&2; exit 2; }
    JNDI=${JNDI:-lambda/Default}
    OWNER=$POOL_NAME ;;
  profile)
    [[ "$PROFILE" =~ ^[A-Za-z0-9_-]+$ ]] || { echo "$SCRIPT: --profile must be letters, digits, _ or -, not '$PROFILE'" >&2; exit 2; }
    JNDI=${JNDI:-lambda/profiles/$PROFILE}
    OWNER=$PROFILE
    if ! $REMOVE; then
      case "$TYPE" in
        STATIC|ASSUME_ROLE|ROLES_ANYWHERE|DEFAULT_CHAIN) ;;
        *) echo "$SCRIPT: --type must be STATIC, ASSUME_ROLE, ROLES_ANYWHERE or DEFAULT_CHAIN, not '$TYPE'" >&2; exit 2 ;;
      esac
    fi ;;
  system)
    OWNER=system
    $REMOVE || [ -n "$ACCESS_KEY_ID" ] || { echo "$SCRIPT: --system-credentials needs --access-key-id" >&2; exit 2; } ;;
esac

if ! $PRINT; then
  if [ -z "$ASADMIN" ]; then
    [ -n "$GLASSFISH_HOME" ] || { echo "$SCRIPT: set --asadmin or --glassfish-home (or GLASSFISH_HOME)" >&2; exit 2; }
    ASADMIN=$GLASSFISH_HOME/bin/asadmin
  fi
  [ -x "$ASADMIN" ] || { echo "$SCRIPT: $ASADMIN is not an executable asadmin" >&2; exit 2; }
  [ -z "$PASSWORDFILE" ] || [ -r "$PASSWORDFILE" ] || { echo "$SCRIPT: cannot read --passwordfile $PASSWORDFILE" >&2; exit 2; }
fi
ASADMIN=${ASADMIN:-asadmin}

# Escapes an asadmin --property value: backslash, ':' and '=' get a backslash.
esc() { local v=${1//\\/\\\\}; v=${v//:/\\:}; v=${v//=/\\=}; printf '%s' "$v"; }

# Quotes a word for the printed commands when it needs it.
shq() { if [[ "$1" =~ ^[A-Za-z0-9_./=:,@%+-]+$ ]]; then printf '%s' "$1"; else printf "'%s'" "${1//\'/\'\\\'\'}"; fi; }

WORK=
cleanup() { [ -z "$WORK" ] || rm -rf "$WORK"; }
trap cleanup EXIT

# Runs asadmin with the connection options and ARGS (or prints the command with --print, or appends the subcommand
# to the --append-to file). PWFILE, when set, replaces the admin's password file for this one call, which then runs.
asadmin() {
  if [ -n "$APPEND_TO" ] && ! $PRINT && [ -z "${PWFILE:-}" ]; then
    local out=() w
    for w in "$@"; do out+=("$(shq "$w")"); done
    echo "${out[*]}" >> "$APPEND_TO"
    return 0
  fi
  local pw=${PWFILE:-$PASSWORDFILE}
  local cmd=("$ASADMIN" --host "$HOST" --port "$ADMIN_PORT" --user "$ADMIN_USER" --interactive=false)
  [ -z "$pw" ] || cmd+=(--passwordfile "$pw")
  cmd+=("$@")
  if $PRINT; then
    local out=() w
    for w in "${cmd[@]}"; do out+=("$(shq "$w")"); done
    echo "${out[*]}"
    return 0
  fi
  "${cmd[@]}"
}

# Like asadmin, but a failure that says the thing does not exist is not one (for the deletes before a create).
asadmin_absent_ok() {
  if $PRINT || [ -n "$APPEND_TO" ]; then asadmin "$@"; return 0; fi
  local out
  if out=$(asadmin "$@" 2>&1); then return 0; fi
  if grep -qiE "does not exist|doesn't exist|not found|no such|not defined|not exist|not deployed|not registered" <<<"$out"; then return 0; fi
  echo "$out" >&2
  return 1
}

# Stores VALUE in password alias NAME (created, or updated when it exists), from a password file that only this
# user can read; the value never reaches a command line.
EXISTING_ALIASES=
store_alias() {
  local name=$1 value=$2 file
  if $PRINT; then
    echo "# PWFILE: the admin's password file plus AS_ADMIN_ALIASPASSWORD=****"
    file=PWFILE
  else
    [ -n "$WORK" ] || WORK=$(mktemp -d)
    file=$WORK/alias.pw
    (umask 077; : > "$file")
    [ -z "$PASSWORDFILE" ] || { cat "$PASSWORDFILE"; echo; } >> "$file"
    local v=${value//\\/\\\\}
    printf 'AS_ADMIN_ALIASPASSWORD=%s\n' "$v" >> "$file"
    [ -n "$EXISTING_ALIASES" ] || EXISTING_ALIASES=$(PWFILE=$file asadmin list-password-aliases 2>/dev/null || echo none)
  fi
  if grep -qx -- "$name" <<<"$EXISTING_ALIASES"; then
    PWFILE=$file asadmin update-password-alias "$name"
  else
    PWFILE=$file asadmin create-password-alias "$name"
  fi
  $PRINT || rm -f "$file"
}

# The alias name of confidential property NAME: --alias NAME=ALIAS, else lambda-<owner>-<name>.
alias_of() {
  local kv
  for kv in "${ALIASES[@]+"${ALIASES[@]}"}"; do
    [ "${kv%%=*}" != "$1" ] || { printf '%s' "${kv#*=}"; return; }
  done
  local owner=${OWNER,,}
  owner=${owner#lambda-}
  printf 'lambda-%s-%s' "${owner//_/-}" "${1,,}"
}

is_secret() { [[ " ${SECRETS[*]} " == *" $1 "* ]]; }

# Collects NAME=VALUE into PROPS (nothing for an empty value); a confidential value goes to a password alias first
# and the property becomes ${ALIAS=name}.
PROPS=()
prop() {
  local name=$1 value=$2
  if is_secret "$name" && [[ "$value" != '${ALIAS='* ]]; then
    local alias
    alias=$(alias_of "$name")
    if [ -n "$value" ]; then store_alias "$alias" "$value"; fi
    if [ -n "$value" ] || [[ " ${ALIASES[*]-} " == *" $name="* ]]; then value="\${ALIAS=$alias}"; fi
  fi
  [ -n "$value" ] || return 0
  PROPS+=("$(esc "$name")=$(esc "$value")")
}

# The --property argument: every collected property, separated by ':'.
joined_props() { local IFS=:; printf '%s' "${PROPS[*]}"; }

# Properties from the environment's secrets and --property, after the named ones.
extra_props() {
  local kv
  prop SecretAccessKey "${LAMBDA_SECRET_ACCESS_KEY:-}"
  prop SessionToken "${LAMBDA_SESSION_TOKEN:-}"
  prop KeystorePassword "${LAMBDA_KEYSTORE_PASSWORD:-}"
  for kv in "${EXTRA[@]+"${EXTRA[@]}"}"; do prop "${kv%%=*}" "${kv#*=}"; done
  for kv in "${ALIASES[@]+"${ALIASES[@]}"}"; do
    # an alias named for a secret given nowhere else: reference the existing alias
    local name=${kv%%=*} seen=false p
    for p in "${PROPS[@]+"${PROPS[@]}"}"; do [ "${p%%=*}" != "$name" ] || seen=true; done
    $seen || [ "$name" = Password ] || prop "$name" ""
  done
}

# A secret is given in the environment or names an existing alias (--alias NAME=ALIAS); else nothing is changed.
has_secret() { [ -n "$2" ] || [[ " ${ALIASES[*]-} " == *" $1="* ]]; }
if ! $REMOVE; then
  if [ "$MODE" = pool ] && [ -n "$SIGN_ON_USER" ] && ! has_secret Password "${LAMBDA_SIGN_ON_PASSWORD:-}"; then
    echo "$SCRIPT: --sign-on-user needs the secret key in LAMBDA_SIGN_ON_PASSWORD (or --alias Password=ALIAS)" >&2
    exit 2
  fi
  if [ "$MODE" = system ] && ! has_secret SecretAccessKey "${LAMBDA_SECRET_ACCESS_KEY:-}"; then
    echo "$SCRIPT: --system-credentials needs the secret key in LAMBDA_SECRET_ACCESS_KEY (or --alias SecretAccessKey=ALIAS)" >&2
    exit 2
  fi
fi

if $UNDEPLOY; then
  asadmin_absent_ok undeploy --cascade=true "$RA_NAME"
fi
if [ -n "$DEPLOY" ]; then
  $PRINT || [ -r "$DEPLOY" ] || { echo "$SCRIPT: cannot read --deploy $DEPLOY" >&2; exit 2; }
  asadmin deploy --force=true --name "$RA_NAME" "$DEPLOY"
fi

case "$MODE" in
  pool)
    asadmin_absent_ok delete-connector-connection-pool --cascade=true "$POOL_NAME"
    $REMOVE && exit 0
    prop Region "$REGION"
    prop EndpointOverride "$ENDPOINT"
    prop CredentialProfile "$CREDENTIAL_PROFILE"
    prop AccessKeyId "$ACCESS_KEY_ID"
    extra_props
    if [ -n "$SIGN_ON_USER" ]; then
      # The pool's default principal: GlassFish and Payara read the pool properties UserName and Password (an
      # alias is resolved) and pass them to the adapter as a PasswordCredential with container-managed sign-on.
      prop UserName "$SIGN_ON_USER"
      prop Password "${LAMBDA_SIGN_ON_PASSWORD:-}"
    fi
    args=(create-connector-connection-pool --raname "$RA_NAME"
      --connectiondefinition io.lambdajca.api.LambdaConnectionFactory --transactionsupport NoTransaction
      --steadypoolsize "$MIN_POOL" --maxpoolsize "$MAX_POOL" --maxwait "$MAX_WAIT")
    [ ${#PROPS[@]} -eq 0 ] || args+=(--property "$(joined_props)")
    asadmin "${args[@]}" "$POOL_NAME"
    asadmin create-connector-resource --poolname "$POOL_NAME" "$JNDI"
    ;;
  profile)
    asadmin_absent_ok delete-admin-object "$JNDI"
    $REMOVE && exit 0
    prop Type "$TYPE"
    prop AccessKeyId "$ACCESS_KEY_ID"
    prop Region "$REGION"
    prop EndpointOverride "$ENDPOINT"
    extra_props
    asadmin create-admin-object --raname "$RA_NAME" --restype io.lambdajca.adapter.CredentialProfile \
      --classname io.lambdajca.adapter.LambdaCredentialProfile --property "$(joined_props)" "$JNDI"
    ;;
  system)
    for p in aws.accessKeyId aws.secretAccessKey aws.sessionToken; do
      asadmin_absent_ok delete-system-property "$p"
    done
    $REMOVE && exit 0
    PROPS=()
    SECRETS+=(aws.secretAccessKey aws.sessionToken)
    ALIASES+=("aws.secretAccessKey=$(alias_of SecretAccessKey)" "aws.sessionToken=$(alias_of SessionToken)")
    prop aws.accessKeyId "$ACCESS_KEY_ID"
    prop aws.secretAccessKey "${LAMBDA_SECRET_ACCESS_KEY:-}"
    [ -z "${LAMBDA_SESSION_TOKEN:-}" ] || prop aws.sessionToken "$LAMBDA_SESSION_TOKEN"
    asadmin create-system-properties "$(joined_props)"
    ;;
esac
