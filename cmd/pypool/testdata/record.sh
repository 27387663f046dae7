#!/bin/sh
# Re-records the expected outputs of the cases here with CPython 3.11:
#   NAME.py → NAME.stdout, NAME.stderr (absolute paths replaced by $DIR), NAME.status
# Run from anywhere: sh cmd/pypool/testdata/record.sh
set -u
cd "$(dirname "$0")"
dir=$(pwd)
unset PYTHONUNBUFFERED
for f in *.py; do
  n=${f%.py}
  case "$n" in _*) continue;; esac
  python3 "$dir/$f" a1 a2 >"$n.stdout" 2>"$n.stderr.raw"
  echo $? >"$n.status"
  sed "s#$dir#\$DIR#g" "$n.stderr.raw" >"$n.stderr"
  rm -f "$n.stderr.raw"
done
