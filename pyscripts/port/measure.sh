#!/bin/sh
# Times pyscripts/port's two versions side by side, in one run:
#   fib_python.py under CPython, fib_python.py under pypool (the fastpool
#   binary: pypool plus the fastmath module), fib_go.py under fastpool.
# Usage (from the repository root): sh pyscripts/port/measure.sh [rounds]
# Prints, per run, wall seconds and CPU seconds (user+sys, workers included),
# then the median wall time of each and the ratio to CPython's.
set -e
rounds=${1:-1}
python=${PYTHON:-python3}
dir=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/fastpool" ./cmd/fastpool

run() { # label, command…
	label=$1
	shift
	/usr/bin/time -f "%e %U %S" -o "$tmp/t" "$@" >"$tmp/out" 2>"$tmp/err" || {
		echo "$label failed:" >&2
		cat "$tmp/err" >&2
		exit 1
	}
	read -r wall user sys <"$tmp/t"
	cpu=$(echo "$user $sys" | awk '{printf "%.2f", $1 + $2}')
	printf '%-28s wall %6.2f s   cpu %6.2f s   %s\n' "$label" "$wall" "$cpu" "$(tail -n 1 "$tmp/out")"
	echo "$wall" >>"$tmp/$label.walls"
}

i=0
while [ "$i" -lt "$rounds" ]; do
	run cpython-fib_python "$python" "$dir/fib_python.py"
	run pypool-fib_python "$tmp/fastpool" "$dir/fib_python.py"
	run pypool-fib_go "$tmp/fastpool" "$dir/fib_go.py"
	i=$((i + 1))
done

median() { sort -n "$tmp/$1.walls" | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }
base=$(median cpython-fib_python)
echo
printf '%-28s %10s %18s\n' "median of $rounds" "wall (s)" "CPython / this"
for label in cpython-fib_python pypool-fib_python pypool-fib_go; do
	m=$(median "$label")
	printf '%-28s %10s %17sx\n' "$label" "$m" "$(echo "$base $m" | awk '{printf "%.1f", $1 / $2}')"
done
