package bridge

import "testing"

// Expected outputs are CPython 3.11's.
func TestBoolArith(t *testing.T) {
	out, errLine := runCompat(t, `def cmp(a, b):
    return (a > b) - (a < b)
x, y = 3, 5
print(cmp(1, 2), cmp(2, 2), cmp(3, 2), True + True, True - False, True & False, True | False, True ^ True, (x > 1) + (y > 1), (x == 3) * (y != 5))
print(True + 1, (x > 1) + 1, 1 + (x > 1), sorted([3, 1, 2], key=lambda v: (v > 1) - (v < 3)))
`)
	want := "-1 0 1 2 1 False True False 2 0\n2 2 2 [1, 2, 3]\n"
	if out != want || errLine != "" {
		t.Errorf("got %q, error %q\nwant %q", out, errLine, want)
	}
	// Bools in variables are left to gpython: a loud TypeError (CPython
	// prints 2). README, Differences from CPython.
	_, errLine = runCompat(t, "a = b = True\nprint(a + b)\n")
	if errLine == "" {
		t.Errorf("a + b on bool variables: no error; update the README's Differences if this is mended")
	}
}
