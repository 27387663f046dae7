import _helper_mod
from _helper_mod import greet, CONSTANT
print(greet('x'), CONSTANT, _helper_mod.__name__)
