# Shared by the generated closures/gen_*.py scripts (written by testdata/gen_closures.py).


class Base:
    def bias(self):
        return 7


def run(case):
    """case() or its exception as text, so that one failing case does not hide the others."""
    try:
        return case()
    except Exception as e:
        return f"{type(e).__name__}: {e}"
