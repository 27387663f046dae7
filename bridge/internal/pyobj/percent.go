package pyobj

// printf-style formatting (`'%5.2f' % x`, `'%(key)s' % d`, `%r`) and
// str.format / format(), all on the core's format-spec engine (Format).
// gpython's own str % uses Go's fmt; the compat rewrite turns
// `'literal' % operand` into __pp_mod__('literal', operand).

import (
	"strconv"
	"strings"

	"github.com/go-python/gpython/py"
	"github.com/pypool/pypool/bridge/pyrt"
)

// PercentFormat is CPython's str % args.
func PercentFormat(format string, args py.Object) (string, error) {
	var values []py.Object
	var mapping py.Object
	switch a := args.(type) {
	case py.Tuple:
		values = a
	case *Dict, py.StringDict:
		mapping = a
		values = py.Tuple{a}
	default:
		if dl, ok := a.(DictLike); ok {
			mapping = dl
		}
		values = py.Tuple{a}
	}
	next := 0
	take := func() (py.Object, error) {
		if next >= len(values) {
			return nil, py.ExceptionNewf(py.TypeError, "not enough arguments for format string")
		}
		v := values[next]
		next++
		return v, nil
	}
	var b strings.Builder
	usedMapping := false
	for i := 0; i < len(format); i++ {
		c := format[i]
		if c != '%' {
			b.WriteByte(c)
			continue
		}
		i++
		if i >= len(format) {
			return "", py.ExceptionNewf(py.ValueError, "incomplete format")
		}
		var arg py.Object
		if format[i] == '(' {
			depth, j := 1, i+1
			for ; j < len(format) && depth > 0; j++ {
				switch format[j] {
				case '(':
					depth++
				case ')':
					depth--
				}
			}
			if depth > 0 {
				return "", py.ExceptionNewf(py.ValueError, "incomplete format key")
			}
			if mapping == nil {
				return "", py.ExceptionNewf(py.TypeError, "format requires a mapping")
			}
			key := format[i+1 : j-1]
			v, err := py.GetItem(mapping, py.String(key))
			if err != nil {
				return "", err
			}
			arg = v
			usedMapping = true
			i = j
		}
		// flags
		flags := ""
		for i < len(format) && strings.IndexByte("-+ #0", format[i]) >= 0 {
			flags += string(format[i])
			i++
		}
		width := ""
		if i < len(format) && format[i] == '*' {
			v, err := take()
			if err != nil {
				return "", err
			}
			n, err := py.IndexInt(v)
			if err != nil {
				return "", py.ExceptionNewf(py.TypeError, "* wants int")
			}
			if n < 0 {
				flags += "-"
				n = -n
			}
			width = strconv.Itoa(n)
			i++
		} else {
			for i < len(format) && format[i] >= '0' && format[i] <= '9' {
				width += string(format[i])
				i++
			}
		}
		prec := ""
		hasPrec := false
		if i < len(format) && format[i] == '.' {
			hasPrec = true
			i++
			if i < len(format) && format[i] == '*' {
				v, err := take()
				if err != nil {
					return "", err
				}
				n, err := py.IndexInt(v)
				if err != nil {
					return "", py.ExceptionNewf(py.TypeError, "* wants int")
				}
				prec = strconv.Itoa(n)
				i++
			} else {
				for i < len(format) && format[i] >= '0' && format[i] <= '9' {
					prec += string(format[i])
					i++
				}
			}
			if prec == "" {
				prec = "0"
			}
		}
		for i < len(format) && strings.IndexByte("hlL", format[i]) >= 0 {
			i++
		}
		if i >= len(format) {
			return "", py.ExceptionNewf(py.ValueError, "incomplete format")
		}
		conv := format[i]
		if conv == '%' {
			b.WriteByte('%')
			continue
		}
		if arg == nil {
			v, err := take()
			if err != nil {
				return "", err
			}
			arg = v
		}
		s, err := percentOne(conv, flags, width, prec, hasPrec, arg, i)
		if err != nil {
			return "", err
		}
		b.WriteString(s)
	}
	if next < len(values) && !usedMapping && mapping == nil {
		return "", py.ExceptionNewf(py.TypeError, "not all arguments converted during string formatting")
	}
	return b.String(), nil
}

func percentOne(conv byte, flags, width, prec string, hasPrec bool, arg py.Object, pos int) (string, error) {
	left := strings.Contains(flags, "-")
	pad := func(s string) string {
		w, _ := strconv.Atoi(width)
		n := w - strLen(s)
		if n <= 0 {
			return s
		}
		if left {
			return s + strings.Repeat(" ", n)
		}
		return strings.Repeat(" ", n) + s
	}
	switch conv {
	case 's', 'r', 'a':
		var s string
		var err error
		if conv == 's' {
			s, err = Str(arg)
		} else {
			s, err = Repr(arg)
		}
		if err != nil {
			return "", err
		}
		if hasPrec {
			p, _ := strconv.Atoi(prec)
			if r := []rune(s); len(r) > p {
				s = string(r[:p])
			}
		}
		return pad(s), nil
	case 'c':
		switch x := arg.(type) {
		case py.String:
			return pad(string(x)), nil
		case py.Int:
			return pad(string(rune(x))), nil
		}
		return "", py.ExceptionNewf(py.TypeError, "%%c requires int or char")
	}
	spec := ""
	if left {
		spec += "<"
	}
	if strings.Contains(flags, "+") {
		spec += "+"
	} else if strings.Contains(flags, " ") {
		spec += " "
	}
	if strings.Contains(flags, "#") {
		spec += "#"
	}
	if strings.Contains(flags, "0") && !left {
		spec += "0"
	}
	spec += width
	if hasPrec {
		spec += "." + prec
	}
	switch conv {
	case 'd', 'i', 'u':
		n, err := toIntegral(arg, conv)
		if err != nil {
			return "", err
		}
		if hasPrec {
			// %.3d pads the digits with zeros.
			s, err := Format(n, "")
			if err != nil {
				return "", err
			}
			neg := strings.HasPrefix(s, "-")
			s = strings.TrimPrefix(s, "-")
			p, _ := strconv.Atoi(prec)
			if len(s) < p {
				s = strings.Repeat("0", p-len(s)) + s
			}
			if neg {
				s = "-" + s
			}
			return pad(s), nil
		}
		return Format(n, spec+"d")
	case 'x', 'X', 'o':
		n, err := toIntegral(arg, conv)
		if err != nil {
			return "", err
		}
		if hasPrec {
			spec = strings.TrimSuffix(spec, "."+prec)
		}
		return Format(n, spec+string(conv))
	case 'f', 'F', 'e', 'E', 'g', 'G':
		f, err := ToFloatArg(arg)
		if err != nil {
			return "", err
		}
		if !hasPrec {
			spec += ".6"
		}
		return Format(f, spec+string(conv))
	}
	return "", py.ExceptionNewf(py.ValueError, "unsupported format character '%c' (0x%x) at index %d", conv, conv, pos)
}

func toIntegral(arg py.Object, conv byte) (py.Object, error) {
	switch x := arg.(type) {
	case py.Int, *py.BigInt:
		return x, nil
	case py.Bool:
		return BoolInt(x), nil
	case py.Float:
		if conv == 'x' || conv == 'X' || conv == 'o' {
			return nil, py.ExceptionNewf(py.TypeError, "%%%c format: an integer is required, not float", conv)
		}
		return py.MakeInt(x)
	}
	return nil, py.ExceptionNewf(py.TypeError, "%%%c format: a real number is required, not %s", conv, arg.Type().Name)
}

func ToFloatArg(arg py.Object) (py.Object, error) {
	switch x := arg.(type) {
	case py.Float:
		return x, nil
	case py.Int, py.Bool, *py.BigInt:
		return py.MakeFloat(x)
	}
	return nil, py.ExceptionNewf(py.TypeError, "must be real number, not %s", arg.Type().Name)
}

// ppMod is __pp_mod__(a, b): a % b with str formatting done here.
func ppMod(args py.Tuple, _ py.StringDict) (py.Object, error) {
	if s, ok := args[0].(py.String); ok {
		r, err := PercentFormat(string(s), args[1])
		return py.String(r), err
	}
	return py.Mod(args[0], args[1])
}

// StrFormat is str.format(*args, **kwargs).
func StrFormat(format string, args py.Tuple, kwargs py.StringDict) (string, error) {
	var b strings.Builder
	auto := 0
	manual := false
	for i := 0; i < len(format); i++ {
		c := format[i]
		if c == '}' {
			if i+1 < len(format) && format[i+1] == '}' {
				b.WriteByte('}')
				i++
				continue
			}
			return "", py.ExceptionNewf(py.ValueError, "Single '}' encountered in format string")
		}
		if c != '{' {
			b.WriteByte(c)
			continue
		}
		if i+1 < len(format) && format[i+1] == '{' {
			b.WriteByte('{')
			i++
			continue
		}
		// Find the matching '}' (nested fields in the spec allowed).
		depth, j := 1, i+1
		for ; j < len(format) && depth > 0; j++ {
			switch format[j] {
			case '{':
				depth++
			case '}':
				depth--
			}
		}
		if depth > 0 {
			return "", py.ExceptionNewf(py.ValueError, "expected '}' before end of string")
		}
		field := format[i+1 : j-1]
		i = j - 1
		name, conv, spec := field, "", ""
		if k := strings.IndexAny(field, "!:"); k >= 0 {
			name = field[:k]
			rest := field[k:]
			if rest[0] == '!' {
				if len(rest) < 2 {
					return "", py.ExceptionNewf(py.ValueError, "end of string while looking for conversion specifier")
				}
				conv = rest[1:2]
				rest = rest[2:]
				if rest != "" && rest[0] != ':' {
					return "", py.ExceptionNewf(py.ValueError, "expected ':' after conversion specifier")
				}
			}
			if rest != "" {
				spec = rest[1:]
			}
		}
		// The first part of the name selects the argument.
		first, tail := name, ""
		if k := strings.IndexAny(name, ".["); k >= 0 {
			first, tail = name[:k], name[k:]
		}
		var v py.Object
		if first == "" {
			if manual {
				return "", py.ExceptionNewf(py.ValueError, "cannot switch from manual field specification to automatic field numbering")
			}
			if auto >= len(args) {
				return "", py.ExceptionNewf(py.IndexError, "Replacement index %d out of range for positional args tuple", auto)
			}
			v = args[auto]
			auto++
		} else if n, err := strconv.Atoi(first); err == nil {
			manual = true
			if n >= len(args) {
				return "", py.ExceptionNewf(py.IndexError, "Replacement index %d out of range for positional args tuple", n)
			}
			v = args[n]
		} else {
			var ok bool
			if v, ok = kwargs[first]; !ok {
				return "", pyrt.KeyError(py.String(first))
			}
		}
		for tail != "" {
			if tail[0] == '.' {
				k := strings.IndexAny(tail[1:], ".[")
				attr := tail[1:]
				if k >= 0 {
					attr, tail = tail[1:k+1], tail[k+1:]
				} else {
					tail = ""
				}
				var err error
				if v, err = py.GetAttrString(v, attr); err != nil {
					return "", err
				}
				continue
			}
			k := strings.IndexByte(tail, ']')
			if k < 0 {
				return "", py.ExceptionNewf(py.ValueError, "Missing ']' in format string")
			}
			key := tail[1:k]
			tail = tail[k+1:]
			var idx py.Object = py.String(key)
			if n, err := strconv.Atoi(key); err == nil {
				idx = py.Int(n)
			}
			var err error
			if v, err = py.GetItem(v, idx); err != nil {
				return "", err
			}
		}
		switch conv {
		case "r", "a":
			r, err := Repr(v)
			if err != nil {
				return "", err
			}
			v = py.String(r)
		case "s":
			s, err := Str(v)
			if err != nil {
				return "", err
			}
			v = py.String(s)
		case "":
		default:
			return "", py.ExceptionNewf(py.ValueError, "Unknown conversion specifier %s", conv)
		}
		if strings.Contains(spec, "{") {
			s, err := StrFormat(spec, args[min(auto, len(args)):], kwargs)
			if err != nil {
				return "", err
			}
			spec = s
		}
		s, err := Format(v, spec)
		if err != nil {
			return "", err
		}
		b.WriteString(s)
	}
	return b.String(), nil
}

func init() {
	pyrt.OnInstall(pyrt.InstallCompat, "percent", func() {
		SetBuiltin("__pp_mod__", intrinsic("__pp_mod__", ppMod))
		pyrt.Method(py.StringType, "str.format", "$self, *args, **kwargs", func(self py.Object, a *pyrt.Args) (py.Object, error) {
			s, err := StrFormat(string(self.(py.String)), a.Star, a.Kw)
			return py.String(s), err
		})
		pyrt.Method(py.StringType, "str.format_map", "$self, mapping, /", func(self py.Object, a *pyrt.Args) (py.Object, error) {
			m := py.StringDict{}
			if d, ok := a.Get("mapping").(DictLike); ok {
				for _, it := range d.AsDict().Items() {
					if k, ok := it.Key.(py.String); ok {
						m[string(k)] = it.Value
					}
				}
			}
			s, err := StrFormat(string(self.(py.String)), nil, m)
			return py.String(s), err
		})
		if impl := py.GetModuleImpl("builtins"); impl != nil {
			has := false
			for _, m := range impl.Methods {
				if m.Name == "format" {
					has = true
				}
			}
			if _, ok := impl.Globals["format"]; !has && !ok {
				SetBuiltin("format", pyrt.Func("format", "$module, value, format_spec='', /", func(_ py.Object, a *pyrt.Args) (py.Object, error) {
					spec, ok := a.Get("format_spec").(py.String)
					if !ok {
						return nil, py.ExceptionNewf(py.TypeError, "format() argument 2 must be str, not %s", a.Get("format_spec").Type().Name)
					}
					s, err := Format(a.Get("value"), string(spec))
					return py.String(s), err
				}))
			}
		}
	})
}
