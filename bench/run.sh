#!/usr/bin/env bash
# Generates N orders (default 1,000,000) and compares `playbook analyze` with DuckDB.NET and pandas
# doing the same work, each in its own process: wall time, peak resident memory, ratio to DuckDB.
# Usage: bash bench/run.sh [N] [canonical|douyin-export|douyin-export-xlsx]
#   douyin-export: a 抖店 export with Chinese headers (DuckDB and pandas map it as the importer does).
#   douyin-export-xlsx: the same, plus the same rows re-saved as orders.xlsx, read in the same run.
#   BENCH_PLAIN=1 adds the plain reader (slow and memory-hungry at 10M rows).
#   BENCH_PANDAS=0 leaves pandas out; otherwise Debian's python3-pandas is installed when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-1000000}
layout=${2:-canonical}
data=artifacts/bench/$layout-$n
if [ "${BENCH_PANDAS:-1}" = 1 ] && ! /usr/bin/python3 -c "import pandas" 2>/dev/null; then
  # Best effort: without root or a package mirror the run goes on without pandas.
  (apt-get install -y -qq python3-pandas >/dev/null 2>&1 || sudo -n apt-get install -y -qq python3-pandas >/dev/null 2>&1) \
    || echo "python3-pandas could not be installed; no pandas row" >&2
fi
dotnet build lib/Playbook.Cli -c Release -nologo -v q >/dev/null
dotnet build bench/Playbook.Bench -c Release -nologo -v q >/dev/null
cli=artifacts/bin/Playbook.Cli/release/Playbook.Cli.dll
if [ ! -f "$data/orders.csv" ]; then
  if [ "$layout" = douyin-export-xlsx ]; then
    dotnet "$cli" generate --orders "$n" --layout douyin-export --xlsx --out "$data"
  else
    dotnet "$cli" generate --orders "$n" --layout "$layout" --out "$data"
  fi
fi
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; $(dotnet --version); $(du -h "$data/orders.csv" | cut -f1) orders.csv ($layout), $n rows"
pandas=bench/pandas_query.py
[ "${BENCH_PANDAS:-1}" = 1 ] || pandas=""
dotnet artifacts/bin/Playbook.Bench/release/Playbook.Bench.dll compare "$data" "$cli" $pandas
