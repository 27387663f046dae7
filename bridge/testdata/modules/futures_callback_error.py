from concurrent.futures import ThreadPoolExecutor
def cb(fut):
    raise ValueError("cb failed")
with ThreadPoolExecutor(1) as ex:
    f = ex.submit(abs, -5)
    f.result()
    f.add_done_callback(cb)
print("after", f.result())
