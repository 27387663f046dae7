package source

import (
	"strings"
)

// The f-string pass: every run of adjacent string literals that holds an
// f-string becomes an expression. An f-string with replacement fields
// becomes a call of the builtin __pypool_fstr__ with its parts,
//
//	f"a{x!r:>{w}}b"  →  __pypool_fstr__('a', (x), 'r', __pypool_fstr__('>', (w), '', ''), 'b')
//
// (see builtinFString); an f-string without fields becomes a plain string;
// adjacent literals are joined with "+" inside parentheses. Literal parts
// keep the f-string's quotes and rawness, so escapes and line breaks stay as
// written and line numbers do not move. Expressions are rewritten by every
// pass (nested f-strings, compat's rewrites).

// rewriteFStrings is the last pass of the chain (rewrite.go).
func rewriteFStrings(rc *Ctx, toks []Token) ([]Token, error) {
	var out []Token
	changed := false
	for i := 0; i < len(toks); {
		if toks[i].Kind != TkString {
			out = append(out, toks[i])
			i++
			continue
		}
		// the run of adjacent literals (line breaks inside brackets are in
		// the tokens' Pre)
		j := i + 1
		hasF := isFString(toks[i].Text)
		for j < len(toks) && toks[j].Kind == TkString && !toks[j].LineStart {
			hasF = hasF || isFString(toks[j].Text)
			j++
		}
		if !hasF {
			out = append(out, toks[i:j]...)
			i = j
			continue
		}
		changed = true
		run := toks[i:j]
		var b strings.Builder
		multi := len(run) > 1
		if multi {
			b.WriteByte('(')
		}
		for k, t := range run {
			if k > 0 {
				b.WriteString(" +")
				b.WriteString(t.Pre)
			}
			if isFString(t.Text) {
				s, err := convertFString(rc, t.Text, rc.Line(t.Line))
				if err != nil {
					return nil, err
				}
				b.WriteString(s)
			} else {
				b.WriteString(t.Text)
			}
		}
		if multi {
			b.WriteByte(')')
		}
		t := run[0]
		t.Kind, t.Text = TkName, b.String()
		out = append(out, t)
		i = j
	}
	if !changed {
		return toks, nil
	}
	return out, nil
}

func isFString(text string) bool {
	for i := 0; i < len(text); i++ {
		switch text[i] {
		case 'f', 'F':
			return true
		case '\'', '"':
			return false
		}
	}
	return false
}

// fstr holds one f-string literal being converted.
type fstr struct {
	raw   bool
	quote string // ', ", ''' or """
	line  int
	rc    *Ctx
}

// convertFString turns one f-string literal into an expression.
func convertFString(rc *Ctx, text string, line int) (string, error) {
	p := strings.IndexAny(text, "'\"")
	prefix := strings.ToLower(text[:p])
	fs := fstr{raw: strings.Contains(prefix, "r"), line: line, rc: rc}
	rest := text[p:]
	q := rest[:1]
	if strings.HasPrefix(rest, q+q+q) && len(rest) >= 6 {
		fs.quote = q + q + q
	} else {
		fs.quote = q
	}
	if !strings.HasSuffix(rest, fs.quote) || len(rest) < 2*len(fs.quote) {
		return "", &RewriteError{Line: line, Msg: "unterminated string literal"}
	}
	body := rest[len(fs.quote) : len(rest)-len(fs.quote)]
	parts, err := fs.parse(body, false)
	if err != nil {
		return "", err
	}
	return fs.emit(parts)
}

// an fpart is a literal chunk (source text) or a replacement field.
type fpart struct {
	lit   string
	field bool
	expr  string
	conv  string
	spec  []fpart
	line  int
}

// parse splits an f-string body (or a format spec, inSpec) into parts.
func (fs fstr) parse(body string, inSpec bool) ([]fpart, error) {
	var parts []fpart
	var lit strings.Builder
	line := fs.line
	flush := func() {
		if lit.Len() > 0 {
			parts = append(parts, fpart{lit: lit.String()})
			lit.Reset()
		}
	}
	for i := 0; i < len(body); {
		c := body[i]
		switch {
		case c == '\\' && !fs.raw && strings.HasPrefix(body[i:], `\N{`):
			end := strings.IndexByte(body[i:], '}')
			if end < 0 {
				end = len(body) - i - 1
			}
			lit.WriteString(body[i : i+end+1])
			i += end + 1
		case c == '\\' && i+1 < len(body):
			lit.WriteString(body[i : i+2])
			if body[i+1] == '\n' {
				line++
			}
			i += 2
		case c == '{' && i+1 < len(body) && body[i+1] == '{' && !inSpec:
			lit.WriteByte('{')
			i += 2
		case c == '}' && i+1 < len(body) && body[i+1] == '}' && !inSpec:
			lit.WriteByte('}')
			i += 2
		case c == '}':
			return nil, &RewriteError{Line: line, Msg: "f-string: single '}' is not allowed"}
		case c == '{':
			flush()
			f, n, err := fs.field(body[i:], line)
			if err != nil {
				return nil, err
			}
			line += strings.Count(body[i:i+n], "\n")
			if f.lit != "" { // "=" debugging text
				parts = append(parts, fpart{lit: f.lit})
				f.lit = ""
			}
			parts = append(parts, f)
			i += n
		default:
			if c == '\n' {
				line++
			}
			lit.WriteByte(c)
			i++
		}
	}
	flush()
	return parts, nil
}

// field parses the replacement field at the start of s ("{…}") and returns
// it with its length.
func (fs fstr) field(s string, line int) (fpart, int, error) {
	depth := 0
	i := 1
	var quote string
	exprEnd := -1
	debug := false
scan:
	for i < len(s) {
		c := s[i]
		if quote != "" {
			if c == '\\' {
				i += 2
				continue
			}
			if strings.HasPrefix(s[i:], quote) {
				i += len(quote)
				quote = ""
				continue
			}
			i++
			continue
		}
		switch c {
		case '\'', '"':
			if len(fs.quote) == 1 && string(c) == fs.quote {
				return fpart{}, 0, &RewriteError{Line: line, Msg: "f-string: expecting '}'"}
			}
			if strings.HasPrefix(s[i:], strings.Repeat(string(c), 3)) {
				quote = strings.Repeat(string(c), 3)
				i += 3
			} else {
				quote = string(c)
				i++
			}
			continue
		case '\\':
			return fpart{}, 0, &RewriteError{Line: line, Msg: "f-string expression part cannot include a backslash"}
		case '#':
			return fpart{}, 0, &RewriteError{Line: line, Msg: "f-string expression part cannot include '#'"}
		case '(', '[', '{':
			depth++
		case ')', ']':
			depth--
		case '}':
			if depth == 0 {
				exprEnd = i
				break scan
			}
			depth--
		case '!':
			if depth == 0 && !(i+1 < len(s) && s[i+1] == '=') {
				exprEnd = i
				break scan
			}
			if i+1 < len(s) && s[i+1] == '=' {
				i += 2
				continue
			}
		case ':':
			if depth == 0 {
				exprEnd = i
				break scan
			}
		case '=':
			if depth == 0 {
				if i+1 < len(s) && s[i+1] == '=' {
					i += 2
					continue
				}
				prev := byte(0)
				if i > 1 {
					prev = s[i-1]
				}
				if prev != '<' && prev != '>' && prev != '!' && prev != '=' {
					exprEnd = i
					debug = true
					break scan
				}
			}
		}
		i++
	}
	if exprEnd < 0 {
		return fpart{}, 0, &RewriteError{Line: line, Msg: "f-string: expecting '}'"}
	}
	expr := s[1:exprEnd]
	if strings.TrimSpace(expr) == "" {
		return fpart{}, 0, &RewriteError{Line: line, Msg: "f-string: empty expression not allowed"}
	}
	f := fpart{field: true, expr: expr, line: line}
	i = exprEnd
	if debug {
		i++
		for i < len(s) && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n') {
			i++
		}
		f.lit = s[1:i]
	}
	if i < len(s) && s[i] == '!' {
		if i+1 >= len(s) || strings.IndexByte("rsa", s[i+1]) < 0 {
			return fpart{}, 0, &RewriteError{Line: line, Msg: "f-string: invalid conversion character: expected 's', 'r', or 'a'"}
		}
		f.conv = s[i+1 : i+2]
		i += 2
	}
	if i < len(s) && s[i] == ':' {
		i++
		start := i
		d := 0
		for i < len(s) {
			if s[i] == '{' {
				d++
			} else if s[i] == '}' {
				if d == 0 {
					break
				}
				d--
			}
			i++
		}
		spec, err := fs.parse(s[start:i], true)
		if err != nil {
			return fpart{}, 0, err
		}
		f.spec = spec
	}
	if i >= len(s) || s[i] != '}' {
		return fpart{}, 0, &RewriteError{Line: line, Msg: "f-string: expecting '}'"}
	}
	if debug && f.conv == "" && f.spec == nil {
		f.conv = "r"
	}
	return f, i + 1, nil
}

// strLit writes a literal chunk as a string literal of the f-string's kind.
func (fs fstr) strLit(chunk string) string {
	q := fs.quote
	if len(q) == 3 && strings.HasSuffix(chunk, q[:1]) && !strings.HasSuffix(chunk, `\`+q[:1]) {
		// a quote char right before the closing triple quote: escape it
		chunk = chunk[:len(chunk)-1] + `\` + q[:1]
		if fs.raw {
			return "(" + "r" + q + chunk[:len(chunk)-2] + q + " + '" + q[:1] + "')"
		}
	}
	p := ""
	if fs.raw {
		p = "r"
	}
	return p + q + chunk + q
}

// emit renders parts as a Python expression.
func (fs fstr) emit(parts []fpart) (string, error) {
	hasField := false
	for _, p := range parts {
		if p.field {
			hasField = true
		}
	}
	if !hasField {
		var lit strings.Builder
		for _, p := range parts {
			lit.WriteString(p.lit)
		}
		return fs.strLit(lit.String()), nil
	}
	var b strings.Builder
	b.WriteString(FStringHelper)
	b.WriteByte('(')
	needLit := true
	for _, p := range parts {
		if !p.field {
			if !needLit {
				b.WriteString(" + ")
			} else if b.Len() > len(FStringHelper)+1 {
				b.WriteString(", ")
			}
			b.WriteString(fs.strLit(p.lit))
			needLit = false
			continue
		}
		if needLit {
			if b.Len() > len(FStringHelper)+1 {
				b.WriteString(", ")
			}
			b.WriteString("''")
		}
		expr := p.expr
		if !plainFieldExpr(expr) {
			var err error
			if expr, err = rewriteSource(p.expr, fs.rc.File, p.line-1); err != nil {
				return "", err
			}
		}
		b.WriteString(", (")
		b.WriteString(expr)
		b.WriteString("), '")
		b.WriteString(p.conv)
		b.WriteString("', ")
		if len(p.spec) == 0 {
			b.WriteString("''")
		} else {
			s, err := fs.emit(p.spec)
			if err != nil {
				return "", err
			}
			b.WriteString(s)
		}
		needLit = true
	}
	if needLit {
		b.WriteString(", ''")
	}
	b.WriteByte(')')
	return b.String(), nil
}

// plainFieldExpr reports whether a replacement field's expression is a
// name or dotted name that no pass asks to see (the chain is skipped): a
// pass with a need test that accepts the name (warn-sites for
// currentThread, say) still gets it.
func plainFieldExpr(e string) bool {
	e = strings.TrimSpace(e)
	if e == "" || e[0] >= '0' && e[0] <= '9' || e[0] == '.' {
		return false
	}
	for i := 0; i < len(e); i++ {
		c := e[i]
		if !(c == '_' || c == '.' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
			return false
		}
	}
	for _, p := range Passes {
		if p.Need != nil && p.Need(e) {
			return false
		}
	}
	return true
}

// fstringHelper is the builtin that rewritten f-strings call.
const FStringHelper = "__pypool_fstr__"
