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

// argAt is args[i], or nil past the end.
func argAt(args py.Tuple, i int) py.Object {
	if i < len(args) {
		return args[i]
	}
	return nil
}

func strLen(s string) int {
	if isASCII(s) {
		return len(s)
	}
	return utf8.RuneCountInString(s)
}

// findIn is str.find/rfind over s[start:end] (code points); -1 if absent.
func findIn(s, sub string, args py.Tuple, reverse bool) (int, error) {
	n := strLen(s)
	start, end, err := sliceBounds(argAt(args, 0), argAt(args, 1), n)
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

func strMethod(name string, min, max int, fn func(s string, args py.Tuple) (py.Object, error)) {
	pyrt.AddMethod(py.StringType, name, func(self py.Object, args py.Tuple, kw py.StringDict) (py.Object, error) {
		if err := pyrt.NArgs(name, args, kw, min, max); err != nil {
			return nil, err
		}
		return fn(string(self.(py.String)), args)
	})
}

func mapRunes(s string, f func(r rune) rune) py.Object {
	return py.String(strings.Map(f, s))
}

func strPredicate(name string, empty bool, ok func(r rune) bool) {
	strMethod(name, 0, 0, func(s string, _ py.Tuple) (py.Object, error) {
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
	strMethod(name, 0, 0, func(s string, _ py.Tuple) (py.Object, error) {
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

func padArgs(fn string, s string, args py.Tuple) (int, string, error) {
	width, err := py.IndexInt(args[0])
	if err != nil {
		return 0, "", py.ExceptionNewf(py.TypeError, "'%s' object cannot be interpreted as an integer", args[0].Type().Name)
	}
	fill := " "
	if len(args) > 1 {
		f, ok := args[1].(py.String)
		if !ok || strLen(string(f)) != 1 {
			return 0, "", py.ExceptionNewf(py.TypeError, "The fill character must be exactly one character long")
		}
		fill = string(f)
	}
	return width - strLen(s), fill, nil
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

func splitArgs(name string, args py.Tuple, kw py.StringDict) (py.Object, int, error) {
	var sep py.Object = py.None
	maxsplit := -1
	if len(args) > 2 {
		return nil, 0, py.ExceptionNewf(py.TypeError, "%s() takes at most 2 arguments (%d given)", name, len(args))
	}
	if len(args) > 0 {
		sep = args[0]
	}
	var ms py.Object
	if len(args) > 1 {
		ms = args[1]
	}
	for k, v := range kw {
		switch k {
		case "sep":
			sep = v
		case "maxsplit":
			ms = v
		default:
			return nil, 0, py.ExceptionNewf(py.TypeError, "%s() got an unexpected keyword argument '%s'", name, k)
		}
	}
	if ms != nil {
		n, err := py.IndexInt(ms)
		if err != nil {
			return nil, 0, err
		}
		maxsplit = n
	}
	return sep, maxsplit, nil
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
	pyrt.AddMethod(py.StringType, "join", func(self py.Object, args py.Tuple, kw py.StringDict) (py.Object, error) {
		if err := pyrt.NArgs("join", args, kw, 1, 1); err != nil {
			return nil, err
		}
		sep := string(self.(py.String))
		var b strings.Builder
		n := 0
		var ierr error
		err := py.Iterate(args[0], func(o py.Object) bool {
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
			if isExc(err, py.TypeError) && !hasIter(args[0]) {
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
		strMethod(m.name, 1, 3, func(s string, args py.Tuple) (py.Object, error) {
			n := strLen(s)
			start, end, err := sliceBounds(argAt(args, 1), argAt(args, 2), n)
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
			if t, ok := args[0].(py.Tuple); ok {
				for _, o := range t {
					ok, err := test(o)
					if err != nil || ok {
						return py.NewBool(ok), err
					}
				}
				return py.False, nil
			}
			ok, err := test(args[0])
			return py.NewBool(ok), err
		})
	}
	strMethod("lower", 0, 0, func(s string, _ py.Tuple) (py.Object, error) { return py.String(strings.ToLower(s)), nil })
	strMethod("upper", 0, 0, func(s string, _ py.Tuple) (py.Object, error) { return py.String(strings.ToUpper(s)), nil })
	strMethod("casefold", 0, 0, func(s string, _ py.Tuple) (py.Object, error) {
		return py.String(strings.ReplaceAll(strings.ToLower(s), "ß", "ss")), nil
	})
	strMethod("swapcase", 0, 0, func(s string, _ py.Tuple) (py.Object, error) {
		return mapRunes(s, func(r rune) rune {
			if unicode.IsUpper(r) {
				return unicode.ToLower(r)
			}
			return unicode.ToUpper(r)
		}), nil
	})
	strMethod("title", 0, 0, func(s string, _ py.Tuple) (py.Object, error) { return py.String(pyTitle(s)), nil })
	strMethod("capitalize", 0, 0, func(s string, _ py.Tuple) (py.Object, error) {
		if s == "" {
			return py.String(""), nil
		}
		r, size := utf8.DecodeRuneInString(s)
		return py.String(string(unicode.ToTitle(r)) + strings.ToLower(s[size:])), nil
	})
	strMethod("count", 1, 3, func(s string, args py.Tuple) (py.Object, error) {
		sub, err := strArg("count", 1, args[0])
		if err != nil {
			return nil, err
		}
		n := strLen(s)
		start, end, err := sliceBounds(argAt(args, 1), argAt(args, 2), n)
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
		strMethod(m.name, 1, 3, func(s string, args py.Tuple) (py.Object, error) {
			sub, err := strArg(m.name, 1, args[0])
			if err != nil {
				return nil, py.ExceptionNewf(py.TypeError, "must be str, not %s", args[0].Type().Name)
			}
			i, err := findIn(s, sub, args[1:], m.reverse)
			if err != nil {
				return nil, err
			}
			if i < 0 && m.raise {
				return nil, py.ExceptionNewf(py.ValueError, "substring not found")
			}
			return py.Int(i), nil
		})
	}
	pyrt.AddMethod(py.StringType, "split", func(self py.Object, args py.Tuple, kw py.StringDict) (py.Object, error) {
		sep, n, err := splitArgs("split", args, kw)
		if err != nil {
			return nil, err
		}
		return pySplit(string(self.(py.String)), sep, n, false)
	})
	pyrt.AddMethod(py.StringType, "rsplit", func(self py.Object, args py.Tuple, kw py.StringDict) (py.Object, error) {
		sep, n, err := splitArgs("rsplit", args, kw)
		if err != nil {
			return nil, err
		}
		return pySplit(string(self.(py.String)), sep, n, true)
	})
	pyrt.AddMethod(py.StringType, "splitlines", func(self py.Object, args py.Tuple, kw py.StringDict) (py.Object, error) {
		keep := false
		if len(args) > 0 {
			kw = py.StringDict{"keepends": args[0]}
		}
		if v, ok := kw["keepends"]; ok {
			b, err := py.MakeBool(v)
			if err != nil {
				return nil, err
			}
			keep = b == py.True
		}
		return py.NewListFromItems(pySplitLines(string(self.(py.String)), keep)), nil
	})
	strMethod("partition", 1, 1, func(s string, args py.Tuple) (py.Object, error) {
		sep, err := strArg("partition", 1, args[0])
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
	strMethod("rpartition", 1, 1, func(s string, args py.Tuple) (py.Object, error) {
		sep, err := strArg("rpartition", 1, args[0])
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
	strMethod("ljust", 1, 2, func(s string, args py.Tuple) (py.Object, error) {
		n, fill, err := padArgs("ljust", s, args)
		if err != nil || n <= 0 {
			return py.String(s), err
		}
		return py.String(s + strings.Repeat(fill, n)), nil
	})
	strMethod("rjust", 1, 2, func(s string, args py.Tuple) (py.Object, error) {
		n, fill, err := padArgs("rjust", s, args)
		if err != nil || n <= 0 {
			return py.String(s), err
		}
		return py.String(strings.Repeat(fill, n) + s), nil
	})
	strMethod("center", 1, 2, func(s string, args py.Tuple) (py.Object, error) {
		n, fill, err := padArgs("center", s, args)
		if err != nil || n <= 0 {
			return py.String(s), err
		}
		// CPython: left = n/2 + (n & width & 1).
		width, _ := py.IndexInt(args[0])
		left := n/2 + (n & width & 1)
		return py.String(strings.Repeat(fill, left) + s + strings.Repeat(fill, n-left)), nil
	})
	strMethod("zfill", 1, 1, func(s string, args py.Tuple) (py.Object, error) {
		width, err := py.IndexInt(args[0])
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
	strMethod("istitle", 0, 0, func(s string, _ py.Tuple) (py.Object, error) {
		return py.NewBool(s != "" && pyTitle(s) == s && strings.ToLower(s) != s), nil
	})
	strMethod("isidentifier", 0, 0, func(s string, _ py.Tuple) (py.Object, error) {
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
	strMethod("removeprefix", 1, 1, func(s string, args py.Tuple) (py.Object, error) {
		p, err := strArg("removeprefix", 1, args[0])
		if err != nil {
			return nil, err
		}
		return py.String(strings.TrimPrefix(s, p)), nil
	})
	strMethod("removesuffix", 1, 1, func(s string, args py.Tuple) (py.Object, error) {
		p, err := strArg("removesuffix", 1, args[0])
		if err != nil {
			return nil, err
		}
		return py.String(strings.TrimSuffix(s, p)), nil
	})
	pyrt.AddMethod(py.StringType, "expandtabs", func(self py.Object, args py.Tuple, kw py.StringDict) (py.Object, error) {
		size := 8
		if len(args) > 0 {
			kw = py.StringDict{"tabsize": args[0]}
		}
		if v, ok := kw["tabsize"]; ok {
			n, err := py.IndexInt(v)
			if err != nil {
				return nil, err
			}
			size = n
		}
		var b strings.Builder
		col := 0
		for _, r := range string(self.(py.String)) {
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
	pyrt.AddMethod(py.StringType, "encode", func(self py.Object, args py.Tuple, kw py.StringDict) (py.Object, error) {
		enc := "utf-8"
		if len(args) > 0 {
			e, err := strArg("encode", 1, args[0])
			if err != nil {
				return nil, err
			}
			enc = e
		}
		if v, ok := kw["encoding"].(py.String); ok {
			enc = string(v)
		}
		return encodeString(string(self.(py.String)), enc)
	})
	pyrt.AddMethod(py.StringType, "translate", func(self py.Object, args py.Tuple, kw py.StringDict) (py.Object, error) {
		if err := pyrt.NArgs("translate", args, kw, 1, 1); err != nil {
			return nil, err
		}
		table := args[0]
		var b strings.Builder
		for _, r := range string(self.(py.String)) {
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
	py.StringType.Dict["maketrans"] = py.MustNewMethod("maketrans", func(_ py.Object, args py.Tuple) (py.Object, error) {
		d := NewDict()
		switch len(args) {
		case 1:
			src, ok := args[0].(DictLike)
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
		case 2, 3:
			from, to := []rune(string(args[0].(py.String))), []rune(string(args[1].(py.String)))
			if len(from) != len(to) {
				return nil, py.ExceptionNewf(py.ValueError, "the first two maketrans arguments must have equal length")
			}
			for i := range from {
				_ = d.Set(py.Int(from[i]), py.Int(to[i]))
			}
			if len(args) == 3 {
				for _, r := range string(args[2].(py.String)) {
					_ = d.Set(py.Int(r), py.None)
				}
			}
		default:
			return nil, py.ExceptionNewf(py.TypeError, "maketrans() takes 1 to 3 arguments")
		}
		return d, nil
	}, 0, "")
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
