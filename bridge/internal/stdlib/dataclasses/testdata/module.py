from dataclasses import dataclass
@dataclass(order=True)
class P:
    x: int
    y: int = 0
print(P(1, 2) < P(1, 3), P(1), sorted([P(2), P(1)]), P(1) == P(1, 0))
