package bridge

import (
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/pypool/pypool/bridge/internal/pyobj"
	"github.com/pypool/pypool/bridge/pyrt"
)

// Version is pypool's version, as --version prints it.
const Version = "0.1"

// Main runs pypool's command line (args as os.Args) and returns the exit
// status; a Go program that builds its own pypool calls, after
// pool.ServeWorkerIfChild():
//
//	os.Exit(bridge.Main(os.Args))
//
// It accepts what python3 accepts for running a program:
//
//	pypool script.py [args…]   sys.argv = [script.py, args…], __name__ == '__main__'
//	pypool -c 'code' [args…]   sys.argv = ['-c', args…]
//	pypool --version           prints "pypool 0.1 (Python 3.11 compatible)"
//
// An uncaught exception prints its traceback and gives status 1; SystemExit
// gives its code; a missing script gives python3's message and 2; an
// uncaught KeyboardInterrupt (Ctrl-C) ends the process by SIGINT.
func Main(args []string) int {
	return runMain(args, mainConfig{stdout: os.Stdout, stderr: os.Stderr, signals: true})
}

type mainConfig struct {
	stdout, stderr io.Writer
	stdin          io.Reader
	signals        bool // catch SIGINT and die by it (the real command)
}

func runMain(args []string, cfg mainConfig) int {
	prog := "pypool"
	if len(args) > 0 {
		prog = args[0]
		args = args[1:]
	}
	errf := func(format string, a ...any) { fmt.Fprintf(cfg.stderr, format, a...) }
	var src, filename string
	var argv []string
	var path []string
	mainFile := ""
	for len(args) > 0 {
		a := args[0]
		switch a {
		case "--version", "-V":
			fmt.Fprintf(cfg.stdout, "pypool %s (Python %d.%d compatible)\n", Version, pyobj.PythonVersion[0], pyobj.PythonVersion[1])
			return 0
		case "-h", "--help":
			fmt.Fprintf(cfg.stdout, "usage: %s [-c cmd | file | -] [arg] ...\n", prog)
			return 0
		case "-u", "-B", "-E", "-s", "-S", "-I", "-O", "-OO", "-q":
			args = args[1:]
			continue
		case "-c":
			if len(args) < 2 {
				errf("Argument expected for the -c option\nusage: %s [-c cmd | file | -] [arg] ...\n", prog)
				return 2
			}
			src, filename = args[1], "<string>"
			argv = append([]string{"-c"}, args[2:]...)
			cwd, _ := os.Getwd()
			path = []string{cwd}
		case "-":
			data, err := io.ReadAll(stdinOf(cfg))
			if err != nil {
				errf("%s: can't read <stdin>: %v\n", prog, err)
				return 2
			}
			src, filename = string(data), "<stdin>"
			argv = append([]string{"-"}, args[1:]...)
			cwd, _ := os.Getwd()
			path = []string{cwd}
		default:
			if len(a) > 1 && a[0] == '-' {
				errf("Unknown option: %s\nusage: %s [-c cmd | file | -] [arg] ...\n", a, prog)
				return 2
			}
			abs, err := filepath.Abs(a)
			if err != nil {
				abs = a
			}
			data, err := os.ReadFile(abs)
			if err != nil {
				errf("%s: can't open file '%s': %s\n", prog, abs, pyobj.ErrnoText(err))
				return 2
			}
			src, filename, mainFile = string(data), abs, abs
			argv = append([]string{a}, args[1:]...)
			path = []string{filepath.Dir(abs)}
		}
		break
	}
	if argv == nil {
		if f, ok := stdinOf(cfg).(*os.File); ok && pyobj.IsTerminal(f) {
			errf("%s: no interactive mode; usage: %s [-c cmd | file | -] [arg] ...\n", prog, prog)
			return 2
		}
		data, err := io.ReadAll(stdinOf(cfg))
		if err != nil {
			errf("%s: can't read <stdin>: %v\n", prog, err)
			return 2
		}
		src, filename = string(data), "<stdin>"
		argv = []string{""}
		cwd, _ := os.Getwd()
		path = []string{cwd}
	}

	opts := pyrt.Options{Argv: argv, Path: path}
	if cfg.stdout != os.Stdout {
		opts.Stdout = cfg.stdout
	}
	if cfg.stderr != os.Stderr {
		opts.Stderr = cfg.stderr
	}
	if cfg.stdin != nil && cfg.stdin != os.Stdin {
		opts.Stdin = cfg.stdin
	}
	in := NewInterp(opts)
	defer in.Close()
	if cfg.signals {
		stop := in.CatchSIGINT()
		defer stop()
	}
	in.GIL.Acquire()
	in.GIL.SetThread(in.Main)
	err := in.RunMain(src, filename, mainFile)
	if err == nil && in.IntrPending.Load() {
		// SIGINT came after the last Python call (the script's last
		// statements called only builtins): CPython raises it there.
		err = in.TakeInterrupt()
	}
	status, interrupted := pyobj.Uncaught(in, err)
	in.RunAtExit()
	in.GIL.Release()
	if interrupted {
		if cfg.signals {
			pyrt.DieBySIGINT()
		}
		return 130
	}
	return status
}

func stdinOf(cfg mainConfig) io.Reader {
	if cfg.stdin != nil {
		return cfg.stdin
	}
	return os.Stdin
}
