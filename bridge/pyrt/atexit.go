package pyrt

// AtExit registers f to run when the interpreter's main program ends (after
// an uncaught exception too), last registered first, as CPython's atexit
// and threading shutdown do. f runs in the main thread holding the GIL; it
// may release it (e.g. with Wait) to let other threads finish. Functions
// registered while the exit handlers run are run too.
func (in *Interp) AtExit(f func()) {
	in.atexitMu.Lock()
	in.atexit = append(in.atexit, f)
	in.atexitMu.Unlock()
}

// RunAtExit runs and clears the functions registered with AtExit (LIFO).
// The caller holds the GIL as the main thread; Main calls it.
func (in *Interp) RunAtExit() {
	for {
		in.atexitMu.Lock()
		n := len(in.atexit)
		if n == 0 {
			in.atexitMu.Unlock()
			return
		}
		f := in.atexit[n-1]
		in.atexit = in.atexit[:n-1]
		in.atexitMu.Unlock()
		f()
	}
}
