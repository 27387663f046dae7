package pool

import "github.com/pypool/pypool/pool/wire"

// A Runtime runs tasks inside a worker process. Each kind of payload has one:
// "go" (functions registered with Register), and the bridge registers "py"
// (Python functions shipped by value) and others.
//
// A worker creates a runtime lazily, the first time a Define names it, and
// uses it from one goroutine only.
type Runtime interface {
	// Define caches payload under id; later Calls name it.
	Define(id uint64, payload wire.Value) error
	// Call runs the callable defined as fn. A task that raises returns a
	// *wire.Exception as its error; other errors are turned into one.
	Call(fn uint64, args []wire.Value, kwargs []wire.KV) (wire.Value, error)
}

// RegisterRuntime makes a runtime kind available in worker processes. Call it
// from an init function so that the re-executed worker binary has it too.
// newRuntime is called at most once per worker process.
func RegisterRuntime(kind string, newRuntime func() (Runtime, error)) {
	runtimesMu.Lock()
	defer runtimesMu.Unlock()
	runtimes[kind] = newRuntime
}

// A ChunkRuntime is a Runtime that can run a whole chunk of a map in one
// call, entering its interpreter once per chunk instead of once per item.
// Workers use it for map and starmap chunks when a runtime has it.
type ChunkRuntime interface {
	Runtime
	// CallChunk calls fn n times; args(i) gives the i-th call's positional
	// arguments (it is called in order, and the slice it returns is not kept
	// after that call). It returns the n results in order, or the first
	// error, as Call reports it, or args' error; later items do not run.
	CallChunk(fn uint64, n int, args func(i int) ([]wire.Value, error)) (wire.List, error)
}
