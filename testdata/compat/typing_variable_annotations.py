x: int
y: int = 5
class Cfg:
    workers: int = 3
    name: str = 'pool'
print(y, Cfg.workers, Cfg().name, __annotations__)
