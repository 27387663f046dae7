# Cross-process locks in CPython, for comparison with pool/synchronize's Go
# benchmarks (go test -bench . ./pool/synchronize):
#   lock_uncontended: multiprocessing.Lock acquire()+release(), one process
#   event_pingpong:   one round trip between two processes over two Events
#                     (set, wait, clear on each side)
#   value_increments: `with v.get_lock(): v.value += 1`, half in a child
#                     process, half in the parent, at once (per increment;
#                     Go: go test -bench . ./pool/sharedctypes)
# Prints: RESULT <name> <ns per operation> ns
import time
from multiprocessing import Event, Lock, Process, Value

N_LOCK = 1_000_000
N_PING = 5_000
N_INC = 200_000


def lock_uncontended():
    lock = Lock()
    t0 = time.perf_counter()
    for _ in range(N_LOCK):
        lock.acquire()
        lock.release()
    return (time.perf_counter() - t0) / N_LOCK * 1e9


def pong(ping, pong_, n):
    for _ in range(n):
        ping.wait()
        ping.clear()
        pong_.set()


def event_pingpong():
    ping, pong_ = Event(), Event()
    p = Process(target=pong, args=(ping, pong_, N_PING))
    p.start()
    t0 = time.perf_counter()
    for _ in range(N_PING):
        ping.set()
        pong_.wait()
        pong_.clear()
    dt = time.perf_counter() - t0
    p.join()
    return dt / N_PING * 1e9


def increment(v, n):
    for _ in range(n):
        with v.get_lock():
            v.value += 1


def value_increments():
    v = Value('i', 0)
    p = Process(target=increment, args=(v, N_INC // 2))
    t0 = time.perf_counter()
    p.start()
    increment(v, N_INC - N_INC // 2)
    p.join()
    dt = time.perf_counter() - t0
    assert v.value == N_INC
    return dt / N_INC * 1e9


if __name__ == '__main__':
    print("RESULT", "lock_uncontended", round(lock_uncontended()), "ns")
    print("RESULT", "event_pingpong", round(event_pingpong()), "ns")
    print("RESULT", "value_increments", round(value_increments()), "ns")
