#!/bin/sh
# Stand-in for pypool that runs CPython as testdata/record.py records it: the conformance harness
# run with -bin pointing here checks that the recordings are stable (superset cases will fail).
exec python3 "$(dirname "$0")/record.py" --exec "$@"
