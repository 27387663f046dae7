import time
t0 = time.perf_counter()
m0 = time.monotonic()
time.sleep(0.01)
t1 = time.perf_counter()
print(type(t0).__name__, t1 > t0, time.monotonic() >= m0, isinstance(time.time(), float), time.time() > 1.6e9)
print(type(time.perf_counter_ns()).__name__, time.process_time() >= 0)
print(time.strftime('%Y', time.gmtime(0)), time.gmtime(0).tm_year)
