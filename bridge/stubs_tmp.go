package bridge

import "github.com/go-python/gpython/py"

func installImport()                                {}
func installFormat()                                {}
func installForLoop()                               {}
func noteGeneratorError(frame *py.Frame, err error) {}
