from dataclasses import dataclass, field
@dataclass
class Task:
    id: int
    name: str
    tags: list = field(default_factory=list)
    done: bool = False
t = Task(1, 'build')
t.tags.append('x')
print(t, t == Task(1, 'build', ['x']), t.done)
