package bridge

// Where a deprecated threading alias was called from. gpython gives a Go
// builtin no access to its caller's frame, so the compile wrapper below
// rewrites each literal call `currentThread()` / `activeCount()` into
// `currentThread(_pypool_at=("file", line))` on the same line; the alias
// then knows where to point its DeprecationWarning, as CPython's does.

import (
	"fmt"
	"strings"

	"github.com/go-python/gpython/py"
)

var deprecatedAliases = []string{"currentThread", "activeCount"}

// warnSiteKw is the keyword the rewrite adds.
const warnSiteKw = "_pypool_at"

var prevCompile func(src, srcDesc string, mode py.CompileMode, flags int, dontInherit bool) (*py.Code, error)

func init() {
	prevCompile = py.Compile
	py.Compile = func(src, srcDesc string, mode py.CompileMode, flags int, dontInherit bool) (*py.Code, error) {
		return prevCompile(markWarnSites(src, srcDesc), srcDesc, mode, flags, dontInherit)
	}
}

// markWarnSites rewrites the calls of deprecated aliases outside strings
// and comments (inside f-string replacement fields too). Line numbers are
// unchanged.
func markWarnSites(src, file string) string {
	found := strings.Contains(src, "warn(")
	for _, a := range deprecatedAliases {
		if strings.Contains(src, a+"()") {
			found = true
		}
	}
	if !found {
		return src
	}
	var b strings.Builder
	line := 1
	i := 0
	// string state
	var quote string // "" outside a string
	fstr := false
	depth := 0 // brace depth inside an f-string
	for i < len(src) {
		c := src[i]
		if c == '\n' {
			line++
		}
		code := quote == "" || (fstr && depth > 0)
		if code {
			if quote == "" && c == '#' {
				j := strings.IndexByte(src[i:], '\n')
				if j < 0 {
					j = len(src) - i
				}
				b.WriteString(src[i : i+j])
				i += j
				continue
			}
			if quote == "" && (c == '\'' || c == '"') {
				q := string(c)
				if strings.HasPrefix(src[i:], strings.Repeat(q, 3)) {
					q = strings.Repeat(q, 3)
				}
				// prefix letters decide f-string-ness
				k := i - 1
				fstr = false
				for k >= 0 && strings.ContainsRune("rbfuRBFU", rune(src[k])) {
					if src[k] == 'f' || src[k] == 'F' {
						fstr = true
					}
					k--
				}
				quote = q
				depth = 0
				b.WriteString(q)
				i += len(q)
				continue
			}
			if fstr && depth > 0 {
				if c == '{' {
					depth++
				} else if c == '}' {
					depth--
				}
			}
			if quote == "" {
				if chain, n := matchWarnCall(src, i); n > 0 {
					// warnings.warn(…) → _pypool_warn_site(warnings.warn, "file", line, globals())(…)
					fmt.Fprintf(&b, "%s(%s, %q, %d, globals())(", warnSiteBuiltin, chain, file, line)
					i += n
					continue
				}
			}
			if rep, n := matchAlias(src, i); n > 0 {
				b.WriteString(rep)
				b.WriteString(fmt.Sprintf("(%s=(%q, %d))", warnSiteKw, file, line))
				i += n
				continue
			}
			b.WriteByte(c)
			i++
			continue
		}
		// inside a string
		if c == '\\' && i+1 < len(src) {
			b.WriteString(src[i : i+2])
			if src[i+1] == '\n' {
				line++
			}
			i += 2
			continue
		}
		if strings.HasPrefix(src[i:], quote) {
			b.WriteString(quote)
			i += len(quote)
			quote, fstr = "", false
			continue
		}
		if fstr && c == '{' {
			if i+1 < len(src) && src[i+1] == '{' {
				b.WriteString("{{")
				i += 2
				continue
			}
			depth = 1
		}
		b.WriteByte(c)
		i++
	}
	return b.String()
}

// matchAlias reports whether an alias call "name()" starts at src[i] (not
// as part of a longer identifier); it returns the name and the length of
// the matched text.
func matchAlias(src string, i int) (string, int) {
	if i > 0 && isIdentByte(src[i-1]) {
		return "", 0
	}
	for _, a := range deprecatedAliases {
		if strings.HasPrefix(src[i:], a+"()") {
			return a, len(a) + 2
		}
	}
	return "", 0
}

// matchWarnCall reports whether a call of a callee written `warn` or
// `a.b.warn` starts at src[i] (not part of a longer name or attribute
// chain, not a def or class statement); it returns the callee's text and the
// length of the text matched up to and including "(".
func matchWarnCall(src string, i int) (string, int) {
	c := src[i]
	if !(c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
		return "", 0
	}
	if i > 0 && (isIdentByte(src[i-1]) || src[i-1] == '.') {
		return "", 0
	}
	j := i
	last := i
	for {
		last = j
		for j < len(src) && isIdentByte(src[j]) {
			j++
		}
		if j < len(src) && src[j] == '.' && j+1 < len(src) && isIdentByte(src[j+1]) {
			j++
			continue
		}
		break
	}
	if src[last:j] != "warn" || j >= len(src) || src[j] != '(' {
		return "", 0
	}
	before := strings.TrimRight(src[:i], " \t")
	if strings.HasSuffix(before, "def") || strings.HasSuffix(before, "class") {
		return "", 0
	}
	return src[i:j], j + 1 - i
}

func isIdentByte(c byte) bool {
	return c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80
}

// warnSite takes the rewrite's keyword out of kwargs and returns the
// location it names.
func warnSite(kwargs py.StringDict) (file string, line int, ok bool) {
	v, has := kwargs[warnSiteKw]
	if !has {
		return "", 0, false
	}
	delete(kwargs, warnSiteKw)
	t, isT := v.(py.Tuple)
	if !isT || len(t) != 2 {
		return "", 0, false
	}
	f, e1 := py.StrAsString(t[0])
	n, e2 := py.IndexInt(t[1])
	if e1 != nil || e2 != nil {
		return "", 0, false
	}
	return f, n, true
}
