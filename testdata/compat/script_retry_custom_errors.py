# Tasks that fail with a custom exception are retried; failures are summarised.
from concurrent.futures import ProcessPoolExecutor

class TransientError(Exception):
    def __init__(self, task, attempt):
        super().__init__(task, attempt)
        self.task = task
        self.attempt = attempt

def flaky(task, attempt):
    if (task + attempt) % 3 == 0:
        raise TransientError(task, attempt)
    return task * 10

if __name__ == '__main__':
    results = {}
    failures = []
    with ProcessPoolExecutor(2) as ex:
        pending = {t: 0 for t in range(6)}
        while pending:
            futs = {t: ex.submit(flaky, t, a) for t, a in pending.items()}
            pending = {}
            for t, f in futs.items():
                try:
                    results[t] = f.result()
                except TransientError as e:
                    failures.append((e.task, e.attempt))
                    if e.attempt < 2:
                        pending[t] = e.attempt + 1
    print(dict(sorted(results.items())))
    print(sorted(failures))
