package bridge

import "testing"

// A comprehension inside a comprehension in a function owns a cell (the
// outer loop variable) and a free variable (the function's argument) at the
// same index: each must read its own.
func TestDerefsCellAndFreeAtOneIndex(t *testing.T) {
	src := `# __pypool_free__ in the source: the probe picks another prefix
def h(n):
    return [list(i * 10 + j for j in range(n)) for i in range(n)]
print(h(3))
exec("def k(n):\n    return [[i + j + n for j in range(2)] for i in range(2)]\nprint(k(100))")
print(eval("(lambda n: [[i * n + j for j in range(2)] for i in range(2)])(10)"))
`
	stdout, stderr, status := runPy(t, src)
	want := "[[0, 1, 2], [10, 11, 12], [20, 21, 22]]\n[[100, 101], [101, 102]]\n[[0, 1], [10, 11]]\n"
	if stdout != want || status != 0 {
		t.Errorf("stdout %q status %d stderr %q, want %q", stdout, status, stderr, want)
	}
}
