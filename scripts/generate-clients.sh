#!/usr/bin/env bash
# Generates one Prisma client per provider (a client is generated for exactly one). The URLs only
# select the provider in prisma.config.ts; nothing connects.
set -euo pipefail
DATABASE_URL="file:./data/dnc.db" npx prisma generate
DATABASE_URL="postgresql://generate@localhost/generate" npx prisma generate
