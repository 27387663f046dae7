package queues

// Empty is Python's queue.Empty: Get found nothing in time.
type Empty struct{}

func (*Empty) Error() string { return "queue.Empty" }

// Full is Python's queue.Full: Put found no place in time.
type Full struct{}

func (*Full) Error() string { return "queue.Full" }

var (
	errEmpty = &Empty{}
	errFull  = &Full{}
)
