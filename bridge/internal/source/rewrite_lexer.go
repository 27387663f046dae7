package source

// The one source tokenizer of the rewrite chain (rewrite.go). Each token
// keeps the text before it (spaces, comments, line breaks, backslash
// continuations), so joining tokens gives the source back; passes change a
// token's text or add text around it, never line breaks, so line numbers
// stay the source's.

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// TokKind classifies a source token for the rewrite passes.
type TokKind uint8

// Token kinds.
const (
	TkName   TokKind = iota // identifiers and keywords
	TkNumber                // numeric literals
	TkString                // string and bytes literals, prefix included
	TkOp                    // operators and delimiters
	TkEOF                   // end of input (Pre holds trailing space)
)

// A Token is one source token. Pre is the text before it (spaces, comments,
// line breaks, backslash continuations), so concatenating Pre+Text of every
// token gives the source back exactly.
type Token struct {
	Text   string
	Pre    string
	Line   int // 1-based line of Text's start
	Indent int // column of the logical line's first token
	Match  int // index of the matching bracket, or -1

	// Edits made in place by a pass (Untokenize renders them).
	Before string // text inserted before the token
	After  string // text inserted after the token

	Kind      TokKind
	LineStart bool // first token of a logical line
	dead      bool // removed: only Pre is kept
	broken    bool // an unterminated string literal
}

// Tokenize splits Python source into tokens. It never fails: an
// unterminated string becomes a string token up to the end of its line, and
// text it does not understand becomes single-character TkOp tokens, for the
// parser to reject.
func Tokenize(src string) []Token {
	toks := make([]Token, 0, tokenBound(src))
	line, depth, col, indent := 1, 0, 0, 0
	lineStart := true
	i, preStart := 0, 0
	for {
		// Whitespace, comments, line breaks, continuations.
	space:
		for i < len(src) {
			c := src[i]
			switch {
			case c == ' ' || c == '\t' || c == '\f' || c == '\r':
				i++
				col++
			case c == '\n':
				i++
				line++
				col = 0
				if depth == 0 {
					lineStart = true
				}
			case c == '#':
				for i < len(src) && src[i] != '\n' && src[i] != '\r' {
					i++
				}
			case c == '\\' && i+1 < len(src) && (src[i+1] == '\n' || src[i+1] == '\r'):
				i += 2
				if src[i-1] == '\r' && i < len(src) && src[i] == '\n' {
					i++
				}
				line++
				col = 0
			default:
				break space
			}
		}
		if i >= len(src) {
			toks = append(toks, Token{Kind: TkEOF, Pre: src[preStart:], Line: line, LineStart: true, Match: -1})
			setMatches(toks)
			return toks
		}
		if lineStart {
			indent = col
		}
		t := Token{Pre: src[preStart:i], Line: line, LineStart: lineStart, Indent: indent, Match: -1}
		lineStart = false
		start := i
		c := src[i]
		switch {
		case c == '\'' || c == '"':
			i, t.broken = lexString(src, i)
			t.Kind = TkString
		case c >= '0' && c <= '9' || c == '.' && i+1 < len(src) && src[i+1] >= '0' && src[i+1] <= '9':
			i = lexNumber(src, i)
			t.Kind = TkNumber
		case lexIdentStart(src, i):
			for i < len(src) && lexIdentChar(src, i) {
				_, n := utf8.DecodeRuneInString(src[i:])
				i += n
			}
			t.Kind = TkName
			if i < len(src) && (src[i] == '\'' || src[i] == '"') && lexStringPrefix(src[start:i]) {
				i, t.broken = lexString(src, i)
				t.Kind = TkString
			}
		default:
			t.Kind = TkOp
			i += lexOpLen(src[i:])
			switch src[start:i] {
			case "(", "[", "{":
				depth++
			case ")", "]", "}":
				if depth > 0 {
					depth--
				}
			}
		}
		t.Text = src[start:i]
		line += strings.Count(t.Text, "\n")
		col += utf8.RuneCountInString(t.Text)
		toks = append(toks, t)
		preStart = i
	}
}

// tokenBound is a cheap upper bound of the number of tokens in src (one
// per operator character, one per run of word characters, and EOF), so
// that Tokenize allocates once. Inside string literals it over-counts.
func tokenBound(src string) int {
	n, word := 1, false
	for i := 0; i < len(src); i++ {
		c := src[i]
		switch {
		case c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= utf8.RuneSelf:
			if !word {
				n++
				word = true
			}
		case c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f':
			word = false
		default:
			n++
			word = false
		}
	}
	return n
}

// Untokenize joins tokens back into source, with the passes' edits.
func Untokenize(toks []Token) string {
	n := 0
	for i := range toks {
		n += len(toks[i].Pre) + len(toks[i].Text) + len(toks[i].Before) + len(toks[i].After)
	}
	var b strings.Builder
	b.Grow(n)
	for i := range toks {
		t := &toks[i]
		b.WriteString(t.Pre)
		if t.dead {
			continue
		}
		b.WriteString(t.Before)
		b.WriteString(t.Text)
		b.WriteString(t.After)
	}
	return b.String()
}

// setMatches links each bracket to its partner (Token.Match).
func setMatches(toks []Token) {
	var stack []int
	for i := range toks {
		if toks[i].Kind != TkOp {
			continue
		}
		switch toks[i].Text {
		case "(", "[", "{":
			stack = append(stack, i)
		case ")", "]", "}":
			if len(stack) > 0 {
				o := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				toks[o].Match = i
				toks[i].Match = o
			}
		}
	}
}

func lexIdentStart(src string, i int) bool {
	c := src[i]
	if c < utf8.RuneSelf {
		return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
	}
	r, _ := utf8.DecodeRuneInString(src[i:])
	return unicode.IsLetter(r) || unicode.Is(unicode.Nl, r) || unicode.Is(unicode.Other_ID_Start, r)
}

func lexIdentChar(src string, i int) bool {
	c := src[i]
	if c < utf8.RuneSelf {
		return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
	}
	r, _ := utf8.DecodeRuneInString(src[i:])
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.In(r, unicode.Mn, unicode.Mc, unicode.Pc, unicode.Nl)
}

func lexStringPrefix(p string) bool {
	switch strings.ToLower(p) {
	case "r", "u", "b", "br", "rb", "f", "fr", "rf":
		return true
	}
	return false
}

// lexString returns the end of the string literal whose quote starts at i,
// and whether it is unterminated (then it ends at its line's end, or at the
// end of the source for a triple-quoted one).
func lexString(src string, i int) (int, bool) {
	q := src[i]
	if i+2 < len(src) && src[i+1] == q && src[i+2] == q {
		for j := i + 3; j < len(src); j++ {
			if src[j] == '\\' {
				j++
				continue
			}
			if src[j] == q && j+2 < len(src) && src[j+1] == q && src[j+2] == q {
				return j + 3, false
			}
		}
		return len(src), true
	}
	for j := i + 1; j < len(src); j++ {
		switch src[j] {
		case '\\':
			if j+1 < len(src) && src[j+1] == '\r' && j+2 < len(src) && src[j+2] == '\n' {
				j++
			}
			j++
		case q:
			return j + 1, false
		case '\n', '\r':
			return j, true
		}
	}
	return len(src), true
}

func lexNumber(src string, i int) int {
	if src[i] == '0' && i+1 < len(src) && strings.IndexByte("xXoObB", src[i+1]) >= 0 {
		i += 2
		for i < len(src) && (lexIsHex(src[i]) || src[i] == '_') {
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

func lexIsHex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

func lexOpLen(s string) int {
	if strings.IndexByte("()[]{},;~", s[0]) >= 0 {
		return 1
	}
	for _, o := range lexOps3 {
		if strings.HasPrefix(s, o) {
			return 3
		}
	}
	for _, o := range lexOps2 {
		if strings.HasPrefix(s, o) {
			return 2
		}
	}
	_, n := utf8.DecodeRuneInString(s)
	return n
}

var lexOps3 = []string{"**=", "//=", ">>=", "<<=", "..."}
var lexOps2 = []string{"**", "//", "<<", ">>", "<=", ">=", "==", "!=", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "@=", "->", ":="}

// The helpers below read the token structure for the passes.

var pyKeywords = map[string]bool{
	"False": true, "None": true, "True": true, "and": true, "as": true, "assert": true, "async": true,
	"await": true, "break": true, "class": true, "continue": true, "def": true, "del": true, "elif": true,
	"else": true, "except": true, "finally": true, "for": true, "from": true, "global": true, "if": true,
	"import": true, "in": true, "is": true, "lambda": true, "nonlocal": true, "not": true, "or": true,
	"pass": true, "raise": true, "return": true, "try": true, "while": true, "with": true, "yield": true,
}

func (t *Token) Is(text string) bool { return t.Kind == TkOp && t.Text == text }

func (t *Token) isName() bool { return t.Kind == TkName && !pyKeywords[t.Text] }

func (t *Token) isKeyword(kw string) bool { return t.Kind == TkName && t.Text == kw }

// endsOperand reports whether t can end an expression, so that a following
// "(" is a call and "[" a subscript.
func (t *Token) endsOperand() bool {
	switch t.Kind {
	case TkName:
		return !pyKeywords[t.Text] || t.Text == "None" || t.Text == "True" || t.Text == "False"
	case TkString, TkNumber:
		return true
	case TkOp:
		return t.Text == ")" || t.Text == "]" || t.Text == "}"
	}
	return false
}

// items splits the inside of the bracket at open into top-level,
// comma-separated items: [start, end) token index ranges.
func items(toks []Token, open int) [][2]int {
	close := toks[open].Match
	var out [][2]int
	start := open + 1
	lambdas := 0
	for i := open + 1; i < close; i++ {
		t := &toks[i]
		if t.Kind == TkOp && t.Match > i {
			i = t.Match
			continue
		}
		if t.Kind == TkName && t.Text == "lambda" {
			lambdas++
		}
		if t.Is(":") && lambdas > 0 {
			lambdas--
		}
		if t.Is(",") && lambdas == 0 {
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
func topLevel(toks []Token, start, end int) []int {
	var out []int
	for i := start; i < end; i++ {
		out = append(out, i)
		if toks[i].Kind == TkOp && toks[i].Match > i {
			i = toks[i].Match
		}
	}
	return out
}

// lineEnd returns the index of the first token of the logical line after
// the one holding token i (the EOF token at the end).
func lineEnd(toks []Token, i int) int {
	for j := i + 1; j < len(toks); j++ {
		if toks[j].LineStart {
			return j
		}
	}
	return len(toks) - 1
}
