# A thread busy running Python hands the interpreter over: the main thread still makes progress.
import threading

stop = threading.Event()
spins = [0]

def step():
    spins[0] += 1

def spin():
    while not stop.is_set():
        step()

t = threading.Thread(target=spin)
t.start()
total = 0
for i in range(2000):
    total += abs(-i)
stop.set()
t.join()
print(total)
