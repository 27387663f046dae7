#!/bin/sh
# Re-records NAME.stdout / NAME.status for the core's scripts with CPython 3.11.
# Run: sh bridge/testdata/core/record.sh
set -u
cd "$(dirname "$0")"
unset PYTHONUNBUFFERED
for f in *.py; do
  n=${f%.py}
  python3 "$f" >"$n.stdout" 2>/dev/null
  echo $? >"$n.status"
done
