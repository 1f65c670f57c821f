#!/usr/bin/env bash
# Generates N orders (default 1,000,000) and compares `playbook analyze` with DuckDB.NET doing the
# same work, each in its own process: wall time, peak resident memory, ratio to the first row.
# Usage: bash bench/run.sh [N] [canonical|douyin-export]
#   douyin-export: a 抖店 export with Chinese headers, compared with the plain reader instead of DuckDB.
#   BENCH_PLAIN=1 adds the plain reader to a canonical run (slow and memory-hungry at 10M rows).
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-1000000}
layout=${2:-canonical}
data=artifacts/bench/$layout-$n
dotnet build lib/Playbook.Cli -c Release -nologo -v q >/dev/null
dotnet build bench/Playbook.Bench -c Release -nologo -v q >/dev/null
cli=artifacts/bin/Playbook.Cli/release/Playbook.Cli.dll
if [ ! -f "$data/orders.csv" ]; then
  dotnet "$cli" generate --orders "$n" --layout "$layout" --out "$data"
fi
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; $(dotnet --version); $(du -h "$data/orders.csv" | cut -f1) orders.csv ($layout), $n rows"
dotnet artifacts/bin/Playbook.Bench/release/Playbook.Bench.dll compare "$data" "$cli"
