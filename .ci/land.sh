#!/usr/bin/env bash
# land.sh: land the current branch of a git worktree on main, green or not at all.
#
# Run it from a worktree (git worktree add ../wt-NAME -b NAME main) with everything committed:
#   .ci/land.sh            merge main into this branch, check, fast-forward main to it
#   LAND_QUICK=1 .ci/land.sh   skip the race run (the plain go test ./... still runs)
#
# Steps, under one lock so two landings never interleave:
#   1. merge the current main into the branch (a conflict stops here: resolve, commit, rerun);
#   2. gofmt, go vet, go build, go test ./... (the README's test command, as .ci/run);
#   3. fast-forward main (the checkout at $LAND_MAIN, default /work/main) to the branch.
# If main moved while the tests ran, it starts again from step 1.
set -euo pipefail
main_dir=${LAND_MAIN:-/work/main}
lock=${LAND_LOCK:-/work/.land.lock}
top=$(git rev-parse --show-toplevel)
cd "$top"
branch=$(git symbolic-ref --short HEAD)
[ "$branch" != main ] || { echo "land.sh: run it from a worktree branch, not main" >&2; exit 2; }
[ -z "$(git status --porcelain --untracked-files=no)" ] || { echo "land.sh: commit first" >&2; exit 2; }

exec 9>"$lock"
echo "land.sh: waiting for the landing lock…"
flock 9
for attempt in 1 2 3; do
	main_head=$(git -C "$main_dir" rev-parse HEAD)
	if ! git merge --no-edit "$main_head"; then
		echo "land.sh: merge conflict with main: resolve, commit, rerun" >&2
		exit 1
	fi
	unformatted=$(gofmt -l $(git ls-files '*.go'))
	[ -z "$unformatted" ] || { echo "land.sh: gofmt needed:"; echo "$unformatted"; exit 1; } >&2
	go vet ./...
	go build ./...
	go test -count=1 ./...   # no cached results: the conformance tests build the binary themselves
	if [ "${LAND_QUICK:-}" = "" ]; then
		go test -race ./bridge/... ./pool/... >/tmp/land-race-$branch.log 2>&1 ||
			{ tail -40 /tmp/land-race-$branch.log; echo "land.sh: race run failed" >&2; exit 1; }
	fi
	[ -z "$(git -C "$main_dir" status --porcelain --untracked-files=no)" ] ||
		{ echo "land.sh: $main_dir has uncommitted changes; not touching it" >&2; exit 1; }
	if [ "$(git -C "$main_dir" rev-parse HEAD)" != "$main_head" ]; then
		echo "land.sh: main moved during the checks; again"
		continue
	fi
	git -C "$main_dir" merge --ff-only "$branch"
	echo "land.sh: main is now $(git rev-parse --short HEAD)"
	exit 0
done
echo "land.sh: main kept moving; rerun" >&2
exit 1
