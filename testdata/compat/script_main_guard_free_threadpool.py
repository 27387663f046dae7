# A ThreadPool from multiprocessing used to map over file-like records with a lambda.
from multiprocessing.pool import ThreadPool

lines = [f'{i},{i * i},{"x" * (i % 3)}' for i in range(6)]

with ThreadPool(3) as tp:
    parsed = tp.map(lambda s: s.split(','), lines)
    lengths = tp.map(len, lines)
for row, n in zip(parsed, lengths):
    print(row, n)
