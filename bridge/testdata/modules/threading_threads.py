import threading

def work(a, b=0):
    print("work", a, b, threading.current_thread().name)

t = threading.Thread(target=work, args=(1,), kwargs={"b": 2})
print(repr(t))
t.start()
t.join()
print(t.is_alive())
try:
    t.start()
except RuntimeError as e:
    print("RuntimeError", e)
u = threading.Thread(target=work, args=(3,), name="named", daemon=True)
print(u.name, u.daemon)
u.start(); u.join()
try:
    threading.Thread(target=work).join()
except RuntimeError as e:
    print("RuntimeError", e)

class Counter(threading.Thread):
    def __init__(self, n):
        threading.Thread.__init__(self)
        self.n = n
        self.total = 0
    def run(self):
        for i in range(self.n):
            self.total += i
c = Counter(5)
c.start(); c.join()
print("total", c.total, c.name)

class NoInit(threading.Thread):
    def __init__(self):
        pass
try:
    NoInit().start()
except RuntimeError as e:
    print("RuntimeError", e)

def slow(ev):
    ev.wait()
ev = threading.Event()
s = threading.Thread(target=slow, args=(ev,))
s.start()
s.join(0.01)
print("still alive", s.is_alive(), threading.active_count())
ev.set()
s.join()
print("main", threading.current_thread().name, threading.main_thread() is threading.current_thread())
print(threading.get_ident() > 0, threading.get_ident() == threading.current_thread().ident)

def fails():
    raise ValueError("k")
f = threading.Thread(target=fails)
f.start(); f.join()
print("done")
