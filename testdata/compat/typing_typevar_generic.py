from typing import TypeVar, Generic, List
T = TypeVar('T')
class Box(Generic[T]):
    def __init__(self, item: T):
        self.item = item
    def get(self) -> T:
        return self.item
def first(xs: List[T]) -> T:
    return xs[0]
print(Box(5).get(), first(['a', 'b']))
