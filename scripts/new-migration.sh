#!/usr/bin/env bash
# Writes prisma/migrations/<timestamp>_<name>/migration.sql from the change between the committed
# schema and the working one. `prisma migrate dev` needs a shadow database the JS engine cannot
# create, so migrations are authored with `migrate diff` instead (see STACK.md).
set -euo pipefail
name=${1:?usage: npm run db:migration -- <name>}
dir="prisma/migrations/$(date -u +%Y%m%d%H%M%S)_${name}"
previous=$(mktemp --suffix=.prisma)
trap 'rm -f "$previous"' EXIT
if git cat-file -e HEAD:prisma/schema.prisma 2>/dev/null; then
  git show HEAD:prisma/schema.prisma > "$previous"
  from=(--from-schema-datamodel "$previous")
else
  from=(--from-empty)
fi
mkdir -p "$dir"
npx prisma migrate diff "${from[@]}" --to-schema-datamodel prisma/schema.prisma --script > "$dir/migration.sql"
echo "wrote $dir/migration.sql"
