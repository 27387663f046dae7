package pool

import (
	"fmt"
	"syscall"
)

// WorkerLostError is what a Pool result fails with when the worker process
// that held it dies (CPython's Pool hangs forever here; the name follows
// billiard, Celery's fork of multiprocessing). It names how the worker ended:
// an exit code, a signal, or a protocol error that made the parent end it.
type WorkerLostError struct {
	Worker   string // the worker's name, e.g. "SpawnPoolWorker-3"
	PID      int
	ExitCode int            // the exit code when the worker exited (Signal == 0)
	Signal   syscall.Signal // the signal that killed it, or 0
	// Cause, when set, is what went wrong besides the exit: a malformed
	// frame (the parent then killed the worker), or a worker binary that
	// does not serve.
	Cause error
}

// Error reads "Worker exited prematurely: signal 9 (SIGKILL)" or
// "Worker exited prematurely: exit code 3", as billiard words it.
func (e *WorkerLostError) Error() string {
	if e.Cause != nil {
		return fmt.Sprintf("Worker exited prematurely: worker %s (pid %d): %v", e.Worker, e.PID, e.Cause)
	}
	if e.Signal != 0 {
		return fmt.Sprintf("Worker exited prematurely: signal %d (%s)", int(e.Signal), signalName(e.Signal))
	}
	return fmt.Sprintf("Worker exited prematurely: exit code %d", e.ExitCode)
}

// Unwrap returns the protocol error that made the parent end the worker, if any.
func (e *WorkerLostError) Unwrap() error { return e.Cause }

var signalNames = [...]string{
	1: "SIGHUP", 2: "SIGINT", 3: "SIGQUIT", 4: "SIGILL", 5: "SIGTRAP", 6: "SIGABRT",
	7: "SIGBUS", 8: "SIGFPE", 9: "SIGKILL", 10: "SIGUSR1", 11: "SIGSEGV", 12: "SIGUSR2",
	13: "SIGPIPE", 14: "SIGALRM", 15: "SIGTERM", 16: "SIGSTKFLT", 17: "SIGCHLD",
	18: "SIGCONT", 19: "SIGSTOP", 20: "SIGTSTP", 21: "SIGTTIN", 22: "SIGTTOU",
	23: "SIGURG", 24: "SIGXCPU", 25: "SIGXFSZ", 26: "SIGVTALRM", 27: "SIGPROF",
	28: "SIGWINCH", 29: "SIGIO", 30: "SIGPWR", 31: "SIGSYS",
}

// signalName is the Linux name of s, e.g. "SIGKILL" (Python's signal.Signals names).
func signalName(s syscall.Signal) string {
	if int(s) > 0 && int(s) < len(signalNames) && signalNames[s] != "" {
		return signalNames[s]
	}
	if s >= 34 && s <= 64 {
		return fmt.Sprintf("SIGRTMIN+%d", int(s)-34)
	}
	return fmt.Sprintf("signal %d", int(s))
}

// BrokenPoolError is what a process Pool's pending and new tasks fail with
// once several worker processes in a row died while starting, before they
// could take a task (an initializer that always fails or exits, a binary
// that does not serve). CPython's Pool respawns such workers forever;
// pypool gives up after three. Tasks that kill their worker never count:
// each fails alone with a *WorkerLostError.
type BrokenPoolError struct {
	Deaths    int              // workers that died in a row
	Last      *WorkerLostError // how the last one ended
	InitError error            // the last one's initializer error, if it failed there
}

// Error explains the breakage, naming the last death and initializer error.
func (e *BrokenPoolError) Error() string {
	msg := fmt.Sprintf("Pool is broken: %d worker processes in a row died while starting, before taking any task (the last: %v)", e.Deaths, e.Last)
	if e.InitError != nil {
		msg += fmt.Sprintf("; the initializer raised %v", e.InitError)
	}
	return msg
}

// Unwrap returns the last worker's initializer error, or its WorkerLostError.
func (e *BrokenPoolError) Unwrap() []error {
	errs := []error{e.Last}
	if e.InitError != nil {
		errs = append(errs, e.InitError)
	}
	return errs
}
