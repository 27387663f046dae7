# Pipe between two processes: round trips of a small object (send/recv, pickled),
# round trips of 64 bytes (send_bytes/recv_bytes), and one-way throughput of
# 1 MiB messages. pool/connection's BenchmarkPipe* measure the same in Go.
# Prints: RESULT <name> <value> <unit>
import time
from multiprocessing import Pipe, Process

N = 20000
SMALL = b"x" * 64
BIG = b"y" * (1 << 20)
BIG_N = 500


# A forked child holds a copy of the parent's end too, so it would never see
# EOF: None / an empty message tells it to stop.
def echo(conn):
    while True:
        v = conn.recv()
        if v is None:
            return
        conn.send(v * 2)


def echo_bytes(conn):
    while True:
        b = conn.recv_bytes()
        if not b:
            return
        conn.send_bytes(b)


def sink(conn):
    total = 0
    while True:
        b = conn.recv_bytes()
        if not b:
            break
        total += len(b)
    conn.send(total)


def run(target, body):
    a, b = Pipe()
    p = Process(target=target, args=(b,))
    p.start()
    b.close()
    out = body(a)
    a.close()
    p.join()
    return out


def timed(send, recv, item, stop):
    send(item)
    recv()
    t0 = time.perf_counter()
    for _ in range(N):
        send(item)
        recv()
    dt = time.perf_counter() - t0
    send(stop)
    return N / dt


def roundtrips(a):
    return timed(a.send, a.recv, 12345, None)


def byte_roundtrips(a):
    return timed(a.send_bytes, a.recv_bytes, SMALL, b"")


def throughput(a):
    t0 = time.perf_counter()
    for _ in range(BIG_N):
        a.send_bytes(BIG)
    a.send_bytes(b"")
    assert a.recv() == BIG_N * len(BIG)
    return BIG_N * len(BIG) / (time.perf_counter() - t0) / 1e6


if __name__ == "__main__":
    print("RESULT", "pipe_roundtrip", round(run(echo, roundtrips)), "roundtrips/s")
    print("RESULT", "pipe_bytes_roundtrip", round(run(echo_bytes, byte_roundtrips)), "roundtrips/s")
    print("RESULT", "pipe_bytes_throughput", round(run(sink, throughput)), "MB/s")
