// Package dataclasses is the Go half of Python's dataclasses module
// (pylib/dataclasses.py, loaded by pyobj's pylib loader): the module
// _pypool_classes with refresh(cls). After dataclasses has added __eq__,
// __lt__, __hash__, … to a class that was made without them, its instances
// must become *Instance values for the operators to call them (the object
// model decides that when a class is made; pyobj.RefreshClass decides again).
//
// It registers _pypool_classes with gpython from its init; the facade
// (bridge) imports it for that effect. It imports gpython, bridge/pyrt
// (Func) and bridge/internal/pyobj (RefreshClass) and nothing above them.
package dataclasses

import (
	"github.com/go-python/gpython/py"
	"github.com/pypool/pypool/bridge/internal/pyobj"
	"github.com/pypool/pypool/bridge/pyrt"
)

func refreshClass(_ py.Object, a *pyrt.Args) (py.Object, error) {
	cls, ok := a.Get("cls").(*py.Type)
	if !ok || !pyobj.RefreshClass(cls) {
		return nil, py.ExceptionNewf(py.TypeError, "refresh(cls): cls must be a class")
	}
	return py.None, nil
}

func init() {
	py.RegisterModule(&py.ModuleImpl{
		Info: py.ModuleInfo{Name: "_pypool_classes", Doc: "Go support for classes changed after they were made."},
		Methods: []*py.Method{
			pyrt.Func("refresh", "cls, /", refreshClass), // instances use the operator dunders the class now has,
		},
	})
}
