#!/usr/bin/env bash
# Generates N canonical orders (default 1,000,000) and compares `playbook analyze` with DuckDB.NET
# doing the same work, each in its own process: wall time, peak resident memory, ratio to DuckDB.
# Usage: bash bench/run.sh [N]      (pandas is compared too when Debian's python3-pandas is installed)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-1000000}
data=artifacts/bench/orders-$n
dotnet build Playbook.slnx -nologo -v q >/dev/null
dotnet build bench/Playbook.Bench -nologo -v q >/dev/null
if [ ! -f "$data/orders.csv" ]; then
  dotnet run --no-build --project lib/Playbook.Cli -- generate --orders "$n" --out "$data"
fi
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; $(dotnet --version); $(du -h "$data/orders.csv" | cut -f1) orders.csv, $n rows"
dotnet artifacts/bin/Playbook.Bench/debug/Playbook.Bench.dll compare "$data" artifacts/bin/Playbook.Cli/debug/Playbook.Cli.dll
