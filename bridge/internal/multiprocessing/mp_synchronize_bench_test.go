package multiprocessing

import (
	"testing"

	"github.com/go-python/gpython/py"
	"github.com/pypool/pypool/bridge/pyrt"
)

// BenchmarkLockAcquireRelease is lock.acquire(); lock.release() from
// Python (the evaluator's call cost included), b.N pairs.
func BenchmarkLockAcquireRelease(b *testing.B) {
	pyrt.Install()
	in := pyrt.NewInterp(pyrt.Options{})
	defer in.Close()
	in.GIL.Acquire()
	defer in.GIL.Release()
	code, err := py.Compile("import multiprocessing as mp\nlock = mp.Lock()\ndef run(n):\n    for _ in range(n):\n        lock.acquire(); lock.release()\n", "<bench>", py.ExecMode, 0, true)
	if err != nil {
		b.Fatal(err)
	}
	m, err := in.Ctx.Store().NewModule(in.Ctx, &py.ModuleImpl{Info: py.ModuleInfo{Name: "__main__"}})
	if err != nil {
		b.Fatal(err)
	}
	if _, err := in.Ctx.RunCode(code, m.Globals, m.Globals, nil); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	if _, err := py.Call(m.Globals["run"], py.Tuple{py.Int(b.N)}, nil); err != nil {
		b.Fatal(err)
	}
}
