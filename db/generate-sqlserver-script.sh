#!/usr/bin/env bash
# Regenerates the idempotent SQL Server schema script that DBAs run instead of start-up migration.
# Usage: db/generate-sqlserver-script.sh [output]   (default: db/sqlserver/AdvertStatus.sql)
# Needs no SQL Server: EF Core writes the script from the migrations alone.
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-db/sqlserver/AdvertStatus.sql}"
mkdir -p "$(dirname "$out")"
dotnet tool restore >/dev/null
dotnet ef migrations script --idempotent ${EF_NO_BUILD:+--no-build} ${EF_CONFIGURATION:+--configuration "$EF_CONFIGURATION"} \
  -p src/AdvertStatus.Web -s src/AdvertStatus.Web --context SqlServerAdvertStatusDbContext -o "$out" >/dev/null
# The generator writes CRLF and a BOM on some platforms; keep the checked-in file byte-stable.
sed -i -e 's/\r$//' -e '1s/^\xEF\xBB\xBF//' "$out"
echo "wrote $out"
