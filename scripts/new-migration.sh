#!/usr/bin/env bash
# Writes one migration per provider from the change between the committed schema and the working
# one: prisma/migrations/<ts>_<name> (SQLite) and prisma/postgres/migrations/<ts>_<name>.
# `prisma migrate dev` needs a shadow database the JS engine cannot create, so migrations are
# authored with `migrate diff` instead. The JS engine connects to a database even for
# a diff between two schema files, so the PostgreSQL one needs a reachable server.
set -euo pipefail
name=${1:?usage: npm run db:migration -- <name>}
stamp="$(date -u +%Y%m%d%H%M%S)_${name}"
npx tsx scripts/derive-postgres-schema.ts

write_migration() { # <DATABASE_URL selecting the provider> <schema file> <migrations folder>
  local previous from
  previous=$(mktemp --suffix=.prisma)
  if git cat-file -e "HEAD:$2" 2>/dev/null; then
    git show "HEAD:$2" > "$previous"
    from=(--from-schema-datamodel "$previous")
  else
    from=(--from-empty)
  fi
  mkdir -p "$3/$stamp"
  DATABASE_URL="$1" npx prisma migrate diff "${from[@]}" --to-schema-datamodel "$2" --script > "$3/$stamp/migration.sql"
  rm -f "$previous"
  echo "wrote $3/$stamp/migration.sql"
}

write_migration "file:./data/dnc.db" prisma/schema.prisma prisma/migrations
write_migration "${DNC_TEST_POSTGRES_URL:-postgresql://postgres@127.0.0.1:5432/postgres}" prisma/postgres/schema.prisma prisma/postgres/migrations
