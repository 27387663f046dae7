// Package bridge embeds gpython and gives Python scripts pypool's pools.
package bridge

import (
	"sync"

	"github.com/go-python/gpython/py"
	_ "github.com/go-python/gpython/stdlib" // gpython's own modules and the VM
)

// An Interp is one Python interpreter: a gpython context and its GIL.
type Interp struct {
	Ctx py.Context
	GIL *GIL
}

var interps sync.Map // py.Context → *Interp

// InterpOf returns the Interp that owns ctx, or nil.
func InterpOf(ctx py.Context) *Interp {
	if v, ok := interps.Load(ctx); ok {
		return v.(*Interp)
	}
	return nil
}
