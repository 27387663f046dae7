package multiprocessing

// The Python half of multiprocessing: the Process class is Python so that
// scripts can subclass it and override run(). A started Process runs in a
// worker process of a one-worker process executor (SpawnProcess-N), the
// Process object travelling by value; its exit code comes back as the
// task's result. The source (mp_process.py) is compiled when one of its
// names is first looked up (pyobj.RegisterLazySource), not at import.

import _ "embed" // processSource

// processSourceNames are the top-level names processSource binds.
var processSourceNames = []string{"Process", "_EXITCODE_NAMES", "_child_main"}

// processSource is the source of the Python half.
//
//go:embed mp_process.py
var processSource string
