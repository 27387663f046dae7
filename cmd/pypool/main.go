// Command pypool runs a Python script that uses process and thread pools, as
// python3 would:
//
//	pypool script.py [args…]
//	pypool -c 'code' [args…]
//	pypool --version
package main

import (
	"os"

	"github.com/pypool/pypool/bridge"
)

func main() {
	// TODO(core): call pool.ServeWorkerIfChild() first once the proc helper lands it.
	os.Exit(bridge.Main(os.Args))
}
