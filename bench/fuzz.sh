#!/usr/bin/env bash
# Fuzzes every reader (PostgreSQL, SQLite, MySQL, T-SQL, Oracle, the audit) with a million mutated inputs each, fixed
# seed, a 10 s limit per input: the same test the suite runs on a 20,000-input slice (tests/SchemaFirst.Tests/Fuzz).
# Usage: bench/fuzz.sh [inputs per reader, default 1000000] [reader filter, e.g. mysql]
set -euo pipefail
cd "$(dirname "$0")/.."
inputs="${1:-1000000}"
filter="FullyQualifiedName~ParserFuzzTests.A_reader_survives"
if [ -n "${2:-}" ]; then filter="$filter&DisplayName~$2"; fi
SCHEMAFIRST_FUZZ_INPUTS="$inputs" dotnet test tests/SchemaFirst.Tests -c Release --filter "$filter" --logger "console;verbosity=detailed" \
  | grep -E "inputs in|^\s*#[0-9]+ |Passed!|Failed!"
