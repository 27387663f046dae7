from typing import NamedTuple
class Result(NamedTuple):
    task_id: int
    value: float
    ok: bool = True
r = Result(1, 2.5)
print(r, r.task_id, r[1], r._asdict(), r._replace(ok=False), tuple(r))
