import time
print(time.strftime('%Y', time.gmtime(0)), time.gmtime(0).tm_year)
g = time.gmtime(1700000000.5)
print(g)
print(time.strftime("%Y-%m-%d %H:%M:%S %a %A %b %B %j %p %I %y %w %% %c %x %X", g))
print(time.asctime(g), g[0], len(g), list(g)[:3], time.mktime(time.localtime(1700000000)))
print(type(time.perf_counter_ns()).__name__, time.process_time() >= 0)
