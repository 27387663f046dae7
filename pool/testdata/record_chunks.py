# Records the chunk sizes CPython 3.11's Pool.map uses with the default
# chunksize (and a few explicit ones), observed by wrapping mapstar.
# Run: python3 testdata/record_chunks.py > testdata/pool_chunks.txt
import multiprocessing.pool as mp

seen = []
orig = mp.mapstar
def recording(args):
    seen.append(len(args[1]))
    return orig(args)
mp.mapstar = recording

def ident(x):
    return x

print("# workers items chunksize(0=default) -> chunk lengths in order")
for workers in (1, 2, 3, 4, 7):
    with mp.ThreadPool(workers) as p:
        for n in (0, 1, 3, 4, 5, 15, 16, 17, 33, 100, 1001):
            for cs in (None, 1, 5):
                seen.clear()
                out = p.map(ident, range(n), cs)
                assert out == list(range(n))
                print(workers, n, cs or 0, "->", " ".join(map(str, seen)) or "-")
