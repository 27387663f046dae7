package source

// Named Unicode escapes. gpython's lexer keeps "\N{BULLET}" as the six
// characters; this rewrite pass turns each \N{name} of a str literal (plain
// or f-string, not raw, not bytes) into the equivalent \UXXXXXXXX before
// gpython reads it. Names are looked up as CPython does: case-insensitively,
// with the formal aliases of control and format characters, and the
// algorithmic names of CJK unified ideographs. An unknown name is the
// SyntaxError CPython reports.

import (
	"strconv"
	"strings"
	"sync"

	"golang.org/x/text/unicode/runenames"
)

func init() {
	// Before the f-string pass, which would read {name} as a field.
	Register("named-escapes", 40, containsAll(`\N{`), rewriteNamedEscapes)
}

func rewriteNamedEscapes(rc *Ctx, toks []Token) ([]Token, error) {
	for i := range toks {
		t := &toks[i]
		if t.Kind != TkString || !strings.Contains(t.Text, `\N{`) {
			continue
		}
		q := strings.IndexAny(t.Text, `'"`)
		if q < 0 {
			continue
		}
		prefix := strings.ToLower(t.Text[:q])
		if strings.ContainsAny(prefix, "rb") {
			continue
		}
		text, err := expandNamedEscapes(t.Text, q)
		if err != nil {
			return nil, &RewriteError{Line: rc.Line(t.Line), Msg: err.Error()}
		}
		t.Text = text
	}
	return toks, nil
}

// namedEscapeError is CPython's SyntaxError for a bad \N escape.
type namedEscapeError struct{ msg string }

func (e *namedEscapeError) Error() string { return e.msg }

// expandNamedEscapes rewrites the \N{…} escapes of literal s (body from
// index start on).
func expandNamedEscapes(s string, start int) (string, error) {
	body := start + 1
	if strings.HasPrefix(s[start:], `'''`) || strings.HasPrefix(s[start:], `"""`) {
		body = start + 3
	}
	pos := func(from, to int) string {
		return "in position " + strconv.Itoa(from-body) + "-" + strconv.Itoa(to-body-1)
	}
	var b strings.Builder
	b.WriteString(s[:start])
	for i := start; i < len(s); i++ {
		c := s[i]
		if c != '\\' || i+1 >= len(s) {
			b.WriteByte(c)
			continue
		}
		if s[i+1] != 'N' || i+2 >= len(s) || s[i+2] != '{' {
			b.WriteString(s[i : i+2])
			i++
			continue
		}
		end := strings.IndexByte(s[i+3:], '}')
		if end < 0 {
			return "", &namedEscapeError{"(unicode error) 'unicodeescape' codec can't decode bytes " + pos(i, len(s)-(body-start)) + ": malformed \\N character escape"}
		}
		name := s[i+3 : i+3+end]
		r, ok := lookupRuneName(name)
		if !ok {
			return "", &namedEscapeError{"(unicode error) 'unicodeescape' codec can't decode bytes " + pos(i, i+4+end) + ": unknown Unicode character name"}
		}
		hex := strconv.FormatInt(int64(r), 16)
		b.WriteString(`\U` + strings.Repeat("0", 8-len(hex)) + hex)
		i += 3 + end
	}
	return b.String(), nil
}

var (
	runeNamesOnce sync.Once
	runeNames     map[string]rune
)

// runeAliases are formal name aliases CPython's \N{} accepts.
var runeAliases = map[string]rune{
	"NULL": 0, "NUL": 0, "ALERT": 7, "BEL": 7, "BACKSPACE": 8, "BS": 8,
	"CHARACTER TABULATION": 9, "HORIZONTAL TABULATION": 9, "HT": 9, "TAB": 9,
	"LINE FEED": 10, "NEW LINE": 10, "END OF LINE": 10, "LF": 10, "NL": 10, "EOL": 10,
	"LINE TABULATION": 11, "VERTICAL TABULATION": 11, "VT": 11,
	"FORM FEED": 12, "FF": 12, "CARRIAGE RETURN": 13, "CR": 13,
	"ESCAPE": 0x1b, "ESC": 0x1b, "DELETE": 0x7f, "DEL": 0x7f,
	"NBSP": 0xa0, "SHY": 0xad, "ZWSP": 0x200b, "ZWNJ": 0x200c, "ZWJ": 0x200d,
	"BYTE ORDER MARK": 0xfeff, "BOM": 0xfeff, "ZWNBSP": 0xfeff,
}

// cjkRanges are the CJK unified ideograph blocks (named algorithmically).
var cjkRanges = [][2]rune{
	{0x3400, 0x4dbf}, {0x4e00, 0x9fff}, {0x20000, 0x2a6df}, {0x2a700, 0x2b73f},
	{0x2b740, 0x2b81f}, {0x2b820, 0x2ceaf}, {0x2ceb0, 0x2ebef}, {0x30000, 0x3134f},
}

// lookupRuneName is unicodedata.lookup for \N{name}.
func lookupRuneName(name string) (rune, bool) {
	name = strings.ToUpper(strings.TrimSpace(name))
	if r, ok := runeAliases[name]; ok {
		return r, true
	}
	if hex, ok := strings.CutPrefix(name, "CJK UNIFIED IDEOGRAPH-"); ok {
		n, err := strconv.ParseInt(hex, 16, 32)
		if err == nil && (len(hex) == 4 || len(hex) == 5) {
			for _, rg := range cjkRanges {
				if rune(n) >= rg[0] && rune(n) <= rg[1] {
					return rune(n), true
				}
			}
		}
		return 0, false
	}
	runeNamesOnce.Do(func() {
		runeNames = make(map[string]rune, 40000)
		add := func(lo, hi rune) {
			for r := lo; r <= hi; r++ {
				if n := runenames.Name(r); n != "" && n[0] != '<' {
					runeNames[n] = r
				}
			}
		}
		// The planes with named characters (CJK and Hangul are algorithmic).
		add(0, 0x33ff)
		add(0x4dc0, 0x4dff)
		add(0xa000, 0xabff)
		add(0xd7b0, 0x1ffff)
		add(0xe0000, 0xe01ef)
	})
	r, ok := runeNames[name]
	return r, ok
}
