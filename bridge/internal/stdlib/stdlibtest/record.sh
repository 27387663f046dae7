#!/usr/bin/env bash
# record.sh: write CPython's output of each standard-module package's
# testdata/*.py next to it as .out (run from the module root, with python3
# 3.11 on PATH). The tests run the scripts as "main.py" with no such file,
# so tracebacks show no source lines: python3 runs them the same way.
set -euo pipefail
for py in bridge/internal/stdlib/*/testdata/*.py; do
	(cd /tmp && python3 -I -c 'import sys; src = open(sys.argv[1]).read(); exec(compile(src, "main.py", "exec"), {"__name__": "__main__"})' "$OLDPWD/$py") >"${py%.py}.out"
done
