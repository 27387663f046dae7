#!/bin/sh
# Times pyscripts/port's two versions side by side, in one run:
#   fib_python.py under CPython, fib_python.py under pypool (the fastpool
#   binary: pypool plus the fastmath module), fib_go.py under fastpool.
# Usage (from the repository root): sh pyscripts/port/measure.sh [rounds]
# Prints, per run, the process's wall seconds, CPU seconds (user+sys, workers
# included) and the script's own "pool work" figure (wall time from creating
# the ProcessPoolExecutor to its shutdown: interpreter start-up excluded),
# then the medians and their ratio to CPython's.
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
	work=$(sed -n 's/^pool work: \([0-9.]*\) s$/\1/p' "$tmp/err")
	printf '%-22s wall %6.2f s   cpu %6.2f s   pool work %6.3f s   sum %s\n' "$label" "$wall" "$cpu" "$work" "$(tail -n 1 "$tmp/out")"
	echo "$wall" >>"$tmp/$label.walls"
	echo "$work" >>"$tmp/$label.works"
}

i=0
while [ "$i" -lt "$rounds" ]; do
	run cpython-fib_python "$python" "$dir/fib_python.py"
	run pypool-fib_python "$tmp/fastpool" "$dir/fib_python.py"
	run pypool-fib_go "$tmp/fastpool" "$dir/fib_go.py"
	i=$((i + 1))
done

median() { sort -n "$tmp/$1" | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }
ratio() { echo "$1 $2" | awk '{printf "%.1f", $1 / $2}'; }
bw=$(median cpython-fib_python.walls)
bp=$(median cpython-fib_python.works)
echo
printf '%-22s %10s %8s %15s %8s\n' "median of $rounds" "wall (s)" "vs py3" "pool work (s)" "vs py3"
for label in cpython-fib_python pypool-fib_python pypool-fib_go; do
	w=$(median "$label.walls")
	p=$(median "$label.works")
	printf '%-22s %10s %7sx %15s %7sx\n' "$label" "$w" "$(ratio "$bw" "$w")" "$p" "$(ratio "$bp" "$p")"
done
