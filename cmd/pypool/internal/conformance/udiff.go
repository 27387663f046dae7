package conformance

import (
	"fmt"
	"strings"
)

// UnifiedDiff returns a unified diff (3 lines of context) turning want into got, headed by the
// two labels, or "" when they are equal. Outputs are small, so a plain longest-common-subsequence
// table is enough; beyond maxDiffLines lines per side the diff is cut to a summary.
func UnifiedDiff(wantLabel, gotLabel string, want, got []string) string {
	if equalLines(want, got) {
		return ""
	}
	if len(want) > maxDiffLines || len(got) > maxDiffLines {
		return fmt.Sprintf("--- %s\n+++ %s\n(%d lines against %d: too long to diff; %s)\n",
			wantLabel, gotLabel, len(want), len(got), diffLines(got, want))
	}
	ops := editScript(want, got)
	var b strings.Builder
	fmt.Fprintf(&b, "--- %s\n+++ %s\n", wantLabel, gotLabel)
	const context = 3
	for i := 0; i < len(ops); {
		if ops[i].kind == ' ' {
			i++
			continue
		}
		// A hunk: from context lines before this change to context lines after the last change
		// that is within 2*context of the next.
		start := max(0, i-context)
		end := i
		for end < len(ops) {
			if ops[end].kind != ' ' {
				end++
				continue
			}
			run := end
			for run < len(ops) && ops[run].kind == ' ' {
				run++
			}
			if run == len(ops) || run-end > 2*context {
				end = min(len(ops), end+context)
				break
			}
			end = run
		}
		wantStart, gotStart, wantN, gotN := ops[start].want, ops[start].got, 0, 0
		for _, op := range ops[start:end] {
			if op.kind != '+' {
				wantN++
			}
			if op.kind != '-' {
				gotN++
			}
		}
		fmt.Fprintf(&b, "@@ -%s +%s @@\n", hunkRange(wantStart, wantN), hunkRange(gotStart, gotN))
		for _, op := range ops[start:end] {
			b.WriteByte(op.kind)
			b.WriteString(op.text)
			b.WriteByte('\n')
		}
		i = end
	}
	return b.String()
}

const maxDiffLines = 4000

type editOp struct {
	kind      byte // ' ', '-' (only in want), '+' (only in got)
	text      string
	want, got int // 0-based line numbers in want and got where the op stands
}

// editScript walks a longest-common-subsequence table of want and got.
func editScript(want, got []string) []editOp {
	n, m := len(want), len(got)
	lcs := make([][]int32, n+1)
	for i := range lcs {
		lcs[i] = make([]int32, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if want[i] == got[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	var ops []editOp
	i, j := 0, 0
	for i < n || j < m {
		switch {
		case i < n && j < m && want[i] == got[j]:
			ops = append(ops, editOp{' ', want[i], i, j})
			i++
			j++
		case i < n && (j == m || lcs[i+1][j] >= lcs[i][j+1]):
			ops = append(ops, editOp{'-', want[i], i, j})
			i++
		default:
			ops = append(ops, editOp{'+', got[j], i, j})
			j++
		}
	}
	return ops
}

func hunkRange(start, n int) string {
	if n == 0 {
		return fmt.Sprintf("%d,0", start)
	}
	if n == 1 {
		return fmt.Sprintf("%d", start+1)
	}
	return fmt.Sprintf("%d,%d", start+1, n)
}

func equalLines(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
