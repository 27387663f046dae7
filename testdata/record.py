#!/usr/bin/env python3
"""Re-record the expected outputs of the conformance cases with CPython 3.11.

Usage (from the repository root):
    python3 testdata/record.py                 # every suite
    python3 testdata/record.py compat          # one suite: seed, cases, compat or closures
    python3 testdata/record.py cases/timeout_get compat/fstring_spec   # single cases
    python3 testdata/record.py --exec SCRIPT   # run one script as recorded, passing its output on

testdata/cpython.sh uses --exec to stand in for pypool, so the Go harness can check that the
recordings are stable:  go test ./cmd/pypool/internal/conformance -bin testdata/cpython.sh
(from the repository root, give the path relative to the package: -bin ../../../../testdata/cpython.sh)

For every case it writes, next to the expectation's name:
    NAME.stdout   what the script printed on stdout (a pseudo-terminal, as a user sees it)
    NAME.stderr   everything on stderr (only its last non-empty line is compared)
    NAME.exit     the exit status (128+N when killed by signal N)
Absolute paths are replaced: the case's folder by <DIR>, CPython's library folder by <PYLIB>.
Worker names, addresses and ordering are normalised by the Go harness when it compares, not here.

Cases whose source has a line '# pypool: superset' are skipped: CPython cannot run them (pickle
cannot carry lambdas or closures, or its Pool hangs); their expectations are written by hand.

Recording rules (DESIGN.md, Conformance): PYTHONUNBUFFERED is removed from the environment (with it
CPython writes a print's text and newline separately, so concurrent worker lines merge), and stdout
is a pseudo-terminal, so it is line-buffered and nothing a worker printed is lost when a Pool is
terminated at exit.
"""
import concurrent.futures
import os
import pty
import signal
import subprocess
import sys
import sysconfig
import tty

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TESTDATA = os.path.join(ROOT, "testdata")
PYLIB = os.path.dirname(os.__file__)

# suite name -> (folder of the .py files, glob prefix, folder of the expectations)
SUITES = {
    "seed": (os.path.join(ROOT, "pyscripts"), "seed_", os.path.join(TESTDATA, "seed")),
    "cases": (os.path.join(TESTDATA, "cases"), "", os.path.join(TESTDATA, "cases")),
    "compat": (os.path.join(TESTDATA, "compat"), "", os.path.join(TESTDATA, "compat")),
    "closures": (os.path.join(TESTDATA, "closures"), "", os.path.join(TESTDATA, "closures")),
}
TIMEOUT = 120


def options(path):
    opts = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line.startswith("# pypool:"):
                opts.append(line[len("# pypool:"):].strip())
    return opts


def interrupt_text(script):
    for o in options(script):
        if o.startswith("interrupt-on "):
            return o[len("interrupt-on "):].strip().encode()
    return None


def run(script, args=()):
    trigger = interrupt_text(script)
    env = dict(os.environ)
    env.pop("PYTHONUNBUFFERED", None)
    env.pop("PYTHONWARNINGS", None)
    env["PYTHONHASHSEED"] = "0"
    env["PYTHONIOENCODING"] = "utf-8"
    master, slave = pty.openpty()
    tty.setraw(slave)
    proc = subprocess.Popen(
        [sys.executable, script, *args],
        cwd=os.path.dirname(script),
        stdin=subprocess.DEVNULL,
        stdout=slave,
        stderr=subprocess.PIPE,
        env=env,
        start_new_session=True,
        # Ctrl-C must reach it even when this recorder runs with SIGINT ignored (in the background).
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    os.close(slave)
    chunks = []
    import threading

    def reader():
        nonlocal trigger
        while True:
            try:
                b = os.read(master, 65536)
            except OSError:  # EIO: every holder of the terminal is gone
                break
            if not b:
                break
            chunks.append(b)
            if trigger and trigger in b"".join(chunks):
                os.killpg(proc.pid, signal.SIGINT)  # as Ctrl-C in a terminal: the whole group
                trigger = None

    t = threading.Thread(target=reader)
    t.start()
    try:
        _, err = proc.communicate(timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, 9)
        _, err = proc.communicate()
        err += b"\nrecord.py: timed out\n"
    t.join(10)
    os.close(master)
    rc = proc.returncode
    if rc < 0:
        rc = 128 - rc
    return b"".join(chunks), err, rc


def clean(data, script):
    text = data.decode("utf-8", "replace")
    text = text.replace(os.path.dirname(script), "<DIR>")
    text = text.replace(PYLIB, "<PYLIB>")
    return text


def record(suite, script):
    name = os.path.splitext(os.path.basename(script))[0]
    if "superset" in options(script):
        return f"{suite}/{name}: superset, skipped"
    out, err, rc = run(script)
    base = os.path.join(SUITES[suite][2], name)
    os.makedirs(os.path.dirname(base), exist_ok=True)
    with open(base + ".stdout", "w", encoding="utf-8", newline="") as f:
        f.write(clean(out, script))
    with open(base + ".stderr", "w", encoding="utf-8", newline="") as f:
        f.write(clean(err, script))
    with open(base + ".exit", "w") as f:
        f.write(f"{rc}\n")
    return f"{suite}/{name}: exit {rc}"


def scripts(suite):
    folder, prefix, _ = SUITES[suite]
    return sorted(
        os.path.join(folder, n)
        for n in os.listdir(folder)
        if n.startswith(prefix) and n.endswith(".py") and not n.startswith("_")
    )


def relay(argv):
    """--exec SCRIPT ARGS…: run SCRIPT as record.py records it and pass its output through."""
    # The harness's SIGINT (interrupt-on) reaches this relay's group; run() forwards its own.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    out, err, rc = run(os.path.abspath(argv[0]), argv[1:])
    sys.stdout.buffer.write(out)
    sys.stdout.flush()
    sys.stderr.buffer.write(err)
    sys.stderr.flush()
    return rc


def main(argv):
    if argv and argv[0] == "--exec":
        return relay(argv[1:])
    if sys.version_info[:2] != (3, 11):
        print("record.py: CPython 3.11 is the oracle; this is", sys.version.split()[0], file=sys.stderr)
        return 2
    jobs = 4
    if argv and argv[0].startswith("-j"):
        jobs = int(argv[0][2:])
        argv = argv[1:]
    todo = []
    for arg in argv or list(SUITES):
        if arg in SUITES:
            todo += [(arg, s) for s in scripts(arg)]
        elif "/" in arg:
            suite, name = arg.split("/", 1)
            folder, prefix, _ = SUITES[suite]
            todo.append((suite, os.path.join(folder, name + ".py")))
        else:
            print("record.py: unknown suite or case", arg, file=sys.stderr)
            return 2
    with concurrent.futures.ThreadPoolExecutor(jobs) as ex:
        for line in ex.map(lambda a: record(*a), todo):
            print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
