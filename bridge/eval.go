package bridge

// The evaluator installs its hooks from its init (pyobj.OnInstall):
// importing it links it in.
import _ "github.com/pypool/pypool/bridge/internal/eval"
