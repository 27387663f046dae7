package pyobj

import (
	"math"
	"math/big"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/go-python/gpython/py"
	"github.com/pypool/pypool/bridge/internal/source"
)

// A FormatSpec is a parsed format-spec mini-language string:
// [[fill]align][sign][z][#][0][width][grouping][.precision][type].
type FormatSpec struct {
	Fill      rune // 0: not given (a space)
	Align     byte // '<', '>', '^', '=' or 0
	Sign      byte // '+', '-', ' ' or 0
	Z         bool // coerce negative zero
	Alt       bool // '#'
	Zero      bool // '0' before the width
	Width     int  // -1: none
	Grouping  byte // ',', '_' or 0
	Precision int  // -1: none
	Type      byte // 0: none
}

// ParseFormatSpec parses spec; typeName names the formatted value's type in
// the "Invalid format specifier" error.
func ParseFormatSpec(spec, typeName string) (FormatSpec, error) {
	fs := FormatSpec{Width: -1, Precision: -1}
	s := spec
	isAlign := func(c byte) bool { return c == '<' || c == '>' || c == '^' || c == '=' }
	if r, n := utf8.DecodeRuneInString(s); n > 0 && len(s) > n && isAlign(s[n]) {
		fs.Fill, fs.Align = r, s[n]
		s = s[n+1:]
	} else if len(s) > 0 && isAlign(s[0]) {
		fs.Align = s[0]
		s = s[1:]
	}
	if len(s) > 0 && (s[0] == '+' || s[0] == '-' || s[0] == ' ') {
		fs.Sign = s[0]
		s = s[1:]
	}
	if len(s) > 0 && s[0] == 'z' {
		fs.Z = true
		s = s[1:]
	}
	if len(s) > 0 && s[0] == '#' {
		fs.Alt = true
		s = s[1:]
	}
	if len(s) > 0 && s[0] == '0' {
		fs.Zero = true
		s = s[1:]
	}
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i > 0 {
		fs.Width, _ = strconv.Atoi(s[:i])
		s = s[i:]
	}
	if len(s) > 0 && (s[0] == ',' || s[0] == '_') {
		fs.Grouping = s[0]
		s = s[1:]
		if len(s) > 0 && (s[0] == ',' || s[0] == '_') {
			if s[0] == fs.Grouping {
				return fs, py.ExceptionNewf(py.ValueError, "Cannot specify '%c' with '%c'.", s[0], s[0])
			}
			return fs, py.ExceptionNewf(py.ValueError, "Cannot specify both ',' and '_'.")
		}
	}
	if len(s) > 0 && s[0] == '.' {
		s = s[1:]
		i = 0
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
		}
		if i == 0 {
			return fs, py.ExceptionNewf(py.ValueError, "Format specifier missing precision")
		}
		fs.Precision, _ = strconv.Atoi(s[:i])
		s = s[i:]
	}
	if len(s) > 1 {
		return fs, py.ExceptionNewf(py.ValueError, "Invalid format specifier '%s' for object of type '%s'", spec, typeName)
	}
	if len(s) == 1 {
		fs.Type = s[0]
	}
	if fs.Zero && fs.Fill == 0 && fs.Align == 0 {
		fs.Fill = '0' // numbers also get '=' alignment (numericAlign)
	}
	if fs.Grouping != 0 && fs.Type != 0 {
		ok := strings.IndexByte("deEfFgG%", fs.Type) >= 0 || (fs.Grouping == '_' && strings.IndexByte("boxX", fs.Type) >= 0)
		if !ok {
			return fs, py.ExceptionNewf(py.ValueError, "Cannot specify '%c' with '%c'.", fs.Grouping, fs.Type)
		}
	}
	return fs, nil
}

// Format is format(v, spec): the one implementation of the format-spec
// mini-language that f-strings, format(), str.format and % use. str, int
// (big too), bool and float are formatted here; other objects through their
// __format__ method, or str(v) for an empty spec.
func Format(v py.Object, spec string) (string, error) {
	switch x := v.(type) {
	case py.String:
		if spec == "" {
			return string(x), nil
		}
		return formatString(string(x), spec)
	case py.Bool:
		if spec == "" {
			return Str(x)
		}
		if x {
			return formatInt(big.NewInt(1), spec, "bool")
		}
		return formatInt(big.NewInt(0), spec, "bool")
	case py.Int:
		return formatInt(big.NewInt(int64(x)), spec, "int")
	case *py.BigInt:
		return formatInt((*big.Int)(x), spec, "int")
	case py.Float:
		return formatFloat(float64(x), spec, "float")
	}
	if t := v.Type(); t != nil && t.Lookup("__format__") != nil {
		f, err := py.GetAttrString(v, "__format__")
		if err == nil {
			r, err := py.Call(f, py.Tuple{py.String(spec)}, nil)
			if err != nil {
				return "", err
			}
			s, ok := r.(py.String)
			if !ok {
				return "", py.ExceptionNewf(py.TypeError, "__format__ must return a str, not %s", TypeName(r))
			}
			return string(s), nil
		}
	}
	if spec != "" {
		return "", py.ExceptionNewf(py.TypeError, "unsupported format string passed to %s.__format__", TypeName(v))
	}
	return Str(v)
}

func formatString(s, spec string) (string, error) {
	fs, err := ParseFormatSpec(spec, "str")
	if err != nil {
		return "", err
	}
	if fs.Type != 0 && fs.Type != 's' {
		return "", py.ExceptionNewf(py.ValueError, "Unknown format code '%c' for object of type 'str'", fs.Type)
	}
	if fs.Sign != 0 {
		return "", py.ExceptionNewf(py.ValueError, "Sign not allowed in string format specifier")
	}
	if fs.Alt {
		return "", py.ExceptionNewf(py.ValueError, "Alternate form (#) not allowed in string format specifier")
	}
	if fs.Align == '=' {
		return "", py.ExceptionNewf(py.ValueError, "'=' alignment not allowed in string format specifier")
	}
	if fs.Grouping != 0 {
		return "", py.ExceptionNewf(py.ValueError, "Cannot specify '%c' with 's'.", fs.Grouping)
	}
	if fs.Precision >= 0 {
		if n := utf8.RuneCountInString(s); n > fs.Precision {
			r := []rune(s)
			s = string(r[:fs.Precision])
		}
	}
	return pad("", s, fs, '<'), nil
}

// pad lays out sign+prefix and body in the spec's width.
func pad(prefix, body string, fs FormatSpec, defAlign byte) string {
	n := utf8.RuneCountInString(prefix) + utf8.RuneCountInString(body)
	if fs.Width <= n {
		return prefix + body
	}
	fill := fs.Fill
	if fill == 0 {
		fill = ' '
	}
	align := fs.Align
	if align == 0 {
		align = defAlign
	}
	k := fs.Width - n
	f := string(fill)
	switch align {
	case '<':
		return prefix + body + strings.Repeat(f, k)
	case '^':
		return strings.Repeat(f, k/2) + prefix + body + strings.Repeat(f, k-k/2)
	case '=':
		return prefix + strings.Repeat(f, k) + body
	}
	return strings.Repeat(f, k) + prefix + body
}

// group inserts sep every n digits from the right of digits.
func group(digits string, sep byte, n int) string {
	if sep == 0 || len(digits) <= n {
		return digits
	}
	var b strings.Builder
	first := len(digits) % n
	if first > 0 {
		b.WriteString(digits[:first])
	}
	for i := first; i < len(digits); i += n {
		if b.Len() > 0 {
			b.WriteByte(sep)
		}
		b.WriteString(digits[i : i+n])
	}
	return b.String()
}

// zeroGroup pads digits with leading zeros so that, grouped, the number
// fills width (CPython groups the zero padding too).
func zeroGroup(digits string, sep byte, n, width int) string {
	for len(group(digits, sep, n)) < width {
		digits = "0" + digits
	}
	g := group(digits, sep, n)
	if len(g) > width && len(digits) > 1 && digits[0] == '0' && len(group(digits[1:], sep, n)) >= width {
		return group(digits[1:], sep, n)
	}
	return g
}

func signOf(neg bool, sign byte) string {
	switch {
	case neg:
		return "-"
	case sign == '+':
		return "+"
	case sign == ' ':
		return " "
	}
	return ""
}

// numericAlign gives numbers padded with '0' (and no alignment) the '='
// alignment: zeros go between the sign and the digits.
func numericAlign(fs *FormatSpec) {
	if fs.Zero && fs.Align == 0 {
		fs.Align = '='
	}
}

func formatInt(x *big.Int, spec, typeName string) (string, error) {
	fs, err := ParseFormatSpec(spec, typeName)
	if err != nil {
		return "", err
	}
	numericAlign(&fs)
	switch fs.Type {
	case 'e', 'E', 'f', 'F', 'g', 'G', '%':
		f, _ := new(big.Float).SetInt(x).Float64()
		return formatFloatSpec(f, fs, typeName)
	case 0, 'd', 'n', 'b', 'o', 'x', 'X', 'c':
	default:
		return "", py.ExceptionNewf(py.ValueError, "Unknown format code '%c' for object of type '%s'", fs.Type, typeName)
	}
	if fs.Precision >= 0 {
		return "", py.ExceptionNewf(py.ValueError, "Precision not allowed in integer format specifier")
	}
	if fs.Type == 'c' {
		if fs.Sign != 0 {
			return "", py.ExceptionNewf(py.ValueError, "Sign not allowed with integer format specifier 'c'")
		}
		if !x.IsInt64() || x.Int64() < 0 || x.Int64() > 0x10ffff {
			return "", py.ExceptionNewf(py.OverflowError, "%%c arg not in range(0x110000)")
		}
		return pad("", string(rune(x.Int64())), fs, '<'), nil
	}
	neg := x.Sign() < 0
	abs := new(big.Int).Abs(x)
	base, prefix, every := 10, "", 3
	switch fs.Type {
	case 'b':
		base, prefix, every = 2, "0b", 4
	case 'o':
		base, prefix, every = 8, "0o", 4
	case 'x':
		base, prefix, every = 16, "0x", 4
	case 'X':
		base, prefix, every = 16, "0X", 4
	}
	digits := abs.Text(base)
	if fs.Type == 'X' {
		digits = strings.ToUpper(digits)
	}
	if !fs.Alt {
		prefix = ""
	}
	lead := signOf(neg, fs.Sign) + prefix
	if fs.Grouping != 0 && fs.Fill == '0' && fs.Align == '=' && fs.Width > 0 {
		return lead + zeroGroup(digits, fs.Grouping, every, fs.Width-len(lead)), nil
	}
	return pad(lead, group(digits, fs.Grouping, every), fs, '>'), nil
}

func formatFloat(f float64, spec, typeName string) (string, error) {
	if spec == "" {
		return FloatRepr(f), nil
	}
	fs, err := ParseFormatSpec(spec, typeName)
	if err != nil {
		return "", err
	}
	return formatFloatSpec(f, fs, typeName)
}

func formatFloatSpec(f float64, fs FormatSpec, typeName string) (string, error) {
	numericAlign(&fs)
	switch fs.Type {
	case 0, 'e', 'E', 'f', 'F', 'g', 'G', 'n', '%':
	default:
		return "", py.ExceptionNewf(py.ValueError, "Unknown format code '%c' for object of type '%s'", fs.Type, typeName)
	}
	neg := math.Signbit(f) && !math.IsNaN(f)
	a := math.Abs(f)
	var body string
	upper := fs.Type == 'E' || fs.Type == 'F' || fs.Type == 'G'
	switch {
	case math.IsInf(f, 0) || math.IsNaN(f):
		body = "inf"
		if math.IsNaN(f) {
			body = "nan"
		}
		if fs.Type == '%' {
			body += "%"
		}
	default:
		prec := fs.Precision
		switch fs.Type {
		case 'f', 'F':
			if prec < 0 {
				prec = 6
			}
			body = strconv.FormatFloat(a, 'f', prec, 64)
			if fs.Alt && prec == 0 {
				body += "."
			}
		case '%':
			if prec < 0 {
				prec = 6
			}
			body = strconv.FormatFloat(a*100, 'f', prec, 64)
			if fs.Alt && prec == 0 {
				body += "."
			}
			body += "%"
		case 'e', 'E':
			if prec < 0 {
				prec = 6
			}
			body = strconv.FormatFloat(a, 'e', prec, 64)
			if fs.Alt && prec == 0 {
				body = strings.Replace(body, "e", ".e", 1)
			}
		case 'g', 'G', 'n':
			if prec < 0 {
				prec = 6
			} else if prec == 0 {
				prec = 1
			}
			body = formatG(a, prec, fs.Alt, false)
		case 0:
			if prec < 0 {
				body = formatShortest(a, 'r', fs.Alt, false)
				if fs.Alt && !strings.Contains(body, ".") {
					body = strings.Replace(body, "e", ".e", 1)
				}
			} else {
				if prec == 0 {
					prec = 1
				}
				body = formatG(a, prec, fs.Alt, true)
			}
		}
		if fs.Z && neg {
			if z, _ := strconv.ParseFloat(strings.TrimSuffix(body, "%"), 64); z == 0 {
				neg = false
			}
		}
	}
	if upper {
		body = strings.ToUpper(body)
	}
	lead := signOf(neg, fs.Sign)
	if fs.Grouping != 0 && body[0] >= '0' && body[0] <= '9' {
		intPart := body
		rest := ""
		if i := strings.IndexAny(body, ".eE%"); i >= 0 {
			intPart, rest = body[:i], body[i:]
		}
		if fs.Fill == '0' && fs.Align == '=' && fs.Width > 0 {
			return lead + zeroGroup(intPart, fs.Grouping, 3, fs.Width-len(lead)-len(rest)) + rest, nil
		}
		body = group(intPart, fs.Grouping, 3) + rest
	}
	return pad(lead, body, fs, '>'), nil
}

// formatG is the 'g' presentation: prec significant digits, scientific when
// the exponent is < -4 or >= prec, trailing zeros dropped unless alt.
// noType is the no-type-code variant (a point and digit kept in fixed form).
func formatG(a float64, prec int, alt, noType bool) string {
	e := strconv.FormatFloat(a, 'e', prec-1, 64)
	mant, expS, _ := strings.Cut(e, "e")
	exp, _ := strconv.Atoi(expS)
	var out string
	if exp < -4 || exp >= prec {
		if !alt {
			mant = trimZeros(mant)
		}
		sign := "+"
		if exp < 0 {
			sign, exp = "-", -exp
		}
		es := strconv.Itoa(exp)
		if len(es) < 2 {
			es = "0" + es
		}
		out = mant + "e" + sign + es
	} else {
		out = strconv.FormatFloat(a, 'f', prec-1-exp, 64)
		if !alt {
			out = trimZeros(out)
			if noType && !strings.Contains(out, ".") {
				out += ".0"
			}
		} else if !strings.Contains(out, ".") {
			out += "."
		}
	}
	return out
}

func trimZeros(s string) string {
	if !strings.Contains(s, ".") {
		return s
	}
	s = strings.TrimRight(s, "0")
	return strings.TrimSuffix(s, ".")
}

func installFormat() {
	ReplaceMethod("builtins", Func("format", "value, format_spec='', /", func(self py.Object, a *Args) (py.Object, error) {
		spec, err := a.Str("format_spec")
		if err != nil {
			return nil, py.ExceptionNewf(py.TypeError, "format() argument 2 must be str, not %s", TypeName(a.Get("format_spec")))
		}
		s, err := Format(a.Get("value"), spec)
		if err != nil {
			return nil, err
		}
		return py.String(s), nil
	}))
	ReplaceMethod("builtins", py.MustNewMethod(source.FStringHelper, builtinFString, 0, "f-string helper"))
}

// builtinFString joins an f-string's parts: lit, (value, conversion, spec,
// lit)*. The conversion is "", "r", "s" or "a".
func builtinFString(self py.Object, args py.Tuple) (py.Object, error) {
	var b strings.Builder
	for i := 0; i < len(args); {
		if s, ok := args[i].(py.String); ok {
			b.WriteString(string(s))
		}
		i++
		if i+2 >= len(args) {
			break
		}
		v := args[i]
		conv, _ := args[i+1].(py.String)
		spec, _ := args[i+2].(py.String)
		i += 3
		var err error
		switch conv {
		case "r":
			var s string
			s, err = Repr(v)
			v = py.String(s)
		case "s":
			var s string
			s, err = Str(v)
			v = py.String(s)
		case "a":
			var s string
			s, err = Repr(v)
			v = py.String(asciiEscape(s))
		}
		if err != nil {
			return nil, err
		}
		s, err := Format(v, string(spec))
		if err != nil {
			return nil, err
		}
		b.WriteString(s)
	}
	return py.String(b.String()), nil
}

// asciiEscape is ascii(): non-ASCII runes of a repr escaped.
func asciiEscape(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r < 0x80:
			b.WriteRune(r)
		case r <= 0xff:
			b.WriteString(`\x` + leftPad(strconv.FormatInt(int64(r), 16), 2))
		case r <= 0xffff:
			b.WriteString(`\u` + leftPad(strconv.FormatInt(int64(r), 16), 4))
		default:
			b.WriteString(`\U` + leftPad(strconv.FormatInt(int64(r), 16), 8))
		}
	}
	return b.String()
}

func leftPad(s string, n int) string {
	for len(s) < n {
		s = "0" + s
	}
	return s
}

func init() { OnInstall(InstallCore, "core06-format", installFormat) }
