package pickle

import (
	"fmt"

	"github.com/go-python/gpython/py"
	"github.com/pypool/pypool/pool/wire"
)

// ToWire and FromWire convert between Python objects and the values that
// cross a process boundary.
func ExampleToWire() {
	v, err := ToWire(py.Tuple{py.Int(1), py.String("a"), py.NewListFromItems([]py.Object{py.Float(2.5), py.None})})
	if err != nil {
		panic(err)
	}
	fmt.Printf("%#v\n", v)

	worker, _ := NewWorkerRuntime()
	back, _ := FromWire(worker.Interp(), v)
	fmt.Println(py.ReprAsString(back))

	gen, _ := py.Compile("(x for x in [])", "<example>", py.EvalMode, 0, true)
	g, _ := worker.Interp().Ctx.RunCode(gen, py.StringDict{}, py.StringDict{}, nil)
	_, err = ToWire(g)
	msg, _ := py.StrAsString(err.(*py.Exception))
	fmt.Println(err.(*py.Exception).Base.Name+":", msg)
	// Output:
	// wire.Tuple{1, "a", wire.List{2.5, interface {}(nil)}}
	// (1, 'a', [2.5, None]) <nil>
	// TypeError: cannot pickle 'generator' object
}

// A parent sends a Python function to a worker's "py" runtime by value; the
// worker runs it and sends the result back.
func ExampleCallableOf() {
	parent, _ := newInterp()
	code, _ := py.Compile("K = 10\ndef scale(x):\n    return x * K\n", "main.py", py.ExecMode, 0, true)
	main, _ := py.RunCode(parent.Ctx, code, "main.py", "__main__")

	c, _ := CallableOf(parent, main.Globals["scale"])
	parent.GIL.Acquire()
	err := c.Prepare()
	parent.GIL.Release()
	if err != nil {
		panic(err)
	}
	kind, payload, _ := c.Definition()

	worker, _ := NewWorkerRuntime() // normally in a worker process
	if err := worker.Define(1, payload); err != nil {
		panic(err)
	}
	res, err := worker.Call(1, []wire.Value{int64(4)}, nil)
	fmt.Println(kind, res, err)
	// Output: py 40 <nil>
}
