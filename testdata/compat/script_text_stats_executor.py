# Per-line text statistics with executor.map and a formatted table.
from concurrent.futures import ProcessPoolExecutor

TEXT = """Pools limit how many processes run.
Threads share memory;
processes do not.
Futures hold results that arrive later."""

def stats(line):
    words = line.split()
    return len(words), max(map(len, words)), line.rstrip('.;').lower()

if __name__ == '__main__':
    with ProcessPoolExecutor(2) as ex:
        for i, (n, longest, text) in enumerate(ex.map(stats, TEXT.splitlines()), 1):
            print(f'{i}. {n:2d} words, longest {longest:2d}: {text[:25]!r}')
