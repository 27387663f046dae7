package pyobj

import (
	"math"
	"strconv"
	"strings"
)

// formatShortest renders f's shortest round-trip digits. mode 'r' is repr
// (positional for exponents -4..15, else scientific; ".0" added to
// integral values); alt keeps a trailing point. Used by repr and by format
// specs without a precision.
func formatShortest(f float64, mode byte, alt, noDotZero bool) string {
	neg := math.Signbit(f)
	if neg {
		f = -f
	}
	s := strconv.FormatFloat(f, 'e', -1, 64) // d.ddde±XX
	mant, expS, _ := strings.Cut(s, "e")
	exp, _ := strconv.Atoi(expS)
	digits := strings.Replace(mant, ".", "", 1)
	var out string
	if -4 <= exp && exp < 16 {
		out = positional(digits, exp)
		if !strings.Contains(out, ".") && !noDotZero {
			out += ".0"
		}
	} else {
		out = digits[:1]
		if len(digits) > 1 {
			out += "." + digits[1:]
		}
		sign := "+"
		if exp < 0 {
			sign = "-"
			exp = -exp
		}
		e := strconv.Itoa(exp)
		if len(e) < 2 {
			e = "0" + e
		}
		out += "e" + sign + e
	}
	if neg {
		out = "-" + out
	}
	return out
}

// positional places the decimal point in digits (d.ddd × 10^exp).
func positional(digits string, exp int) string {
	if exp < 0 {
		return "0." + strings.Repeat("0", -exp-1) + digits
	}
	if exp+1 >= len(digits) {
		return digits + strings.Repeat("0", exp+1-len(digits))
	}
	return digits[:exp+1] + "." + digits[exp+1:]
}
