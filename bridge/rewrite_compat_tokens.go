package bridge

// A small Python tokenizer for the compat rewriting passes. Each token keeps
// the text before it (spaces, comments, newlines, line continuations), so
// joining tokens gives the source back; passes change a token's text or add
// text around it, never newlines, so line numbers stay as they were.

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

type tokKind int

const (
	tkName tokKind = iota
	tkNumber
	tkString
	tkOp
	tkEnd // end of source (carries trailing whitespace)
)

type token struct {
	kind      tokKind
	text      string
	pre       string // whitespace, comments and newlines before the token
	lineStart bool   // first token of a logical line
	indent    int    // column of the logical line's first token
	match     int    // index of the matching bracket, or -1
	before    string // text inserted before the token
	after     string // text inserted after the token
	dead      bool   // removed: only pre is kept
}

var ctOps3 = []string{"**=", "//=", ">>=", "<<=", "..."}
var ctOps2 = []string{"**", "//", "->", ":=", "==", "!=", "<=", ">=", "<<", ">>", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "@="}

// tokenize splits src into tokens; ok is false when src has something the
// tokenizer does not understand (an unterminated string), in which case the
// passes leave src alone and the parser reports the error.
func tokenize(src string) ([]token, bool) {
	toks := make([]token, 0, len(src)/3+16)
	depth := 0
	i := 0
	lineStart := true
	preStart := 0
	indent := 0
	col := 0
	for {
		// Whitespace, comments, newlines, continuations.
		for i < len(src) {
			c := src[i]
			switch {
			case c == ' ' || c == '\t' || c == '\f' || c == '\r':
				i++
				col++
			case c == '\n':
				i++
				col = 0
				if depth == 0 {
					lineStart = true
				}
			case c == '#':
				for i < len(src) && src[i] != '\n' {
					i++
				}
			case c == '\\' && i+1 < len(src) && (src[i+1] == '\n' || (src[i+1] == '\r' && i+2 < len(src) && src[i+2] == '\n')):
				i += 2
				if src[i-1] == '\r' {
					i++
				}
				col = 0
			default:
				goto tok
			}
		}
		toks = append(toks, token{kind: tkEnd, pre: src[preStart:], match: -1})
		setMatches(toks)
		return toks, true
	tok:
		pre := src[preStart:i]
		start := i
		if lineStart {
			indent = col
		}
		t := token{pre: pre, lineStart: lineStart, indent: indent, match: -1}
		lineStart = false
		c := src[i]
		switch {
		case ctIsStringStart(src, i):
			end, ok := ctScanString(src, i)
			if !ok {
				return nil, false
			}
			i = end
			t.kind = tkString
		case c >= '0' && c <= '9' || c == '.' && i+1 < len(src) && src[i+1] >= '0' && src[i+1] <= '9':
			i = ctScanNumber(src, i)
			t.kind = tkNumber
		case c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80:
			for i < len(src) {
				r, size := utf8.DecodeRuneInString(src[i:])
				if r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r) || r >= 0x80 && unicode.In(r, unicode.Mn, unicode.Mc, unicode.Pc) {
					i += size
					continue
				}
				break
			}
			if i == start {
				return nil, false
			}
			t.kind = tkName
		default:
			t.kind = tkOp
			n := 1
			if strings.IndexByte("()[]{},;~", c) >= 0 {
				i++
				goto opDone
			}
			for _, op := range ctOps3 {
				if strings.HasPrefix(src[i:], op) {
					n = 3
					break
				}
			}
			if n == 1 {
				for _, op := range ctOps2 {
					if strings.HasPrefix(src[i:], op) {
						n = 2
						break
					}
				}
			}
			i += n
		opDone:
			switch src[start:i] {
			case "(", "[", "{":
				depth++
			case ")", "]", "}":
				if depth > 0 {
					depth--
				}
			}
		}
		t.text = src[start:i]
		col += utf8.RuneCountInString(t.text)
		toks = append(toks, t)
		preStart = i
	}
}

func ctIsStringStart(src string, i int) bool {
	j := i
	for j < len(src) && j-i < 3 && strings.IndexByte("rRbBuUfF", src[j]) >= 0 {
		j++
	}
	return j < len(src) && (src[j] == '\'' || src[j] == '"')
}

func ctScanString(src string, i int) (int, bool) {
	raw := false
	for strings.IndexByte("rRbBuUfF", src[i]) >= 0 {
		if src[i] == 'r' || src[i] == 'R' {
			raw = true
		}
		i++
	}
	_ = raw
	q := src[i]
	triple := strings.HasPrefix(src[i:], strings.Repeat(string(q), 3))
	if triple {
		i += 3
		end := string([]byte{q, q, q})
		for i < len(src) {
			if src[i] == '\\' {
				i += 2
				continue
			}
			if strings.HasPrefix(src[i:], end) {
				return i + 3, true
			}
			i++
		}
		return 0, false
	}
	i++
	for i < len(src) {
		switch src[i] {
		case '\\':
			i += 2
			continue
		case '\n':
			return 0, false
		case q:
			return i + 1, true
		}
		i++
	}
	return 0, false
}

func ctScanNumber(src string, i int) int {
	if src[i] == '0' && i+1 < len(src) && strings.IndexByte("xXoObB", src[i+1]) >= 0 {
		i += 2
		for i < len(src) && (ctIsHex(src[i]) || src[i] == '_') {
			i++
		}
		return i
	}
	digits := func() {
		for i < len(src) && (src[i] >= '0' && src[i] <= '9' || src[i] == '_') {
			i++
		}
	}
	digits()
	if i < len(src) && src[i] == '.' {
		i++
		digits()
	}
	if i < len(src) && (src[i] == 'e' || src[i] == 'E') {
		j := i + 1
		if j < len(src) && (src[j] == '+' || src[j] == '-') {
			j++
		}
		if j < len(src) && src[j] >= '0' && src[j] <= '9' {
			i = j
			digits()
		}
	}
	if i < len(src) && (src[i] == 'j' || src[i] == 'J') {
		i++
	}
	return i
}

func ctIsHex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

func setMatches(toks []token) {
	var stack []int
	for i := range toks {
		if toks[i].kind != tkOp {
			continue
		}
		switch toks[i].text {
		case "(", "[", "{":
			stack = append(stack, i)
		case ")", "]", "}":
			if len(stack) > 0 {
				o := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				toks[o].match = i
				toks[i].match = o
			}
		}
	}
}

// joinTokens renders the (edited) tokens back to source.
func joinTokens(toks []token) string {
	var b strings.Builder
	for _, t := range toks {
		b.WriteString(t.pre)
		if t.dead {
			continue
		}
		b.WriteString(t.before)
		b.WriteString(t.text)
		b.WriteString(t.after)
	}
	return b.String()
}

var pyKeywords = map[string]bool{
	"False": true, "None": true, "True": true, "and": true, "as": true, "assert": true, "async": true,
	"await": true, "break": true, "class": true, "continue": true, "def": true, "del": true, "elif": true,
	"else": true, "except": true, "finally": true, "for": true, "from": true, "global": true, "if": true,
	"import": true, "in": true, "is": true, "lambda": true, "nonlocal": true, "not": true, "or": true,
	"pass": true, "raise": true, "return": true, "try": true, "while": true, "with": true, "yield": true,
}

func (t *token) is(text string) bool { return t.kind == tkOp && t.text == text }

func (t *token) isName() bool { return t.kind == tkName && !pyKeywords[t.text] }

// endsOperand reports whether t can end an expression, so that a following
// "(" is a call and "[" a subscript.
func (t *token) endsOperand() bool {
	switch t.kind {
	case tkName:
		return !pyKeywords[t.text] || t.text == "None" || t.text == "True" || t.text == "False"
	case tkString, tkNumber:
		return true
	case tkOp:
		return t.text == ")" || t.text == "]" || t.text == "}"
	}
	return false
}

// items splits the inside of the bracket at open into top-level,
// comma-separated items: [start, end) token index ranges.
func items(toks []token, open int) [][2]int {
	close := toks[open].match
	var out [][2]int
	start := open + 1
	lambdas := 0
	for i := open + 1; i < close; i++ {
		t := &toks[i]
		if t.kind == tkOp && t.match > i {
			i = t.match
			continue
		}
		if t.kind == tkName && t.text == "lambda" {
			lambdas++
		}
		if t.is(":") && lambdas > 0 {
			lambdas--
		}
		if t.is(",") && lambdas == 0 {
			out = append(out, [2]int{start, i})
			start = i + 1
		}
	}
	if start < close {
		out = append(out, [2]int{start, close})
	}
	return out
}

// topLevel returns the indexes of tokens in [start, end) not nested in brackets.
func topLevel(toks []token, start, end int) []int {
	var out []int
	for i := start; i < end; i++ {
		out = append(out, i)
		if toks[i].kind == tkOp && toks[i].match > i {
			i = toks[i].match
		}
	}
	return out
}
