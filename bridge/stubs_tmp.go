package bridge

import "github.com/go-python/gpython/py"

func installImport()                                {}
func noteGeneratorError(frame *py.Frame, err error) {}
func installForLoop()                               {}
func patchForLoops(c *py.Code)                      {}
