package synchronize

// Lock is multiprocessing.Lock: a SemLock of kind SEMAPHORE with value and
// maxvalue 1. Re-acquiring it from the thread that holds it blocks, as in
// CPython.
type Lock struct{ *SemLock }

// NewLock creates an unlocked Lock.
func NewLock() (*Lock, error) {
	s, err := NewSemLock(KindSemaphore, 1, 1)
	if err != nil {
		return nil, err
	}
	return &Lock{s}, nil
}

// RLock is multiprocessing.RLock: a SemLock of kind RECURSIVE_MUTEX, owned
// by one thread of one process, acquired again by its owner without
// blocking and released as many times as acquired.
type RLock struct{ *SemLock }

// NewRLock creates an unlocked RLock.
func NewRLock() (*RLock, error) {
	s, err := NewSemLock(KindRecursiveMutex, 1, 1)
	if err != nil {
		return nil, err
	}
	return &RLock{s}, nil
}

// Semaphore is multiprocessing.Semaphore: a counter of value units, with
// maxvalue SemValueMax.
type Semaphore struct{ *SemLock }

// NewSemaphore creates a Semaphore holding value units (CPython's default
// is 1). A negative value is EINVAL, as CPython's OSError.
func NewSemaphore(value int) (*Semaphore, error) {
	s, err := NewSemLock(KindSemaphore, value, SemValueMax)
	if err != nil {
		return nil, err
	}
	return &Semaphore{s}, nil
}

// BoundedSemaphore is multiprocessing.BoundedSemaphore: a Semaphore whose
// maxvalue is its initial value, so releasing more than acquired fails with
// ValueError.
type BoundedSemaphore struct{ *SemLock }

// NewBoundedSemaphore creates a BoundedSemaphore holding value units.
func NewBoundedSemaphore(value int) (*BoundedSemaphore, error) {
	s, err := NewSemLock(KindSemaphore, value, value)
	if err != nil {
		return nil, err
	}
	return &BoundedSemaphore{s}, nil
}
