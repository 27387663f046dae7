// Command pypool runs a Python script that uses process and thread pools, as
// python3 would:
//
//	pypool script.py [args…]
//	pypool -c 'code' [args…]
//	pypool --version
//	pypool compare [--python PATH] [--unordered] script.py [args…] | DIR
package main

import (
	"os"

	"github.com/pypool/pypool/bridge"
	"github.com/pypool/pypool/pool"
)

func main() {
	pool.ServeWorkerIfChild() // a process pool's worker never returns from here
	if len(os.Args) > 1 && os.Args[1] == "compare" {
		os.Exit(compareMain(os.Args[2:], os.Stdout, os.Stderr))
	}
	os.Exit(bridge.Main(os.Args))
}
