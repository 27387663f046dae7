# Process.terminate() and kill() end a running child; exitcode is -signal and
# the repr names the signal. Both are no-ops on a finished process.
import multiprocessing
import os
import time


def sleeper(n):
    time.sleep(n)


def show(p):
    return repr(p).replace(str(p.pid), 'PID').replace('parent=' + str(os.getpid()), 'parent=ME')


if __name__ == '__main__':
    p = multiprocessing.Process(target=sleeper, args=(30,))
    print(show(p))
    p.start()
    time.sleep(0.3)
    print(p.is_alive(), show(p))
    p.terminate()
    p.join()
    print(p.exitcode, p.is_alive(), show(p))

    q = multiprocessing.Process(target=sleeper, args=(30,), daemon=True)
    q.start()
    q.kill()
    q.join()
    print(q.exitcode, show(q))

    r = multiprocessing.Process(target=sleeper, args=(0,))
    r.start()
    r.join()
    r.terminate()
    r.kill()
    print(r.exitcode, show(r))
