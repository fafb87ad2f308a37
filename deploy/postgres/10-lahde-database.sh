#!/bin/sh
# First start of the PostgreSQL container (empty data directory only): Lähde's owner and runtime roles
# and its database, as deploy/README.md describes for a managed PostgreSQL. The role SQL is the CLI's
# own (`roles-sql`), with the two passwords filled in from the environment.
#
#   LAHDE_OWNER_PASSWORD, LAHDE_APP_PASSWORD   required; use URL-safe characters (e.g. `openssl rand -hex 24`)
#   LAHDE_DATABASE                             default lahde
#   LAHDE_OWNER_ROLE, LAHDE_APP_ROLE           default lahde_owner, lahde_app (the group roles
#                                              lahde_runtime and lahde_national are fixed: migrations grant to them)
set -eu

: "${LAHDE_OWNER_PASSWORD:?LAHDE_OWNER_PASSWORD is required}"
: "${LAHDE_APP_PASSWORD:?LAHDE_APP_PASSWORD is required}"
db="${LAHDE_DATABASE:-lahde}"
owner="${LAHDE_OWNER_ROLE:-lahde_owner}"
app="${LAHDE_APP_ROLE:-lahde_app}"
template="${LAHDE_ROLES_TEMPLATE:-/docker-entrypoint-initdb.d/lahde-roles.sql.in}"
for name in "$db" "$owner" "$app"; do
  case "$name" in [a-z_]*) ;; *) echo "database and role names must start with a-z or _: $name" >&2; exit 1 ;; esac
  case "$name" in *[!a-z0-9_]*) echo "database and role names may hold a-z, 0-9 and _ only: $name" >&2; exit 1 ;; esac
done

# A password becomes an SQL string literal ('' for ') inside a sed replacement (\, & and | escaped).
literal() { printf '%s' "$1" | sed -e "s/'/''/g" -e 's/[\\&|]/\\&/g'; }
run_sql() { psql -v ON_ERROR_STOP=1 --no-psqlrc --quiet --username "${POSTGRES_USER:-postgres}" "$@"; }

# Role names first, so that a password is never rewritten.
sed -e "s/\\<lahde_owner\\>/$owner/g" -e "s/\\<lahde_app\\>/$app/g" \
    -e "s|'CHANGE-ME-owner'|'$(literal "$LAHDE_OWNER_PASSWORD")'|" \
    -e "s|'CHANGE-ME-runtime'|'$(literal "$LAHDE_APP_PASSWORD")'|" "$template" | run_sql --dbname postgres
run_sql --dbname postgres -c "CREATE DATABASE $db OWNER $owner ENCODING 'UTF8'"
# Only the owner creates objects; the runtime and national roles may connect.
run_sql --dbname "$db" <<SQL
REVOKE ALL ON DATABASE $db FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE $db TO lahde_runtime, lahde_national, $owner;
ALTER SCHEMA public OWNER TO $owner;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
CREATE EXTENSION IF NOT EXISTS pgcrypto;
SQL
echo "Lähde: roles $owner and $app and database $db are ready"
