package pyobj

// str methods gpython lacks (CPython 3.11 semantics; indexes count code
// points, as in Python).

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/go-python/gpython/py"
	"github.com/pypool/pypool/bridge/pyrt"
)

func strArg(fn string, n int, o py.Object) (string, error) {
	s, ok := o.(py.String)
	if !ok {
		return "", py.ExceptionNewf(py.TypeError, "%s() argument %d must be str, not %s", fn, n, o.Type().Name)
	}
	return string(s), nil
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// runeIndex converts a byte offset in s to a code point index.
func runeIndex(s string, b int) int {
	if b < 0 {
		return b
	}
	if isASCII(s[:b]) {
		return b
	}
	return utf8.RuneCountInString(s[:b])
}

// byteOffset converts a code point index (clamped to [0, len]) to a byte offset.
func byteOffset(s string, r int) int {
	if r <= 0 {
		return 0
	}
	if isASCII(s) {
		return min(r, len(s))
	}
	n := 0
	for i := range s {
		if n == r {
			return i
		}
		n++
	}
	return len(s)
}

// sliceBounds resolves optional start/end arguments (None allowed) the way
// str.find and friends do, returning code point indexes.
func sliceBounds(startArg, endArg py.Object, length int) (int, int, error) {
	start, end := 0, length
	get := func(o py.Object, def int) (int, error) {
		if o == nil || o == py.None {
			return def, nil
		}
		n, err := py.IndexInt(o)
		if err != nil {
			return 0, py.ExceptionNewf(py.TypeError, "slice indices must be integers or None or have an __index__ method")
		}
		if n < 0 {
			n += length
			if n < 0 {
				n = 0
			}
		}
		return n, nil
	}
	var err error
	if start, err = get(startArg, 0); err != nil {
		return 0, 0, err
	}
	if end, err = get(endArg, length); err != nil {
		return 0, 0, err
	}
	if end > length {
		end = length
	}
	return start, end, nil
}

func strLen(s string) int {
	if isASCII(s) {
		return len(s)
	}
	return utf8.RuneCountInString(s)
}

// findIn is str.find/rfind over s[start:end] (code points); -1 if absent.
func findIn(s, sub string, startArg, endArg py.Object, reverse bool) (int, error) {
	n := strLen(s)
	start, end, err := sliceBounds(startArg, endArg, n)
	if err != nil {
		return 0, err
	}
	if start > n || start > end {
		return -1, nil
	}
	bs, be := byteOffset(s, start), byteOffset(s, end)
	part := s[bs:be]
	var i int
	if reverse {
		i = strings.LastIndex(part, sub)
	} else {
		i = strings.Index(part, sub)
	}
	if i < 0 {
		return -1, nil
	}
	return start + runeIndex(part, i), nil
}

// strMethod installs str.name; fn gets the string.
func strMethod(name, spec string, fn func(s string, a *pyrt.Args) (py.Object, error)) {
	pyrt.Method(py.StringType, "str."+name, spec, func(self py.Object, a *pyrt.Args) (py.Object, error) {
		return fn(string(self.(py.String)), a)
	})
}

func mapRunes(s string, f func(r rune) rune) py.Object {
	return py.String(strings.Map(f, s))
}

func strPredicate(name string, empty bool, ok func(r rune) bool) {
	strMethod(name, "$self", func(s string, _ *pyrt.Args) (py.Object, error) {
		if s == "" {
			return py.NewBool(empty), nil
		}
		for _, r := range s {
			if !ok(r) {
				return py.False, nil
			}
		}
		return py.True, nil
	})
}

func casedPredicate(name string, want func(r rune) bool, other func(r rune) bool) {
	strMethod(name, "$self", func(s string, _ *pyrt.Args) (py.Object, error) {
		cased := false
		for _, r := range s {
			if other(r) {
				return py.False, nil
			}
			if want(r) {
				cased = true
			}
		}
		return py.NewBool(cased), nil
	})
}

func pyTitle(s string) string {
	var b strings.Builder
	prevCased := false
	for _, r := range s {
		switch {
		case unicode.IsLetter(r):
			if prevCased {
				b.WriteRune(unicode.ToLower(r))
			} else {
				b.WriteRune(unicode.ToTitle(r))
			}
			prevCased = true
		default:
			b.WriteRune(r)
			prevCased = false
		}
	}
	return b.String()
}

// padSpec is the parameter list of str.ljust, rjust and center.
const padSpec = "$self, width, fillchar=' ', /"

// padArgs reads padSpec's arguments: the padding to add to s and its
// character.
func padArgs(s string, a *pyrt.Args) (int, string, error) {
	width, err := py.IndexInt(a.Get("width"))
	if err != nil {
		return 0, "", py.ExceptionNewf(py.TypeError, "'%s' object cannot be interpreted as an integer", a.Get("width").Type().Name)
	}
	f, ok := a.Get("fillchar").(py.String)
	if !ok || strLen(string(f)) != 1 {
		return 0, "", py.ExceptionNewf(py.TypeError, "The fill character must be exactly one character long")
	}
	return width - strLen(s), string(f), nil
}

// pySplit is str.split / str.rsplit.
func pySplit(s string, sep py.Object, maxsplit int, right bool) (py.Object, error) {
	var parts []string
	if sep == nil || sep == py.None {
		fields := func(s string) []string { return strings.FieldsFunc(s, unicode.IsSpace) }
		if maxsplit < 0 {
			parts = fields(s)
		} else if !right {
			rest := strings.TrimLeftFunc(s, unicode.IsSpace)
			for len(parts) < maxsplit && rest != "" {
				i := strings.IndexFunc(rest, unicode.IsSpace)
				if i < 0 {
					break
				}
				parts = append(parts, rest[:i])
				rest = strings.TrimLeftFunc(rest[i:], unicode.IsSpace)
			}
			if rest != "" {
				parts = append(parts, rest)
			}
		} else {
			rest := strings.TrimRightFunc(s, unicode.IsSpace)
			var rev []string
			for len(rev) < maxsplit && rest != "" {
				i := strings.LastIndexFunc(rest, unicode.IsSpace)
				if i < 0 {
					break
				}
				_, size := utf8.DecodeRuneInString(rest[i:])
				rev = append(rev, rest[i+size:])
				rest = strings.TrimRightFunc(rest[:i], unicode.IsSpace)
			}
			if rest != "" {
				rev = append(rev, rest)
			}
			for i := len(rev) - 1; i >= 0; i-- {
				parts = append(parts, rev[i])
			}
		}
	} else {
		sp, ok := sep.(py.String)
		if !ok {
			return nil, py.ExceptionNewf(py.TypeError, "must be str or None, not %s", sep.Type().Name)
		}
		if sp == "" {
			return nil, py.ExceptionNewf(py.ValueError, "empty separator")
		}
		switch {
		case maxsplit < 0:
			parts = strings.Split(s, string(sp))
		case !right:
			parts = strings.SplitN(s, string(sp), maxsplit+1)
		default:
			rest := s
			var rev []string
			for len(rev) < maxsplit {
				i := strings.LastIndex(rest, string(sp))
				if i < 0 {
					break
				}
				rev = append(rev, rest[i+len(sp):])
				rest = rest[:i]
			}
			rev = append(rev, rest)
			for i := len(rev) - 1; i >= 0; i-- {
				parts = append(parts, rev[i])
			}
		}
	}
	out := make([]py.Object, len(parts))
	for i, p := range parts {
		out[i] = py.String(p)
	}
	return py.NewListFromItems(out), nil
}

func pySplitLines(s string, keep bool) []py.Object {
	var out []py.Object
	for len(s) > 0 {
		i := strings.IndexAny(s, "\n\r\v\f\x1c\x1d\x1e\u0085\u2028\u2029")
		if i < 0 {
			out = append(out, py.String(s))
			break
		}
		_, size := utf8.DecodeRuneInString(s[i:])
		end := i + size
		if s[i] == '\r' && end < len(s) && s[end] == '\n' {
			end++
		}
		if keep {
			out = append(out, py.String(s[:end]))
		} else {
			out = append(out, py.String(s[:i]))
		}
		s = s[end:]
	}
	return out
}

func init() {
	pyrt.OnInstall(pyrt.InstallCompat, "str_methods", installStrMethods)
}

func installStrMethods() {
	strMethod("join", "$self, iterable, /", func(sep string, a *pyrt.Args) (py.Object, error) {
		iterable := a.Get("iterable")
		var b strings.Builder
		n := 0
		var ierr error
		err := py.Iterate(iterable, func(o py.Object) bool {
			s, ok := unwrapBase(o).(py.String)
			if !ok {
				ierr = py.ExceptionNewf(py.TypeError, "sequence item %d: expected str instance, %s found", n, o.Type().Name)
				return true
			}
			if n > 0 {
				b.WriteString(sep)
			}
			b.WriteString(string(s))
			n++
			return false
		})
		if ierr != nil {
			return nil, ierr
		}
		if err != nil {
			if isExc(err, py.TypeError) && !hasIter(iterable) {
				return nil, py.ExceptionNewf(py.TypeError, "can only join an iterable")
			}
			return nil, err
		}
		return py.String(b.String()), nil
	})
	for _, m := range []struct {
		name string
		end  bool
	}{{"startswith", false}, {"endswith", true}} {
		strMethod(m.name, "$self, prefix, start=None, end=None, /", func(s string, a *pyrt.Args) (py.Object, error) {
			n := strLen(s)
			start, end, err := sliceBounds(a.Get("start"), a.Get("end"), n)
			if err != nil {
				return nil, err
			}
			if start > n {
				return py.False, nil
			}
			part := ""
			if start <= end {
				part = s[byteOffset(s, start):byteOffset(s, end)]
			}
			test := func(o py.Object) (bool, error) {
				p, ok := o.(py.String)
				if !ok {
					return false, py.ExceptionNewf(py.TypeError, "%s first arg must be str or a tuple of str, not %s", m.name, o.Type().Name)
				}
				if start > end {
					return false, nil
				}
				if m.end {
					return strings.HasSuffix(part, string(p)), nil
				}
				return strings.HasPrefix(part, string(p)), nil
			}
			if t, ok := a.Get("prefix").(py.Tuple); ok {
				for _, o := range t {
					ok, err := test(o)
					if err != nil || ok {
						return py.NewBool(ok), err
					}
				}
				return py.False, nil
			}
			ok, err := test(a.Get("prefix"))
			return py.NewBool(ok), err
		})
	}
	strMethod("lower", "$self", func(s string, _ *pyrt.Args) (py.Object, error) { return py.String(strings.ToLower(s)), nil })
	strMethod("upper", "$self", func(s string, _ *pyrt.Args) (py.Object, error) { return py.String(strings.ToUpper(s)), nil })
	strMethod("casefold", "$self", func(s string, _ *pyrt.Args) (py.Object, error) {
		return py.String(strings.ReplaceAll(strings.ToLower(s), "ß", "ss")), nil
	})
	strMethod("swapcase", "$self", func(s string, _ *pyrt.Args) (py.Object, error) {
		return mapRunes(s, func(r rune) rune {
			if unicode.IsUpper(r) {
				return unicode.ToLower(r)
			}
			return unicode.ToUpper(r)
		}), nil
	})
	strMethod("title", "$self", func(s string, _ *pyrt.Args) (py.Object, error) { return py.String(pyTitle(s)), nil })
	strMethod("capitalize", "$self", func(s string, _ *pyrt.Args) (py.Object, error) {
		if s == "" {
			return py.String(""), nil
		}
		r, size := utf8.DecodeRuneInString(s)
		return py.String(string(unicode.ToTitle(r)) + strings.ToLower(s[size:])), nil
	})
	strMethod("count", "$self, sub, start=None, end=None, /", func(s string, a *pyrt.Args) (py.Object, error) {
		sub, err := strArg("count", 1, a.Get("sub"))
		if err != nil {
			return nil, err
		}
		n := strLen(s)
		start, end, err := sliceBounds(a.Get("start"), a.Get("end"), n)
		if err != nil {
			return nil, err
		}
		if start > end || start > n {
			return py.Int(0), nil
		}
		part := s[byteOffset(s, start):byteOffset(s, end)]
		if sub == "" {
			return py.Int(strLen(part) + 1), nil
		}
		return py.Int(strings.Count(part, sub)), nil
	})
	for _, m := range []struct {
		name    string
		reverse bool
		raise   bool
	}{{"find", false, false}, {"rfind", true, false}, {"index", false, true}, {"rindex", true, true}} {
		strMethod(m.name, "$self, sub, start=None, end=None, /", func(s string, a *pyrt.Args) (py.Object, error) {
			sub, err := strArg(m.name, 1, a.Get("sub"))
			if err != nil {
				return nil, py.ExceptionNewf(py.TypeError, "must be str, not %s", a.Get("sub").Type().Name)
			}
			i, err := findIn(s, sub, a.Get("start"), a.Get("end"), m.reverse)
			if err != nil {
				return nil, err
			}
			if i < 0 && m.raise {
				return nil, py.ExceptionNewf(py.ValueError, "substring not found")
			}
			return py.Int(i), nil
		})
	}
	for name, right := range map[string]bool{"split": false, "rsplit": true} {
		strMethod(name, "$self, sep=None, maxsplit=-1", func(s string, a *pyrt.Args) (py.Object, error) {
			n, err := py.IndexInt(a.Get("maxsplit"))
			if err != nil {
				return nil, err
			}
			return pySplit(s, a.Get("sep"), n, right)
		})
	}
	strMethod("splitlines", "$self, keepends=False", func(s string, a *pyrt.Args) (py.Object, error) {
		keep, err := a.Bool("keepends")
		if err != nil {
			return nil, err
		}
		return py.NewListFromItems(pySplitLines(s, keep)), nil
	})
	strMethod("partition", "$self, sep, /", func(s string, a *pyrt.Args) (py.Object, error) {
		sep, err := strArg("partition", 1, a.Get("sep"))
		if err != nil {
			return nil, err
		}
		if sep == "" {
			return nil, py.ExceptionNewf(py.ValueError, "empty separator")
		}
		if i := strings.Index(s, sep); i >= 0 {
			return py.Tuple{py.String(s[:i]), py.String(sep), py.String(s[i+len(sep):])}, nil
		}
		return py.Tuple{py.String(s), py.String(""), py.String("")}, nil
	})
	strMethod("rpartition", "$self, sep, /", func(s string, a *pyrt.Args) (py.Object, error) {
		sep, err := strArg("rpartition", 1, a.Get("sep"))
		if err != nil {
			return nil, err
		}
		if sep == "" {
			return nil, py.ExceptionNewf(py.ValueError, "empty separator")
		}
		if i := strings.LastIndex(s, sep); i >= 0 {
			return py.Tuple{py.String(s[:i]), py.String(sep), py.String(s[i+len(sep):])}, nil
		}
		return py.Tuple{py.String(""), py.String(""), py.String(s)}, nil
	})
	strMethod("ljust", padSpec, func(s string, a *pyrt.Args) (py.Object, error) {
		n, fill, err := padArgs(s, a)
		if err != nil || n <= 0 {
			return py.String(s), err
		}
		return py.String(s + strings.Repeat(fill, n)), nil
	})
	strMethod("rjust", padSpec, func(s string, a *pyrt.Args) (py.Object, error) {
		n, fill, err := padArgs(s, a)
		if err != nil || n <= 0 {
			return py.String(s), err
		}
		return py.String(strings.Repeat(fill, n) + s), nil
	})
	strMethod("center", padSpec, func(s string, a *pyrt.Args) (py.Object, error) {
		n, fill, err := padArgs(s, a)
		if err != nil || n <= 0 {
			return py.String(s), err
		}
		// CPython: left = n/2 + (n & width & 1).
		width, _ := py.IndexInt(a.Get("width"))
		left := n/2 + (n & width & 1)
		return py.String(strings.Repeat(fill, left) + s + strings.Repeat(fill, n-left)), nil
	})
	strMethod("zfill", "$self, width, /", func(s string, a *pyrt.Args) (py.Object, error) {
		width, err := py.IndexInt(a.Get("width"))
		if err != nil {
			return nil, err
		}
		n := width - strLen(s)
		if n <= 0 {
			return py.String(s), nil
		}
		sign := ""
		if s != "" && (s[0] == '-' || s[0] == '+') {
			sign, s = s[:1], s[1:]
		}
		return py.String(sign + strings.Repeat("0", n) + s), nil
	})
	strPredicate("isdigit", false, func(r rune) bool { return unicode.IsDigit(r) || unicode.Is(unicode.No, r) && r >= 0xb2 && r <= 0x2089 })
	strPredicate("isdecimal", false, func(r rune) bool { return unicode.Is(unicode.Nd, r) })
	strPredicate("isnumeric", false, func(r rune) bool {
		return unicode.IsNumber(r) || unicode.Is(unicode.Han, r) && strings.ContainsRune("零一二三四五六七八九十百千万亿", r)
	})
	strPredicate("isalpha", false, unicode.IsLetter)
	strPredicate("isalnum", false, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsNumber(r) })
	strPredicate("isspace", false, unicode.IsSpace)
	strPredicate("isascii", true, func(r rune) bool { return r < 0x80 })
	strPredicate("isprintable", true, isPrintable)
	casedPredicate("isupper", unicode.IsUpper, unicode.IsLower)
	casedPredicate("islower", unicode.IsLower, unicode.IsUpper)
	strMethod("istitle", "$self", func(s string, _ *pyrt.Args) (py.Object, error) {
		return py.NewBool(s != "" && pyTitle(s) == s && strings.ToLower(s) != s), nil
	})
	strMethod("isidentifier", "$self", func(s string, _ *pyrt.Args) (py.Object, error) {
		if s == "" {
			return py.False, nil
		}
		for i, r := range s {
			if !(r == '_' || unicode.IsLetter(r) || i > 0 && (unicode.IsDigit(r) || unicode.Is(unicode.Mn, r))) {
				return py.False, nil
			}
		}
		return py.True, nil
	})
	strMethod("removeprefix", "$self, prefix, /", func(s string, a *pyrt.Args) (py.Object, error) {
		p, err := strArg("removeprefix", 1, a.Get("prefix"))
		if err != nil {
			return nil, err
		}
		return py.String(strings.TrimPrefix(s, p)), nil
	})
	strMethod("removesuffix", "$self, prefix, /", func(s string, a *pyrt.Args) (py.Object, error) {
		p, err := strArg("removesuffix", 1, a.Get("prefix"))
		if err != nil {
			return nil, err
		}
		return py.String(strings.TrimSuffix(s, p)), nil
	})
	strMethod("expandtabs", "$self, tabsize=8", func(s string, a *pyrt.Args) (py.Object, error) {
		size, err := py.IndexInt(a.Get("tabsize"))
		if err != nil {
			return nil, err
		}
		var b strings.Builder
		col := 0
		for _, r := range s {
			switch r {
			case '\t':
				if size > 0 {
					n := size - col%size
					b.WriteString(strings.Repeat(" ", n))
					col += n
				}
			case '\n', '\r':
				b.WriteRune(r)
				col = 0
			default:
				b.WriteRune(r)
				col++
			}
		}
		return py.String(b.String()), nil
	})
	strMethod("encode", "$self, encoding='utf-8', errors='strict'", func(s string, a *pyrt.Args) (py.Object, error) {
		enc, err := a.Str("encoding")
		if err != nil {
			return nil, err
		}
		return encodeString(s, enc)
	})
	strMethod("translate", "$self, table, /", func(s string, a *pyrt.Args) (py.Object, error) {
		table := a.Get("table")
		var b strings.Builder
		for _, r := range s {
			v, err := py.GetItem(table, py.Int(r))
			if err != nil {
				if isExc(err, py.LookupError) {
					b.WriteRune(r)
					continue
				}
				return nil, err
			}
			switch x := v.(type) {
			case py.NoneType:
			case py.String:
				b.WriteString(string(x))
			case py.Int:
				b.WriteRune(rune(x))
			default:
				return nil, py.ExceptionNewf(py.TypeError, "character mapping must return integer, None or str")
			}
		}
		return py.String(b.String()), nil
	})
	// a static method: self (str or an instance) is not used
	py.StringType.Dict["maketrans"] = pyrt.Func("maketrans", "$type, x, y=None, z=None, /", func(_ py.Object, a *pyrt.Args) (py.Object, error) {
		d := NewDict()
		switch {
		case !a.Given("y"):
			src, ok := a.Get("x").(DictLike)
			if !ok {
				return nil, py.ExceptionNewf(py.TypeError, "if you give only one argument to maketrans it must be a dict")
			}
			for _, it := range src.AsDict().Items() {
				k := it.Key
				if s, ok := k.(py.String); ok {
					r, _ := utf8.DecodeRuneInString(string(s))
					k = py.Int(r)
				}
				if err := d.Set(k, it.Value); err != nil {
					return nil, err
				}
			}
		default:
			x, err := a.Str("x")
			if err != nil {
				return nil, err
			}
			y, err := a.Str("y")
			if err != nil {
				return nil, err
			}
			from, to := []rune(x), []rune(y)
			if len(from) != len(to) {
				return nil, py.ExceptionNewf(py.ValueError, "the first two maketrans arguments must have equal length")
			}
			for i := range from {
				_ = d.Set(py.Int(from[i]), py.Int(to[i]))
			}
			if a.Given("z") {
				z, err := a.Str("z")
				if err != nil {
					return nil, err
				}
				for _, r := range z {
					_ = d.Set(py.Int(r), py.None)
				}
			}
		}
		return d, nil
	})
}

// encodeString is str.encode for the encodings scripts use.
func encodeString(s, enc string) (py.Object, error) {
	switch strings.ReplaceAll(strings.ToLower(enc), "_", "-") {
	case "utf-8", "utf8":
		return py.Bytes(s), nil
	case "ascii":
		for i, r := range s {
			if r >= 0x80 {
				return nil, py.ExceptionNewf(py.UnicodeEncodeError, "'ascii' codec can't encode character '\\u%04x' in position %d: ordinal not in range(128)", r, runeIndex(s, i))
			}
		}
		return py.Bytes(s), nil
	case "latin-1", "latin1", "iso-8859-1":
		out := make([]byte, 0, len(s))
		for i, r := range s {
			if r > 0xff {
				return nil, py.ExceptionNewf(py.UnicodeEncodeError, "'latin-1' codec can't encode character '\\u%04x' in position %d: ordinal not in range(256)", r, runeIndex(s, i))
			}
			out = append(out, byte(r))
		}
		return py.Bytes(out), nil
	}
	return nil, py.ExceptionNewf(py.LookupError, "unknown encoding: %s", enc)
}
