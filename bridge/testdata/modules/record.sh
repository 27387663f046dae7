#!/bin/sh
# (Worker processes write to the test process's own stderr, not the captured one:
# a case whose only stderr comes from a worker keeps no .err.)
# Re-records the expected outputs of the modules' cases with CPython 3.11:
# <case>.out is stdout, <case>.err the last line of stderr (when non-empty).
# Run from this directory: sh record.sh [case.py ...]
set -e
[ $# -gt 0 ] || set -- *.py
for f in "$@"; do
  b=${f%.py}
  env -u PYTHONUNBUFFERED python3 "$f" >"$b.out" 2>"$b.stderr" || true
  tail -n 1 "$b.stderr" >"$b.err"
  rm -f "$b.stderr"
  [ -s "$b.err" ] || rm -f "$b.err"
done
