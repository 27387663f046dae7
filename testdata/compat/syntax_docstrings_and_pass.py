"""Module docstring."""
def f():
    """Function docstring."""
class K:
    """Class docstring."""
print(__doc__, f.__doc__, K.__doc__, f())
