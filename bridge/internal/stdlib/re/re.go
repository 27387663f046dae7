// Package re is the Go half of Python's re module, the engine under
// pylib/re.py (loaded by pyobj's pylib loader): Python regular
// expressions translated to Go's regexp (RE2). What RE2 cannot do
// (backreferences, lookahead/lookbehind, conditionals, atomic groups,
// possessive quantifiers) raises re.error naming the construct. Positions
// cross as code-point indexes, as Python counts them.
//
// Module _pypool_re:
//
//	compile(pattern, flags) -> prog
//	search(prog, string, pos, endpos, mode) -> spans or None
//	    mode 0 search, 1 match (anchored at pos), 2 fullmatch
//	finditer(prog, string, pos, endpos) -> list of spans (Python's rules
//	    for empty matches: one may follow a non-empty match)
//	groups(prog) -> int; groupindex(prog) -> {name: index}
//	error: the re.error exception class
//
// spans is a tuple (start0, end0, start1, end1, …), -1 for a group that did
// not take part.
//
// It registers _pypool_re with gpython from its init and readies re.error
// with pyrt.OnInstall; the facade (bridge) imports it for that effect. It
// imports gpython, bridge/pyrt (Func, Args) and bridge/internal/pyobj (dicts)
// and nothing above them.
package re

import (
	"fmt"
	"regexp"
	"regexp/syntax"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/go-python/gpython/py"
	"github.com/pypool/pypool/bridge/internal/pyobj"
	"github.com/pypool/pypool/bridge/pyrt"
)

// Python's flag values.
const (
	reIgnoreCase = 2
	reLocale     = 4
	reMultiline  = 8
	reDotAll     = 16
	reUnicode    = 32
	reVerbose    = 64
	reASCII      = 256
)

// reError is re.error.
var reError = py.ExceptionType.NewType("error", "Exception raised for invalid regular expressions.", nil, nil)

var reProgType = py.NewType("_pypool_re.Prog", "a compiled regular expression")

// reProg is a compiled pattern with its anchored variants, made on first use.
type reProg struct {
	src    string // the Go pattern (without flags prefix)
	flags  string // "(?ims)" prefix or ""
	plain  *regexp.Regexp
	ctx    *regexp.Regexp // one rune of context, then the pattern
	anch   *regexp.Regexp // anchored at the start
	anchC  *regexp.Regexp // one rune of context, then anchored
	full   *regexp.Regexp // anchored at both ends
	fullC  *regexp.Regexp
	groups int
	index  map[string]int
}

// Type returns the prog type.
func (p *reProg) Type() *py.Type { return reProgType }

func reErr(format string, args ...any) error {
	return py.ExceptionNewf(reError, format, args...)
}

// translateRegexp turns a Python pattern into RE2 syntax.
func translateRegexp(pat string, flags int) (string, int, error) {
	var b strings.Builder
	verbose := flags&reVerbose != 0
	ascii := flags&reASCII != 0
	inClass := false
	classStart := 0
	rs := []rune(pat)
	n := len(rs)
	for i := 0; i < n; i++ {
		c := rs[i]
		if inClass {
			switch c {
			case ']':
				if i > classStart {
					inClass = false
				} else {
					b.WriteString(`\]`)
					continue
				}
				b.WriteRune(c)
			case '[':
				b.WriteString(`\[`)
			case '\\':
				if i+1 >= n {
					return "", flags, reErr("bad escape (end of pattern) at position %d", i)
				}
				s, skip, err := translateEscape(rs, i, true, ascii)
				if err != nil {
					return "", flags, err
				}
				b.WriteString(s)
				i += skip
			default:
				b.WriteRune(c)
			}
			continue
		}
		if verbose {
			if c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' {
				continue
			}
			if c == '#' {
				for i < n && rs[i] != '\n' {
					i++
				}
				continue
			}
		}
		switch c {
		case '\\':
			if i+1 >= n {
				return "", flags, reErr("bad escape (end of pattern) at position %d", i)
			}
			s, skip, err := translateEscape(rs, i, false, ascii)
			if err != nil {
				return "", flags, err
			}
			b.WriteString(s)
			i += skip
		case '[':
			inClass = true
			b.WriteRune('[')
			classStart = i + 1
			if i+1 < n && rs[i+1] == '^' {
				b.WriteRune('^')
				i++
				classStart = i + 1
			}
		case '(':
			if i+1 < n && rs[i+1] == '?' {
				rest := string(rs[i+2:])
				switch {
				case strings.HasPrefix(rest, "P<"):
					b.WriteString("(?P<")
					i += 3
					continue
				case strings.HasPrefix(rest, "P="):
					return "", flags, reErr("pypool's re (Go's RE2 engine) does not support backreferences (?P=name) at position %d", i)
				case strings.HasPrefix(rest, "<="), strings.HasPrefix(rest, "<!"):
					return "", flags, reErr("pypool's re (Go's RE2 engine) does not support lookbehind assertions (?%s...) at position %d", rest[:2], i)
				case strings.HasPrefix(rest, "<"):
					return "", flags, reErr("unknown extension ?<%s at position %d", rest[1:min(len(rest), 2)], i+1)
				case strings.HasPrefix(rest, "="), strings.HasPrefix(rest, "!"):
					return "", flags, reErr("pypool's re (Go's RE2 engine) does not support lookahead assertions (?%s...) at position %d", rest[:1], i)
				case strings.HasPrefix(rest, ">"):
					return "", flags, reErr("pypool's re (Go's RE2 engine) does not support atomic groups (?>...) at position %d", i)
				case strings.HasPrefix(rest, "("):
					return "", flags, reErr("pypool's re (Go's RE2 engine) does not support conditional groups (?(...)...) at position %d", i)
				case strings.HasPrefix(rest, "#"):
					for i < n && rs[i] != ')' {
						i++
					}
					continue
				case strings.HasPrefix(rest, ":"):
					b.WriteString("(?:")
					i += 2
					continue
				}
				// inline flags: (?aiLmsux) or (?flags:...) or (?flags-flags:...)
				j := i + 2
				on, off := "", ""
				neg := false
				for j < n && strings.ContainsRune("aiLmsux-", rs[j]) {
					switch rs[j] {
					case '-':
						neg = true
					case 'i', 'm', 's':
						if neg {
							off += string(rs[j])
						} else {
							on += string(rs[j])
						}
					case 'x':
						if !neg {
							verbose = true
							flags |= reVerbose
						}
					case 'a':
						ascii = true
						flags |= reASCII
					}
					j++
				}
				if j >= n || (rs[j] != ')' && rs[j] != ':') {
					return "", flags, reErr("unknown extension ?%c at position %d", rs[i+2], i+1)
				}
				spec := on
				if off != "" {
					spec += "-" + off
				}
				if rs[j] == ')' {
					if spec != "" {
						b.WriteString("(?" + spec + ")")
					}
					i = j
					continue
				}
				if spec == "" {
					b.WriteString("(?:")
				} else {
					b.WriteString("(?" + spec + ":")
				}
				i = j
				continue
			}
			b.WriteRune('(')
		case '{':
			// {,n} means {0,n} in Python
			if i+1 < n && rs[i+1] == ',' {
				j := i + 2
				for j < n && rs[j] >= '0' && rs[j] <= '9' {
					j++
				}
				if j < n && rs[j] == '}' && j > i+2 {
					b.WriteString("{0")
					continue
				}
			}
			b.WriteRune(c)
		case '*', '+', '?', '}':
			b.WriteRune(c)
			if i+1 < n && rs[i+1] == '+' {
				return "", flags, reErr("pypool's re (Go's RE2 engine) does not support possessive quantifiers (%c+) at position %d", c, i)
			}
		default:
			b.WriteRune(c)
		}
	}
	if inClass {
		return "", flags, reErr("unterminated character set at position %d", classStart-1)
	}
	return b.String(), flags, nil
}

// translateEscape translates the escape at rs[i] ('\\'); skip is how many
// runes after the backslash it used.
func translateEscape(rs []rune, i int, inClass, ascii bool) (string, int, error) {
	c := rs[i+1]
	wrap := func(s string) string {
		if inClass {
			return s
		}
		return "[" + s + "]"
	}
	switch c {
	case 'd':
		if ascii {
			return `0-9`, 1, nil
		}
		return `\p{Nd}`, 1, nil
	case 'D':
		if ascii {
			return `\D`, 1, nil
		}
		return `\P{Nd}`, 1, nil
	case 'w':
		if ascii {
			return wrap(`0-9A-Za-z_`), 1, nil
		}
		return wrap(`\p{L}\p{N}_`), 1, nil
	case 'W':
		if ascii {
			return `\W`, 1, nil
		}
		if inClass {
			return "", 0, reErr("pypool's re does not support \\W inside a character set at position %d", i)
		}
		return `[^\p{L}\p{N}_]`, 1, nil
	case 's':
		if ascii {
			return wrap(`\t\n\v\f\r `), 1, nil
		}
		return wrap(`\t\n\v\f\r \x{1c}-\x{1f}\x{85}\p{Z}`), 1, nil
	case 'S':
		if inClass {
			return `\S`, 1, nil
		}
		if ascii {
			return `[^\t\n\v\f\r ]`, 1, nil
		}
		return `[^\t\n\v\f\r \x{1c}-\x{1f}\x{85}\p{Z}]`, 1, nil
	case 'b':
		if inClass {
			return `\x08`, 1, nil
		}
		return `\b`, 1, nil
	case 'B', 'A':
		if inClass {
			return "", 0, reErr("bad escape \\%c at position %d", c, i)
		}
		return `\` + string(c), 1, nil
	case 'Z':
		if inClass {
			return "", 0, reErr("bad escape \\Z at position %d", i)
		}
		return `\z`, 1, nil
	case 'a':
		return `\x07`, 1, nil
	case 'f', 'n', 'r', 't', 'v':
		return `\` + string(c), 1, nil
	case 'x':
		if i+3 < len(rs) && isHex(rs[i+2]) && isHex(rs[i+3]) {
			return `\x{` + string(rs[i+2:i+4]) + `}`, 3, nil
		}
		return "", 0, reErr("incomplete escape \\x at position %d", i)
	case 'u', 'U':
		k := 4
		if c == 'U' {
			k = 8
		}
		if i+1+k < len(rs) {
			h := rs[i+2 : i+2+k]
			ok := true
			for _, r := range h {
				ok = ok && isHex(r)
			}
			if ok {
				return `\x{` + string(h) + `}`, 1 + k, nil
			}
		}
		return "", 0, reErr("incomplete escape \\%c at position %d", c, i)
	case 'N':
		return "", 0, reErr("pypool's re does not support \\N{...} named characters at position %d", i)
	case '0':
		// octal escape: up to 3 octal digits
		j := i + 1
		v := 0
		for k := 0; k < 3 && j < len(rs) && rs[j] >= '0' && rs[j] <= '7'; k++ {
			v = v*8 + int(rs[j]-'0')
			j++
		}
		return `\x{` + strconv.FormatInt(int64(v), 16) + `}`, j - i - 1, nil
	}
	if c >= '1' && c <= '9' {
		if inClass {
			return "", 0, reErr("bad escape \\%c at position %d", c, i)
		}
		return "", 0, reErr("pypool's re (Go's RE2 engine) does not support backreferences (\\%c) at position %d", c, i)
	}
	if c < 128 && (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
		return "", 0, reErr("bad escape \\%c at position %d", c, i)
	}
	return regexp.QuoteMeta(string(c)), 1, nil
}

func isHex(r rune) bool {
	return r >= '0' && r <= '9' || r >= 'a' && r <= 'f' || r >= 'A' && r <= 'F'
}

func compileProg(pat string, flags int) (*reProg, error) {
	src, flags, err := translateRegexp(pat, flags)
	if err != nil {
		return nil, err
	}
	fl := ""
	if flags&reIgnoreCase != 0 {
		fl += "i"
	}
	if flags&reMultiline != 0 {
		fl += "m"
	}
	if flags&reDotAll != 0 {
		fl += "s"
	}
	if fl != "" {
		fl = "(?" + fl + ")"
	}
	plain, err := regexp.Compile(fl + src)
	if err != nil {
		return nil, reSyntaxError(pat, err)
	}
	p := &reProg{src: src, flags: fl, plain: plain, groups: plain.NumSubexp(), index: map[string]int{}}
	for i, name := range plain.SubexpNames() {
		if name != "" {
			p.index[name] = i
		}
	}
	return p, nil
}

// reSyntaxError words a Go regexp syntax error as CPython's re does.
func reSyntaxError(pat string, err error) error {
	e, ok := err.(*syntax.Error)
	if !ok {
		return reErr("%s", err.Error())
	}
	at := ""
	if i := strings.Index(pat, e.Expr); i >= 0 && e.Expr != "" {
		at = fmt.Sprintf(" at position %d", utf8.RuneCountInString(pat[:i]))
	}
	switch e.Code {
	case syntax.ErrMissingParen:
		return reErr("missing ), unterminated subpattern at position 0")
	case syntax.ErrUnexpectedParen:
		depth, esc, class := 0, false, false
		for i, c := range []rune(pat) {
			switch {
			case esc:
				esc = false
			case c == '\\':
				esc = true
			case class:
				class = c != ']'
			case c == '[':
				class = true
			case c == '(':
				depth++
			case c == ')':
				if depth == 0 {
					return reErr("unbalanced parenthesis at position %d", i)
				}
				depth--
			}
		}
		return reErr("unbalanced parenthesis%s", at)
	case syntax.ErrMissingRepeatArgument:
		return reErr("nothing to repeat%s", at)
	case syntax.ErrInvalidRepeatOp:
		return reErr("multiple repeat%s", at)
	case syntax.ErrInvalidCharRange:
		return reErr("bad character range %s%s", e.Expr, at)
	case syntax.ErrInvalidRepeatSize:
		return reErr("the repetition number is too large%s", at)
	}
	return reErr("%s: %s", e.Code.String(), e.Expr)
}

func (p *reProg) variant(which **regexp.Regexp, pre, post string) *regexp.Regexp {
	if *which == nil {
		*which = regexp.MustCompile(p.flags + pre + "(?:" + p.src + ")" + post)
	}
	return *which
}

// find returns the byte offsets of the first match in s[:end] at or after
// byte pos (mode 1: starting at pos; mode 2: spanning pos..end).
func (p *reProg) find(s string, pos, end, mode int) []int {
	text := s[:end]
	var re *regexp.Regexp
	ctx := 0
	if pos > 0 {
		_, w := utf8.DecodeLastRuneInString(text[:pos])
		ctx = pos - w
	}
	switch {
	case mode == 0 && pos == 0:
		re = p.plain
	case mode == 0:
		re = p.variant(&p.ctx, `(?s:.)`, "")
	case mode == 1 && pos == 0:
		re = p.variant(&p.anch, `\A`, "")
	case mode == 1:
		re = p.variant(&p.anchC, `\A(?s:.)`, "")
	case pos == 0:
		re = p.variant(&p.full, `\A`, `\z`)
	default:
		re = p.variant(&p.fullC, `\A(?s:.)`, `\z`)
	}
	m := re.FindStringSubmatchIndex(text[ctx:])
	if m == nil {
		return nil
	}
	for i := range m {
		if m[i] >= 0 {
			m[i] += ctx
		}
	}
	if pos > 0 {
		// group 0 began with the context rune
		_, w := utf8.DecodeRuneInString(text[m[0]:])
		m[0] += w
	}
	return m
}

// reRunes converts byte offsets of s to code-point offsets.
type reRunes struct {
	s     string
	ascii bool
}

func newRuneIndex(s string) reRunes {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			ascii = false
			break
		}
	}
	return reRunes{s, ascii}
}

func (r reRunes) toRune(b int) int {
	if r.ascii || b < 0 {
		return b
	}
	return utf8.RuneCountInString(r.s[:b])
}

func (r reRunes) toByte(n int) int {
	if r.ascii {
		return n
	}
	for i := range r.s {
		if n == 0 {
			return i
		}
		n--
	}
	return len(r.s)
}

func (r reRunes) spans(m []int) py.Tuple {
	out := make(py.Tuple, len(m))
	for i, v := range m {
		out[i] = py.Int(r.toRune(v))
	}
	return out
}

// reArgs parses (prog, string, pos, endpos) with Python's clamping of pos
// and endpos; positions are returned as byte offsets.
func reArgs(a *pyrt.Args) (*reProg, reRunes, int, int, error) {
	p, ok := a.Get("prog").(*reProg)
	if !ok {
		return nil, reRunes{}, 0, 0, py.ExceptionNewf(py.TypeError, "not a compiled pattern")
	}
	s, ok := a.Get("string").(py.String)
	if !ok {
		if _, isBytes := a.Get("string").(py.Bytes); isBytes {
			return nil, reRunes{}, 0, 0, py.ExceptionNewf(py.NotImplementedError, "pypool's re does not support bytes")
		}
		return nil, reRunes{}, 0, 0, py.ExceptionNewf(py.TypeError, "expected string or bytes-like object, got '%s'", pyrt.TypeName(a.Get("string")))
	}
	ri := newRuneIndex(string(s))
	nr := len(s)
	if !ri.ascii {
		nr = utf8.RuneCountInString(string(s))
	}
	pos, err := a.Int("pos")
	if err != nil {
		return nil, ri, 0, 0, err
	}
	end := nr
	if !a.IsNone("endpos") {
		if end, err = a.Int("endpos"); err != nil {
			return nil, ri, 0, 0, err
		}
	}
	pos = min(max(pos, 0), nr)
	end = min(max(end, 0), nr)
	if end < pos {
		end = pos
		return p, ri, -1, -1, nil
	}
	return p, ri, ri.toByte(pos), ri.toByte(end), nil
}

func reSearch(self py.Object, a *pyrt.Args) (py.Object, error) {
	p, ri, pos, end, err := reArgs(a)
	if err != nil {
		return nil, err
	}
	mode, err := a.Int("mode")
	if err != nil {
		return nil, err
	}
	if pos < 0 {
		return py.None, nil
	}
	m := p.find(ri.s, pos, end, mode)
	if m == nil {
		return py.None, nil
	}
	return ri.spans(m), nil
}

func reFindIter(self py.Object, a *pyrt.Args) (py.Object, error) {
	p, ri, pos, end, err := reArgs(a)
	if err != nil {
		return nil, err
	}
	out := py.NewList()
	if pos < 0 {
		return out, nil
	}
	mustAdvance := false
	for pos <= end {
		m := p.find(ri.s, pos, end, 0)
		if m == nil {
			break
		}
		if mustAdvance && m[0] == pos && m[1] == pos {
			// an empty match where the last one ended: look further on
			if pos >= end {
				break
			}
			_, w := utf8.DecodeRuneInString(ri.s[pos:])
			if m = p.find(ri.s, pos+w, end, 0); m == nil {
				break
			}
		}
		out.Append(ri.spans(m))
		mustAdvance = m[0] == m[1]
		pos = m[1]
	}
	return out, nil
}

func reCompile(self py.Object, a *pyrt.Args) (py.Object, error) {
	pat, ok := a.Get("pattern").(py.String)
	if !ok {
		if _, isBytes := a.Get("pattern").(py.Bytes); isBytes {
			return nil, py.ExceptionNewf(py.NotImplementedError, "pypool's re does not support bytes patterns")
		}
		return nil, py.ExceptionNewf(py.TypeError, "first argument must be string or compiled pattern")
	}
	flags, err := a.Int("flags")
	if err != nil {
		return nil, err
	}
	p, err := compileProg(string(pat), flags)
	if err != nil {
		return nil, err
	}
	return p, nil
}

func progArg(a *pyrt.Args) (*reProg, error) {
	p, ok := a.Get("prog").(*reProg)
	if !ok {
		return nil, py.ExceptionNewf(py.TypeError, "not a compiled pattern")
	}
	return p, nil
}

func init() {
	pyrt.OnInstall(pyrt.InstallCompat, "mod_re", func() {
		reError.Dict["__module__"] = py.String("re")
		pyrt.MustReady(reError)
	})
	py.RegisterModule(&py.ModuleImpl{
		Info: py.ModuleInfo{Name: "_pypool_re", Doc: "Go's regexp under the re module."},
		Methods: []*py.Method{
			pyrt.Func("compile", "pattern, flags=0", reCompile),
			pyrt.Func("search", "prog, string, pos=0, endpos=None, mode=0", reSearch),
			pyrt.Func("finditer", "prog, string, pos=0, endpos=None", reFindIter),
			pyrt.Func("groups", "prog", func(self py.Object, a *pyrt.Args) (py.Object, error) {
				p, err := progArg(a)
				if err != nil {
					return nil, err
				}
				return py.Int(p.groups), nil
			}),
			pyrt.Func("groupindex", "prog", func(self py.Object, a *pyrt.Args) (py.Object, error) {
				p, err := progArg(a)
				if err != nil {
					return nil, err
				}
				d := pyobj.NewDict()
				for i, name := range p.plain.SubexpNames() {
					if name != "" {
						if err := d.Set(py.String(name), py.Int(i)); err != nil {
							return nil, err
						}
					}
				}
				return d, nil
			}),
		},
		Globals: py.StringDict{"error": reError},
	})
}
