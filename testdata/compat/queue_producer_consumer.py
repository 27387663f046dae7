import queue
import threading
q = queue.Queue(maxsize=2)
out = []
def consumer():
    while True:
        item = q.get()
        if item is None:
            break
        out.append(item * 10)
        q.task_done()
t = threading.Thread(target=consumer)
t.start()
for i in range(5):
    q.put(i)
q.join()
q.put(None)
t.join()
print(out)
