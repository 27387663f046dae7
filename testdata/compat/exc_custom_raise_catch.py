class PoolError(Exception):
    pass
class TaskFailed(PoolError):
    pass
try:
    raise TaskFailed('task 3 failed')
except PoolError as e:
    print(type(e).__name__, e, e.args, isinstance(e, Exception))
