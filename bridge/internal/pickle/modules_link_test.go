package pickle_test

// The threading module lives above pickle (bridge/internal/threading); tests
// here whose scripts import it (a process-local lock global, in
// funcvalue_test.go) get it linked into the test binary by this import.
import _ "github.com/pypool/pypool/bridge/internal/threading"
