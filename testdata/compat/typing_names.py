from typing import Any, Optional, Union, List, Dict, Tuple, Callable, Iterable, Iterator, Set
def process(items: List[int], lookup: Dict[str, int], key: Optional[str] = None) -> Tuple[int, ...]:
    return tuple(items)
def apply(fn: Callable[[int], int], xs: Iterable[int]) -> List[Any]:
    return [fn(x) for x in xs]
def maybe(x: Union[int, str]) -> Set[str]:
    return {str(x)}
print(process([1, 2], {}), apply(abs, [-1]), maybe(3))
