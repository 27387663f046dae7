// Package os completes gpython's os module: os.environ as CPython's
// _Environ (a live mapping over the process environment, with putenv and
// unsetenv, its views and set operations), os.path (posixpath), os.sep,
// os.linesep, os.name, os.curdir, os.pathsep, os.cpu_count, os.getppid and
// os.kill; and gpython's own os functions raise CPython's OSError subclasses
// with the filename(s) (errors.go).
//
// It patches the module with pyrt.OnInstall (compat stage "mod_extra#os";
// extras stage "os_environ", "os_kill"; late stage "errmsg_oserror", as
// before) and takes the environment snapshot with pyrt.OnNewInterp; the
// facade (bridge) imports it for that effect. It imports gpython, bridge/pyrt and bridge/internal/pyobj (dicts,
// sets, OSError) and nothing above them.
package os
