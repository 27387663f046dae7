package pyobj

// float.fromhex (gpython's float has no fromhex).

import (
	"math"
	"strconv"
	"strings"

	"github.com/go-python/gpython/py"
	"github.com/pypool/pypool/bridge/pyrt"
)

// floatFromHex parses CPython's hexadecimal float syntax: optional sign,
// optional 0x, hex digits with an optional point, optional p exponent;
// inf/infinity/nan.
func floatFromHex(s string) (float64, error) {
	bad := py.ExceptionNewf(py.ValueError, "invalid hexadecimal floating-point string")
	t := strings.TrimSpace(s)
	sign := ""
	if strings.HasPrefix(t, "-") || strings.HasPrefix(t, "+") {
		sign, t = t[:1], t[1:]
	}
	switch strings.ToLower(t) {
	case "inf", "infinity":
		if sign == "-" {
			return math.Inf(-1), nil
		}
		return math.Inf(1), nil
	case "nan":
		return math.NaN(), nil
	}
	low := strings.ToLower(t)
	low = strings.TrimPrefix(low, "0x")
	if low == "" || strings.ContainsAny(low, "_+-") && !strings.Contains(low, "p") {
		return 0, bad
	}
	mant := low
	if i := strings.IndexByte(low, 'p'); i >= 0 {
		mant = low[:i]
	} else {
		low += "p0"
	}
	if mant == "" || mant == "." || strings.Trim(mant, "0123456789abcdef.") != "" || strings.Count(mant, ".") > 1 {
		return 0, bad
	}
	f, err := strconv.ParseFloat(sign+"0x"+low, 64)
	if err != nil {
		if ne, ok := err.(*strconv.NumError); ok && ne.Err == strconv.ErrRange && math.IsInf(f, 0) {
			return 0, py.ExceptionNewf(py.OverflowError, "hexadecimal value too large to represent as a float")
		}
		if ne, ok := err.(*strconv.NumError); ok && ne.Err == strconv.ErrRange {
			return f, nil
		}
		return 0, bad
	}
	return f, nil
}

func init() {
	pyrt.OnInstall(pyrt.InstallCompat, "builtin_float", func() {
		pyrt.ClassMethod(py.FloatType, "float.fromhex", "$type, string, /", func(cls *py.Type, a *pyrt.Args) (py.Object, error) {
			s, ok := a.Get("string").(py.String)
			if !ok {
				return nil, py.ExceptionNewf(py.TypeError, "must be str, not %s", pyrt.TypeName(a.Get("string")))
			}
			f, err := floatFromHex(string(s))
			if err != nil {
				return nil, err
			}
			return py.Float(f), nil
		})
	})
}
