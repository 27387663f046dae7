import time
t = time.gmtime(0)
print(t.tm_year, tuple(t), t)
print(time.strftime('%Y-%m-%d %H:%M:%S %a', time.gmtime(86400 * 365)))
a = time.perf_counter()
time.sleep(0.01)
print(time.perf_counter() - a >= 0.01, type(time.monotonic_ns()).__name__, time.process_time() >= 0)
