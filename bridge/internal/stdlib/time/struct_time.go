package time

import (
	"fmt"
	"strings"
	"time"

	"github.com/go-python/gpython/py"
	"github.com/pypool/pypool/bridge/pyrt"
)

var structTimeType = py.NewType("time.struct_time", "The time value as returned by gmtime() and localtime().")

// structTime is time.struct_time: a 9-tuple with named fields.
type structTime struct {
	t     time.Time
	isdst int
}

var structTimeFields = []string{"tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec", "tm_wday", "tm_yday", "tm_isdst"}

func (s *structTime) Type() *py.Type { return structTimeType }

func (s *structTime) tuple() py.Tuple {
	t := s.t
	return py.Tuple{py.Int(t.Year()), py.Int(int(t.Month())), py.Int(t.Day()), py.Int(t.Hour()), py.Int(t.Minute()),
		py.Int(t.Second()), py.Int((int(t.Weekday()) + 6) % 7), py.Int(t.YearDay()), py.Int(s.isdst)}
}

func (s *structTime) M__getattr__(name string) (py.Object, error) {
	for i, f := range structTimeFields {
		if f == name {
			return s.tuple()[i], nil
		}
	}
	switch name {
	case "tm_zone":
		z, _ := s.t.Zone()
		return py.String(z), nil
	case "tm_gmtoff":
		_, off := s.t.Zone()
		return py.Int(off), nil
	}
	return nil, py.ExceptionNewf(py.AttributeError, "'time.struct_time' object has no attribute '%s'", name)
}

func (s *structTime) M__getitem__(key py.Object) (py.Object, error) {
	return s.tuple().M__getitem__(key)
}
func (s *structTime) M__len__() (py.Object, error)  { return py.Int(9), nil }
func (s *structTime) M__iter__() (py.Object, error) { return py.NewIterator(s.tuple()), nil }
func (s *structTime) M__str__() (py.Object, error)  { return s.M__repr__() }
func (s *structTime) M__repr__() (py.Object, error) {
	var b strings.Builder
	b.WriteString("time.struct_time(")
	for i, v := range s.tuple() {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "%s=%d", structTimeFields[i], v)
	}
	b.WriteString(")")
	return py.String(b.String()), nil
}

// timeArg turns the optional seconds argument of gmtime/localtime into a time.
func timeArg(a *pyrt.Args, name string, loc *time.Location) (time.Time, error) {
	if a.IsNone(name) {
		return time.Now().In(loc), nil
	}
	secs, err := a.Float(name)
	if err != nil {
		return time.Time{}, err
	}
	sec := int64(secs)
	return time.Unix(sec, int64((secs-float64(sec))*1e9)).In(loc), nil
}

// structArg reads a struct_time (or 9-tuple) argument, or now when None.
func structArg(o py.Object) (time.Time, error) {
	switch x := o.(type) {
	case py.NoneType:
		return time.Now(), nil
	case *structTime:
		return x.t, nil
	case py.Tuple:
		if len(x) == 9 {
			var v [6]int
			for i := range v {
				n, ok := x[i].(py.Int)
				if !ok {
					return time.Time{}, py.ExceptionNewf(py.TypeError, "an integer is required")
				}
				v[i] = int(n)
			}
			return time.Date(v[0], time.Month(v[1]), v[2], v[3], v[4], v[5], 0, time.Local), nil
		}
	}
	return time.Time{}, py.ExceptionNewf(py.TypeError, "Tuple or struct_time argument required")
}

var (
	weekdayNames = []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}
	monthNames   = []string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}
)

// strftime formats t with C strftime's directives (C locale).
func strftime(format string, t time.Time) string {
	var b strings.Builder
	wd := (int(t.Weekday()) + 6) % 7
	for i := 0; i < len(format); i++ {
		c := format[i]
		if c != '%' || i+1 >= len(format) {
			b.WriteByte(c)
			continue
		}
		i++
		switch format[i] {
		case 'Y':
			fmt.Fprintf(&b, "%d", t.Year())
		case 'y':
			fmt.Fprintf(&b, "%02d", t.Year()%100)
		case 'm':
			fmt.Fprintf(&b, "%02d", int(t.Month()))
		case 'd':
			fmt.Fprintf(&b, "%02d", t.Day())
		case 'e':
			fmt.Fprintf(&b, "%2d", t.Day())
		case 'H':
			fmt.Fprintf(&b, "%02d", t.Hour())
		case 'I':
			h := t.Hour() % 12
			if h == 0 {
				h = 12
			}
			fmt.Fprintf(&b, "%02d", h)
		case 'M':
			fmt.Fprintf(&b, "%02d", t.Minute())
		case 'S':
			fmt.Fprintf(&b, "%02d", t.Second())
		case 'f':
			fmt.Fprintf(&b, "%06d", t.Nanosecond()/1000)
		case 'p':
			if t.Hour() < 12 {
				b.WriteString("AM")
			} else {
				b.WriteString("PM")
			}
		case 'a':
			b.WriteString(weekdayNames[wd][:3])
		case 'A':
			b.WriteString(weekdayNames[wd])
		case 'w':
			fmt.Fprintf(&b, "%d", int(t.Weekday()))
		case 'u':
			fmt.Fprintf(&b, "%d", wd+1)
		case 'b', 'h':
			b.WriteString(monthNames[t.Month()-1][:3])
		case 'B':
			b.WriteString(monthNames[t.Month()-1])
		case 'j':
			fmt.Fprintf(&b, "%03d", t.YearDay())
		case 'Z':
			z, _ := t.Zone()
			b.WriteString(z)
		case 'z':
			_, off := t.Zone()
			sign := '+'
			if off < 0 {
				sign, off = '-', -off
			}
			fmt.Fprintf(&b, "%c%02d%02d", sign, off/3600, off%3600/60)
		case 'c':
			b.WriteString(strftime("%a %b %e %H:%M:%S %Y", t))
		case 'x':
			b.WriteString(strftime("%m/%d/%y", t))
		case 'X', 'T':
			b.WriteString(strftime("%H:%M:%S", t))
		case 'D':
			b.WriteString(strftime("%m/%d/%y", t))
		case 'F':
			b.WriteString(strftime("%Y-%m-%d", t))
		case 'R':
			b.WriteString(strftime("%H:%M", t))
		case 'n':
			b.WriteByte('\n')
		case 't':
			b.WriteByte('\t')
		case '%':
			b.WriteByte('%')
		default:
			b.WriteByte('%')
			b.WriteByte(format[i])
		}
	}
	return b.String()
}

// installTimeStruct adds gmtime, localtime, strftime, asctime, ctime and
// mktime to the time module.
func installTimeStruct() {
	pyrt.ReplaceMethod("time", pyrt.Func("gmtime", "secs=None, /", func(self py.Object, a *pyrt.Args) (py.Object, error) {
		t, err := timeArg(a, "secs", time.UTC)
		if err != nil {
			return nil, err
		}
		return &structTime{t: t}, nil
	}))
	pyrt.ReplaceMethod("time", pyrt.Func("localtime", "secs=None, /", func(self py.Object, a *pyrt.Args) (py.Object, error) {
		t, err := timeArg(a, "secs", time.Local)
		if err != nil {
			return nil, err
		}
		return &structTime{t: t}, nil
	}))
	pyrt.ReplaceMethod("time", pyrt.Func("strftime", "format, t=None, /", func(self py.Object, a *pyrt.Args) (py.Object, error) {
		f, err := a.Str("format")
		if err != nil {
			return nil, py.ExceptionNewf(py.TypeError, "strftime() argument 1 must be str, not %s", pyrt.TypeName(a.Get("format")))
		}
		t, err := structArg(a.Get("t"))
		if err != nil {
			return nil, err
		}
		return py.String(strftime(f, t)), nil
	}))
	asc := func(self py.Object, a *pyrt.Args) (py.Object, error) {
		t, err := structArg(a.Get("t"))
		if err != nil {
			return nil, err
		}
		return py.String(strftime("%a %b %e %H:%M:%S %Y", t)), nil
	}
	pyrt.ReplaceMethod("time", pyrt.Func("asctime", "t=None, /", asc))
	pyrt.ReplaceMethod("time", pyrt.Func("ctime", "secs=None, /", func(self py.Object, a *pyrt.Args) (py.Object, error) {
		t, err := timeArg(a, "secs", time.Local)
		if err != nil {
			return nil, err
		}
		return py.String(strftime("%a %b %e %H:%M:%S %Y", t)), nil
	}))
	pyrt.ReplaceMethod("time", pyrt.Func("mktime", "t, /", func(self py.Object, a *pyrt.Args) (py.Object, error) {
		t, err := structArg(a.Get("t"))
		if err != nil {
			return nil, err
		}
		return py.Float(float64(t.Unix())), nil
	}))
}
