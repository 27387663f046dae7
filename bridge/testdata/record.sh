#!/bin/sh
# Records CPython 3.11's stdout (.out) and, for a case ending in an
# exception, its last traceback line (.err) for each testdata/compat_*/*.py.
# Usage: sh testdata/record.sh testdata/compat_dict/*.py
for f in "$@"; do
	base=${f%.py}
	python3 "$f" >"$base.out" 2>"$base.stderr"
	if [ $? -ne 0 ]; then
		tail -n 1 "$base.stderr" >"$base.err"
	else
		rm -f "$base.err"
	fi
	rm -f "$base.stderr"
done
