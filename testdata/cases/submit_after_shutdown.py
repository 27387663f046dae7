# Submitting after shutdown raises RuntimeError.
from concurrent.futures import ThreadPoolExecutor, ProcessPoolExecutor

if __name__ == '__main__':
    for cls in (ThreadPoolExecutor, ProcessPoolExecutor):
        ex = cls(1)
        ex.shutdown()
        try:
            ex.submit(abs, -1)
        except RuntimeError as e:
            print(cls.__name__, 'RuntimeError:', e)
