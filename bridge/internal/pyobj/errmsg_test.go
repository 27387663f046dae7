package pyobj

import (
	"testing"

	"github.com/go-python/gpython/py"
)

func TestCorrectMessageWithoutSite(t *testing.T) {
	cases := []struct {
		base      *py.Type
		msg, want string
	}{
		{py.AttributeError, "'O' has no attribute 'x'", "'O' object has no attribute 'x'"},
		{py.AttributeError, "'module' has no attribute 'x'", "'module' object has no attribute 'x'"},
		{py.AttributeError, "type object 'C' has no attribute 'x'", ""},
		{py.TypeError, "unsupported operand type(s) for +: 'str' and 'int'", `can only concatenate str (not "int") to str`},
		{py.TypeError, "unsupported operand type(s) for +: 'int' and 'str'", ""},
		{py.TypeError, "unsupported operand type(s) for *: 'list' and 'float'", "can't multiply sequence by non-int of type 'float'"},
		{py.TypeError, "unsupported operand type(s) for <: 'int' and 'str'", "'<' not supported between instances of 'int' and 'str'"},
		{py.TypeError, "unsupported operand type(s) for abs: 'str'", "bad operand type for abs(): 'str'"},
		{py.TypeError, "unsupported operand type(s) for -: 'str'", "bad operand type for unary -: 'str'"},
		{py.TypeError, "unsupported operand type(s) for int: 'list'", "int() argument must be a string, a bytes-like object or a real number, not 'list'"},
		{py.TypeError, "unsupported operand type(s) for int: 'bool'", ""},
		{py.ValueError, "invalid literal for float: 'abc'", "could not convert string to float: 'abc'"},
		{py.ValueError, "invalid literal for int() with base 10: 'it's'", `invalid literal for int() with base 10: "it's"`},
		{py.IndexError, "index out of range", ""},
		{py.KeyError, "'O' has no attribute 'x'", ""},
	}
	for _, c := range cases {
		got, ok := correctMessage(c.base, c.msg, nil)
		if !ok {
			got = ""
		}
		if got != c.want {
			t.Errorf("%s(%q): got %q, want %q", c.base.Name, c.msg, got, c.want)
		}
	}
}

func TestCorrectExceptionCopiesSharedZeroDivision(t *testing.T) {
	sharedIntZeroDiv, sharedFloatZeroDiv := sharedZeroDiv()
	if sharedIntZeroDiv == nil || sharedFloatZeroDiv == nil {
		t.Fatal("shared ZeroDivisionError values not found")
	}
	c := correctException(sharedIntZeroDiv, nil)
	if c == sharedIntZeroDiv {
		t.Fatal("shared exception corrected in place")
	}
	if s, _ := ExceptionStr(c); s != "division by zero" {
		t.Errorf("got %q", s)
	}
	if s, _ := ExceptionStr(correctException(sharedFloatZeroDiv, nil)); s != "float division by zero" {
		t.Errorf("got %q", s)
	}
}
