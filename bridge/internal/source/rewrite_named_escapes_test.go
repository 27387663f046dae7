package source

import "testing"

func TestNamedEscapes(t *testing.T) {
	cases := []struct{ src, want string }{
		{`'\N{BULLET}'`, `'\U00002022'`},
		{`"a\N{latin small letter a}b"`, `"a\U00000061b"`},
		{`'\\N{BULLET}'`, `'\\N{BULLET}'`},
		{`f'{x}\N{EM DASH}'`, `f'{x}\U00002014'`},
		{`'\N{CJK UNIFIED IDEOGRAPH-4E2D}\N{LF}'`, `'\U00004e2d\U0000000a'`},
	}
	for _, c := range cases {
		got, err := expandNamedEscapes(c.src, indexQuote(c.src))
		if err != nil || got != c.want {
			t.Errorf("%s: got %s, %v; want %s", c.src, got, err, c.want)
		}
	}
	if _, err := expandNamedEscapes(`'\N{NO SUCH NAME}'`, 0); err == nil {
		t.Error("unknown name accepted")
	}
}

func indexQuote(s string) int {
	for i, c := range s {
		if c == '\'' || c == '"' {
			return i
		}
	}
	return -1
}
