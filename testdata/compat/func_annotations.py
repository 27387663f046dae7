def scale(x: int, factor: float = 2.0) -> float:
    return x * factor
def pair(a: str) -> tuple[str, dict]:
    return a, {}
print(scale(3), pair('k'))
print(scale.__annotations__)
