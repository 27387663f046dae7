package pyrt

import (
	"reflect"
	"testing"
)

func TestAtExitLIFO(t *testing.T) {
	in := NewInterp(Options{})
	defer in.Close()
	var got []int
	in.AtExit(func() { got = append(got, 1) })
	in.AtExit(func() {
		got = append(got, 2)
		in.AtExit(func() { got = append(got, 3) }) // registered while exiting: runs too
	})
	in.RunAtExit()
	in.RunAtExit()
	if want := []int{2, 3, 1}; !reflect.DeepEqual(got, want) {
		t.Errorf("ran %v, want %v", got, want)
	}
}
