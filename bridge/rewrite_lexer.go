package bridge

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// TokKind classifies a source token for the rewrite passes (registerRewrite).
type TokKind int

// Token kinds.
const (
	TkName    TokKind = iota // identifiers and keywords
	TkNumber                 // numeric literals
	TkString                 // string and bytes literals, prefix included
	TkOp                     // operators and delimiters
	TkNewline                // a line break (logical or not)
	TkEOF                    // end of input (Pre holds trailing space)
)

// A Token is one source token. Pre is the text before it (spaces, comments,
// backslash continuations), so concatenating Pre+Text of every token gives
// the source back exactly.
type Token struct {
	Kind TokKind
	Text string
	Pre  string
	Line int // 1-based line of Text's start
}

// Tokenize splits Python source into tokens. It never fails: text it does not
// understand becomes single-character TkOp tokens for the parser to reject.
func Tokenize(src string) []Token {
	var toks []Token
	line := 1
	i := 0
	preStart := 0
	emit := func(kind TokKind, start, end int) {
		pre := src[preStart:start]
		line += strings.Count(pre, "\n")
		toks = append(toks, Token{Kind: kind, Text: src[start:end], Pre: pre, Line: line})
		line += strings.Count(src[start:end], "\n")
		preStart = end
	}
	for i < len(src) {
		c := src[i]
		switch {
		case c == ' ' || c == '\t' || c == '\f':
			i++
		case c == '#':
			for i < len(src) && src[i] != '\n' && src[i] != '\r' {
				i++
			}
		case c == '\\' && i+1 < len(src) && (src[i+1] == '\n' || src[i+1] == '\r'):
			i += 2
			if src[i-1] == '\r' && i < len(src) && src[i] == '\n' {
				i++
			}
		case c == '\r' || c == '\n':
			end := i + 1
			if c == '\r' && end < len(src) && src[end] == '\n' {
				end++
			}
			emit(TkNewline, i, end)
			i = end
		case c == '\'' || c == '"':
			end := lexString(src, i)
			emit(TkString, i, end)
			i = end
		case c >= '0' && c <= '9' || c == '.' && i+1 < len(src) && src[i+1] >= '0' && src[i+1] <= '9':
			end := lexNumber(src, i)
			emit(TkNumber, i, end)
			i = end
		case lexIdentStart(src, i):
			end := i
			for end < len(src) && lexIdentChar(src, end) {
				_, n := utf8.DecodeRuneInString(src[end:])
				end += n
			}
			if end < len(src) && (src[end] == '\'' || src[end] == '"') && lexStringPrefix(src[i:end]) {
				send := lexString(src, end)
				emit(TkString, i, send)
				i = send
				continue
			}
			emit(TkName, i, end)
			i = end
		default:
			n := lexOpLen(src[i:])
			emit(TkOp, i, i+n)
			i += n
		}
	}
	emit(TkEOF, len(src), len(src))
	return toks
}

// Untokenize joins tokens back into source.
func Untokenize(toks []Token) string {
	var b strings.Builder
	for _, t := range toks {
		b.WriteString(t.Pre)
		b.WriteString(t.Text)
	}
	return b.String()
}

func lexIdentStart(src string, i int) bool {
	c := src[i]
	if c < utf8.RuneSelf {
		return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
	}
	r, _ := utf8.DecodeRuneInString(src[i:])
	return unicode.IsLetter(r)
}

func lexIdentChar(src string, i int) bool {
	c := src[i]
	if c < utf8.RuneSelf {
		return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
	}
	r, _ := utf8.DecodeRuneInString(src[i:])
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r)
}

func lexStringPrefix(p string) bool {
	switch strings.ToLower(p) {
	case "r", "u", "b", "br", "rb", "f", "fr", "rf":
		return true
	}
	return false
}

// lexString returns the end of the string literal whose quote starts at i.
func lexString(src string, i int) int {
	q := src[i]
	triple := i+2 < len(src) && src[i+1] == q && src[i+2] == q
	if triple {
		j := i + 3
		for j < len(src) {
			if src[j] == '\\' {
				j += 2
				continue
			}
			if src[j] == q && j+2 < len(src) && src[j+1] == q && src[j+2] == q {
				return j + 3
			}
			j++
		}
		return len(src)
	}
	j := i + 1
	for j < len(src) {
		switch src[j] {
		case '\\':
			j += 2
			continue
		case q:
			return j + 1
		case '\n':
			return j // unterminated: let the parser report it
		}
		j++
	}
	if j > len(src) {
		j = len(src)
	}
	return j
}

func lexNumber(src string, i int) int {
	j := i
	if src[j] == '0' && j+1 < len(src) && strings.IndexByte("xXoObB", src[j+1]) >= 0 {
		j += 2
		for j < len(src) && (lexIsHex(src[j]) || src[j] == '_') {
			j++
		}
		return j
	}
	for j < len(src) {
		c := src[j]
		switch {
		case c >= '0' && c <= '9' || c == '_' || c == '.':
			j++
		case c == 'e' || c == 'E':
			j++
			if j < len(src) && (src[j] == '+' || src[j] == '-') {
				j++
			}
		case c == 'j' || c == 'J':
			return j + 1
		default:
			return j
		}
	}
	return j
}

func lexIsHex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

func lexOpLen(s string) int {
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
