package re

import (
	"strings"
	"testing"

	"github.com/go-python/gpython/py"
)

func TestTranslateRegexp(t *testing.T) {
	ok := map[string]string{
		`a\Z`:         `a\z`,
		`x{,3}`:       `x{0,3}`,
		`(?P<n>a)`:    `(?P<n>a)`,
		`a(?#note)b`:  `ab`,
		`[]a]`:        `[\]a]`,
		`\u00e9`:      `\x{00e9}`,
		`(?i:a)`:      `(?i:a)`,
		`[[]`:         `[\[]`,
		`\d`:          `\p{Nd}`,
		`\.`:          `\.`,
		`a # c`:       `a # c`,
		`(?x) a b #c`: `ab`,
	}
	for in, want := range ok {
		got, _, err := translateRegexp(in, 0)
		if err != nil || got != want {
			t.Errorf("translateRegexp(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	bad := map[string]string{
		`(a)\1`:      "backreferences",
		`(?P=n)`:     "backreferences",
		`(?=x)`:      "lookahead",
		`(?!x)`:      "lookahead",
		`(?<=x)`:     "lookbehind",
		`(?<!x)`:     "lookbehind",
		`(?>x)`:      "atomic",
		`a*+`:        "possessive",
		`(?(1)a|b)`:  "conditional",
		`\q`:         "bad escape",
		`[a`:         "unterminated character set",
		`\N{BULLET}`: "named characters",
		`x\`:         "bad escape",
		`\x4`:        "incomplete escape",
	}
	for in, want := range bad {
		_, _, err := translateRegexp(in, 0)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("translateRegexp(%q) error = %v; want one naming %q", in, err, want)
		}
	}
}

func TestRegexpFindRunes(t *testing.T) {
	p, err := compileProg(`\w+`, 0)
	if err != nil {
		t.Fatal(err)
	}
	s := "né 中文 x"
	// search from code point 3 (the space after "né" is 2)
	ri := newRuneIndex(s)
	m := p.find(s, ri.toByte(3), len(s), 0)
	if got := ri.spans(m); len(got) != 2 || got[0] != py.Int(3) || got[1] != py.Int(5) {
		t.Fatalf("spans = %v, want (3, 5)", got)
	}
	if m := p.find(s, ri.toByte(3), len(s), 2); m != nil {
		t.Fatalf("fullmatch from 3 matched %v", m)
	}
}
