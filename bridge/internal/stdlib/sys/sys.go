// Package sys completes gpython's sys module: exit raises SystemExit
// (gpython's returns it), getrecursionlimit, version, version_info (a named
// tuple comparing with tuples), hexversion, platform, maxsize, byteorder,
// implementation_name, and exc_info (the exception the calling thread's
// running handler caught).
//
// It patches the module with pyrt.OnInstall (core stage "core03-sys";
// extras stage "mod_traceback" for exc_info, the names they had); the
// facade (bridge) imports it for that effect. It imports gpython, bridge/pyrt
// and bridge/internal/pyobj (PythonVersion, HandledOf) and nothing
// above them.
package sys

import (
	"fmt"
	"math"
	"strings"

	"github.com/go-python/gpython/py"
	"github.com/pypool/pypool/bridge/internal/pyobj"
	"github.com/pypool/pypool/bridge/pyrt"
)

// installSys mends sys: exit raises SystemExit (gpython's returns it), and
// version, version_info, platform, maxsize and friends exist.
func installSys() {
	pyrt.ReplaceMethod("sys", pyrt.Func("sys.exit", "$module, status=None, /", func(_ py.Object, a *pyrt.Args) (py.Object, error) {
		if !a.Given("status") {
			return nil, pyrt.NewException(py.SystemExit)
		}
		return nil, pyrt.NewException(py.SystemExit, a.Get("status"))
	}))
	pyrt.ReplaceMethod("sys", pyrt.Func("sys.getrecursionlimit", "$module", func(_ py.Object, a *pyrt.Args) (py.Object, error) {
		return py.Int(pyrt.RecursionLimit), nil
	}))
	v := pyobj.PythonVersion
	pyrt.SetModuleGlobal("sys", "version", py.String(fmt.Sprintf("%d.%d.%d (pypool, gpython) [Go]", v[0], v[1], v[2])))
	pyrt.SetModuleGlobal("sys", "version_info", &versionInfo{v[0], v[1], v[2]})
	pyrt.SetModuleGlobal("sys", "hexversion", py.Int(v[0]<<24|v[1]<<16|v[2]<<8|0xf0))
	pyrt.SetModuleGlobal("sys", "platform", py.String("linux"))
	pyrt.SetModuleGlobal("sys", "maxsize", py.Int(math.MaxInt64))
	pyrt.SetModuleGlobal("sys", "byteorder", py.String("little"))
	pyrt.SetModuleGlobal("sys", "implementation_name", py.String("pypool"))
}

var versionInfoType = py.NewType("sys.version_info", "Version information as a named tuple.")

// versionInfo is sys.version_info: a 5-tuple with named fields that compares
// with tuples (gpython cannot compare tuples by itself).
type versionInfo struct{ major, minor, micro int }

func (v *versionInfo) Type() *py.Type { return versionInfoType }

func (v *versionInfo) tuple() py.Tuple {
	return py.Tuple{py.Int(v.major), py.Int(v.minor), py.Int(v.micro), py.String("final"), py.Int(0)}
}

func (v *versionInfo) M__getattr__(name string) (py.Object, error) {
	t := v.tuple()
	switch name {
	case "major":
		return t[0], nil
	case "minor":
		return t[1], nil
	case "micro":
		return t[2], nil
	case "releaselevel":
		return t[3], nil
	case "serial":
		return t[4], nil
	}
	return nil, py.ExceptionNewf(py.AttributeError, "'sys.version_info' object has no attribute '%s'", name)
}

func (v *versionInfo) M__repr__() (py.Object, error) {
	return py.String(fmt.Sprintf("sys.version_info(major=%d, minor=%d, micro=%d, releaselevel='final', serial=0)", v.major, v.minor, v.micro)), nil
}

func (v *versionInfo) M__str__() (py.Object, error) { return v.M__repr__() }
func (v *versionInfo) M__len__() (py.Object, error) { return py.Int(5), nil }
func (v *versionInfo) M__iter__() (py.Object, error) {
	return py.NewIterator(v.tuple()), nil
}
func (v *versionInfo) M__getitem__(key py.Object) (py.Object, error) {
	return v.tuple().M__getitem__(key)
}

// cmp compares with a tuple lexicographically (ints, then the level string).
func (v *versionInfo) cmp(other py.Object) (int, bool) {
	var o py.Tuple
	switch x := other.(type) {
	case py.Tuple:
		o = x
	case *versionInfo:
		o = x.tuple()
	default:
		return 0, false
	}
	t := v.tuple()
	for i := 0; i < len(t) && i < len(o); i++ {
		switch a := t[i].(type) {
		case py.Int:
			b, ok := o[i].(py.Int)
			if !ok {
				return 0, false
			}
			if a != b {
				if a < b {
					return -1, true
				}
				return 1, true
			}
		case py.String:
			b, ok := o[i].(py.String)
			if !ok {
				return 0, false
			}
			if c := strings.Compare(string(a), string(b)); c != 0 {
				return c, true
			}
		}
	}
	switch {
	case len(t) < len(o):
		return -1, true
	case len(t) > len(o):
		return 1, true
	}
	return 0, true
}

func (v *versionInfo) compare(other py.Object, f func(int) bool) (py.Object, error) {
	c, ok := v.cmp(other)
	if !ok {
		return py.NotImplemented, nil
	}
	return py.NewBool(f(c)), nil
}

func (v *versionInfo) M__lt__(o py.Object) (py.Object, error) {
	return v.compare(o, func(c int) bool { return c < 0 })
}
func (v *versionInfo) M__le__(o py.Object) (py.Object, error) {
	return v.compare(o, func(c int) bool { return c <= 0 })
}
func (v *versionInfo) M__gt__(o py.Object) (py.Object, error) {
	return v.compare(o, func(c int) bool { return c > 0 })
}
func (v *versionInfo) M__ge__(o py.Object) (py.Object, error) {
	return v.compare(o, func(c int) bool { return c >= 0 })
}
func (v *versionInfo) M__eq__(o py.Object) (py.Object, error) {
	return v.compare(o, func(c int) bool { return c == 0 })
}
func (v *versionInfo) M__ne__(o py.Object) (py.Object, error) {
	return v.compare(o, func(c int) bool { return c != 0 })
}

func init() { pyrt.OnInstall(pyrt.InstallCore, "core03-sys", installSys) }
