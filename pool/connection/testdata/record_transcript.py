"""Record CPython 3.11's bytes on the wire for multiprocessing.connection.

Writes transcript.txt: one line per write CPython makes, "<case> <side> <hex>" (or
"sha256=<digest>:<length>" for writes over 64 bytes),
for send_bytes frames of several sizes and for the authkey handshake with a
fixed challenge. pool/connection's tests replay it without python3.
Run: python3 record_transcript.py > transcript.txt
"""
import hashlib
import os
import socket
import threading
from multiprocessing import connection

KEY = b"pypool transcript key"
WRONG = b"not the key"
CHALLENGE_BYTES = bytes(range(100, 120))

log = []


class Logged(connection.Connection):
    side = "?"
    case = "?"

    def _send(self, buf, write=os.write):
        b = bytes(buf)
        if len(b) > 64:
            log.append(f"{self.case} {self.side} sha256={hashlib.sha256(b).hexdigest()}:{len(b)}")
        else:
            log.append(f"{self.case} {self.side} {b.hex() or '-'}")
        super()._send(buf)


def pair(case):
    s1, s2 = socket.socketpair()
    a, b = Logged(s1.detach()), Logged(s2.detach())
    a.side, b.side, a.case, b.case = "a", "b", case, case
    return a, b


def payload(n):
    return bytes(i % 251 for i in range(n))


for n in (0, 1, 5, 16384, 16385, 70000):
    a, b = pair(f"frame{n}")
    a.send_bytes(payload(n))
    assert b.recv_bytes() == payload(n)

os.urandom = lambda n: CHALLENGE_BYTES[:n]


def handshake(case, deliver_key, answer_key):
    a, b = pair(case)
    errors = {}

    def run(name, fn, conn, key):
        try:
            fn(conn, key)
        except Exception as e:
            errors[name] = f"{type(e).__name__}: {e}"

    t = threading.Thread(target=run, args=("deliver", connection.deliver_challenge, a, deliver_key))
    t.start()
    run("answer", connection.answer_challenge, b, answer_key)
    t.join()
    for name in ("deliver", "answer"):
        log.append(f"{case} {name}-error {errors.get(name, 'none').replace(' ', '_')}")


handshake("auth_ok", KEY, KEY)
handshake("auth_wrong", KEY, WRONG)
print("\n".join(log))
