// Package time completes gpython's time module with CPython's behaviour:
// sleep releases the GIL (and the main thread wakes with KeyboardInterrupt
// on SIGINT); perf_counter, monotonic, process_time and their _ns forms
// (gpython raises NotImplementedError for them); struct_time, gmtime,
// localtime, strftime, asctime, ctime and mktime.
//
// It patches the module with pyrt.OnInstall at the core stage
// (core04-time, between sys and import, as before); the facade (bridge)
// imports it for that effect. It imports gpython and bridge/pyrt (the
// interpreter's interruptible Sleep) and nothing else of the project.
package time

import (
	"math"
	"syscall"
	"time"

	"github.com/go-python/gpython/py"
	"github.com/pypool/pypool/bridge/pyrt"
)

var processStart = time.Now()

func init() {
	pyrt.OnInstall(pyrt.InstallCore, "core04-time", installTime)
}

// installTime replaces gpython's time.sleep (which keeps the GIL) and adds
// perf_counter, monotonic and process_time (gpython raises
// NotImplementedError for them).
func installTime() {
	pyrt.ReplaceMethod("time", pyrt.Func("time.sleep", "$module, secs, /", timeSleep))
	clock := func(name string, f func() float64) {
		pyrt.ReplaceMethod("time", pyrt.Func("time."+name, "$module", func(_ py.Object, a *pyrt.Args) (py.Object, error) {
			return py.Float(f()), nil
		}))
	}
	since := func() float64 { return time.Since(processStart).Seconds() }
	clock("perf_counter", since)
	clock("monotonic", since)
	clock("process_time", processTime)
	ns := func(name string, f func() float64) {
		pyrt.ReplaceMethod("time", pyrt.Func("time."+name, "$module", func(_ py.Object, a *pyrt.Args) (py.Object, error) {
			return py.Int(int64(f() * 1e9)), nil
		}))
	}
	ns("perf_counter_ns", since)
	ns("monotonic_ns", since)
	ns("process_time_ns", processTime)
	installTimeStruct()
}

func processTime() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	tv := func(t syscall.Timeval) float64 { return float64(t.Sec) + float64(t.Usec)/1e6 }
	return tv(ru.Utime) + tv(ru.Stime)
}

// timeSleep is time.sleep: it releases the GIL while it sleeps, and the main
// thread wakes with KeyboardInterrupt on SIGINT.
func timeSleep(self py.Object, a *pyrt.Args) (py.Object, error) {
	var secs float64
	switch x := a.Get("secs").(type) {
	case py.Float:
		secs = float64(x)
	case py.Int:
		secs = float64(x)
	case py.Bool:
		if x {
			secs = 1
		}
	default:
		return nil, py.ExceptionNewf(py.TypeError, "'%s' object cannot be interpreted as an integer", pyrt.TypeName(a.Get("secs")))
	}
	if math.IsNaN(secs) {
		return nil, py.ExceptionNewf(py.ValueError, "Invalid value NaN (not a number)")
	}
	if secs < 0 {
		return nil, py.ExceptionNewf(py.ValueError, "sleep length must be non-negative")
	}
	d := time.Duration(secs * float64(time.Second))
	if in := pyrt.InterpOf(pyrt.CtxOf(self)); in != nil {
		if err := in.Sleep(d); err != nil {
			return nil, err
		}
		return py.None, nil
	}
	time.Sleep(d)
	return py.None, nil
}
