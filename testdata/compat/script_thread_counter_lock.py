# Many threads update shared counters under a lock; a thread pool and plain threads.
import threading
from concurrent.futures import ThreadPoolExecutor
from collections import Counter

tally = Counter()
lock = threading.Lock()

def vote(i):
    choice = 'abc'[i % 3]
    with lock:
        tally[choice] += 1
    return choice

with ThreadPoolExecutor(5) as ex:
    picks = list(ex.map(vote, range(100)))
print(sorted(tally.items()), picks[:6])
