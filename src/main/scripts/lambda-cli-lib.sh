# Shared by the configure-lambda-*.sh scripts (sourced, not run). The script sets SCRIPT (its name for messages),
# PRINT, APPEND_TO, JBOSS_HOME, CONTROLLER and SECRETS (names of confidential properties), and defines commands().

# Exits with a usage error when an option has no value.
need() { [ $# -ge 2 ] || { echo "$SCRIPT: $1 needs a value" >&2; exit 2; }; }

# Exits with a usage error when option $1's value $2 is not NAME=VALUE.
need_kv() { case "$2" in *=*) ;; *) echo "$SCRIPT: $1 needs NAME=VALUE, not '$2'" >&2; exit 2 ;; esac; }

# Quotes a CLI parameter value: double quotes, with backslashes and quotes escaped.
q() { local v=${1//\\/\\\\}; v=${v//\"/\\\"}; printf '"%s"' "$v"; }

# Prints the add command of config property NAME with VALUE under resource OWNER (nothing for an empty value);
# confidential values are masked with --print, and a plain one (not an expression such as ${ENC::...}) is warned
# about on stderr: WildFly would keep it as it is in standalone.xml and show it to read-resource and the console.
config_prop() {
  [ -n "$3" ] || return 0
  local value=$3
  if [[ " ${SECRETS[*]} " == *" $2 "* ]]; then
    case "$value" in
      '${'*'}') ;;
      *) echo "$SCRIPT: warning: $2 is a plain value: WildFly keeps it as it is in standalone.xml and shows it to" \
           "read-resource and the console; give an encrypted expression \${ENC::...} instead (README, Credentials)" >&2 ;;
    esac
    if $PRINT; then value='****'; fi
  fi
  echo "$1/config-properties=$2:add(value=$(q "$value"))"
}

# Prints the commands (--print), appends them to a file (--append-to), or runs them with jboss-cli.sh.
run_commands() {
  if $PRINT; then commands; exit 0; fi
  if [ -n "$APPEND_TO" ]; then (umask 077; commands >> "$APPEND_TO"); exit 0; fi
  [ -n "$JBOSS_HOME" ] || { echo "$SCRIPT: set --jboss-home or JBOSS_HOME" >&2; exit 2; }
  [ -x "$JBOSS_HOME/bin/jboss-cli.sh" ] || { echo "$SCRIPT: no bin/jboss-cli.sh under $JBOSS_HOME" >&2; exit 2; }
  script=$(mktemp)
  trap 'rm -f "$script"' EXIT
  chmod 600 "$script"
  commands > "$script"
  "$JBOSS_HOME/bin/jboss-cli.sh" --connect --controller="$CONTROLLER" --file="$script"
}
