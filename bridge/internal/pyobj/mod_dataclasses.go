package pyobj

// _pypool_classes.refresh(cls): after dataclasses (bridge/pylib/
// dataclasses.py) has added __eq__, __lt__, __hash__, … to a class that was
// made without them, its instances must become *Instance values for the
// operators to call them (instance.go decides that when a class is made).

import "github.com/go-python/gpython/py"

func refreshClass(self py.Object, args py.Tuple) (py.Object, error) {
	if len(args) != 1 {
		return nil, py.ExceptionNewf(py.TypeError, "refresh(cls) takes 1 argument")
	}
	cls, ok := args[0].(*py.Type)
	if !ok || !RefreshClass(cls) {
		return nil, py.ExceptionNewf(py.TypeError, "refresh(cls): cls must be a class")
	}
	return py.None, nil
}

func init() {
	py.RegisterModule(&py.ModuleImpl{
		Info: py.ModuleInfo{Name: "_pypool_classes", Doc: "Go support for classes changed after they were made."},
		Methods: []*py.Method{
			py.MustNewMethod("refresh", refreshClass, 0, "refresh(cls): instances use the operator dunders the class now has"),
		},
	})
}
