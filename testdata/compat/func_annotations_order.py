def scale(x: int, factor: float = 2.0, *a: str, k: int = 3, **kw: dict) -> float:
    return x * factor
print(scale(3))
print(scale.__annotations__)
def pair(a: str) -> tuple[str, dict]:
    return a, {}
print(pair.__annotations__)
