# Exceptions of __main__ classes come back from workers with their type, args and attributes.
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import Pool

class TaskError(Exception):
    pass

class CodeError(TaskError):
    def __init__(self, code):
        super().__init__(f'code {code}')
        self.code = code

def work(x):
    if x == 1:
        raise TaskError('bad input', x)
    if x == 2:
        raise CodeError(42)
    return x

if __name__ == '__main__':
    with ProcessPoolExecutor(2) as ex:
        for i in range(3):
            try:
                print('ok', ex.submit(work, i).result())
            except CodeError as e:
                print('CodeError', e.args, e.code, isinstance(e, TaskError))
            except TaskError as e:
                print('TaskError', e.args, repr(e))
    with Pool(2) as p:
        try:
            p.apply(work, (2,))
        except TaskError as e:
            print(type(e).__name__, str(e))
