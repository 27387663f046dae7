"""Regular expressions, on Go's regexp (RE2) through _pypool_re
(bridge/internal/stdlib/re).

Python's syntax is translated; what RE2 lacks (backreferences, lookahead
and lookbehind, conditional and atomic groups, possessive quantifiers) raises
re.error naming it. See README, Differences from CPython."""

import _pypool_re
from _pypool_re import error

__all__ = ["match", "fullmatch", "search", "sub", "subn", "split",
           "findall", "finditer", "compile", "purge", "escape", "error",
           "Pattern", "Match", "A", "I", "L", "M", "S", "X", "U",
           "ASCII", "IGNORECASE", "LOCALE", "MULTILINE", "DOTALL", "VERBOSE",
           "UNICODE", "NOFLAG"]

NOFLAG = 0
I = IGNORECASE = 2
L = LOCALE = 4
M = MULTILINE = 8
S = DOTALL = 16
U = UNICODE = 32
X = VERBOSE = 64
DEBUG = 128
A = ASCII = 256

_flag_names = [(IGNORECASE, "re.IGNORECASE"), (LOCALE, "re.LOCALE"),
               (MULTILINE, "re.MULTILINE"), (DOTALL, "re.DOTALL"),
               (VERBOSE, "re.VERBOSE"), (ASCII, "re.ASCII"),
               (DEBUG, "re.DEBUG")]


class Pattern(object):
    """A compiled regular expression."""

    def __init__(self, pattern, flags):
        self._prog = _pypool_re.compile(pattern, flags)
        self.pattern = pattern
        self.flags = flags | UNICODE if not flags & ASCII else flags
        self.groups = _pypool_re.groups(self._prog)
        self.groupindex = _pypool_re.groupindex(self._prog)

    def __repr__(self):
        names = [n for v, n in _flag_names if self.flags & v]
        r = repr(self.pattern)[:200]
        if names:
            return "re.compile(%s, %s)" % (r, "|".join(names))
        return "re.compile(%s)" % r

    def _make(self, string, spans, pos, endpos):
        if spans is None:
            return None
        return Match(self, string, spans, pos, endpos)

    def _endpos(self, string, endpos):
        return len(string) if endpos is None else endpos

    def search(self, string, pos=0, endpos=None):
        spans = _pypool_re.search(self._prog, string, pos, endpos, 0)
        return self._make(string, spans, pos, self._endpos(string, endpos))

    def match(self, string, pos=0, endpos=None):
        spans = _pypool_re.search(self._prog, string, pos, endpos, 1)
        return self._make(string, spans, pos, self._endpos(string, endpos))

    def fullmatch(self, string, pos=0, endpos=None):
        spans = _pypool_re.search(self._prog, string, pos, endpos, 2)
        return self._make(string, spans, pos, self._endpos(string, endpos))

    def finditer(self, string, pos=0, endpos=None):
        end = self._endpos(string, endpos)
        return iter([Match(self, string, spans, pos, end) for spans in
                     _pypool_re.finditer(self._prog, string, pos, endpos)])

    def findall(self, string, pos=0, endpos=None):
        out = []
        n = self.groups
        for sp in _pypool_re.finditer(self._prog, string, pos, endpos):
            if n == 0:
                out.append(string[sp[0]:sp[1]])
            elif n == 1:
                out.append(string[sp[2]:sp[3]] if sp[2] >= 0 else "")
            else:
                out.append(tuple(string[sp[2 * g]:sp[2 * g + 1]]
                                 if sp[2 * g] >= 0 else ""
                                 for g in range(1, n + 1)))
        return out

    def split(self, string, maxsplit=0):
        out = []
        last = 0
        n = 0
        for sp in _pypool_re.finditer(self._prog, string, 0, None):
            if maxsplit and n >= maxsplit:
                break
            out.append(string[last:sp[0]])
            for g in range(1, self.groups + 1):
                out.append(string[sp[2 * g]:sp[2 * g + 1]]
                           if sp[2 * g] >= 0 else None)
            last = sp[1]
            n += 1
        out.append(string[last:])
        return out

    def subn(self, repl, string, count=0):
        if callable(repl):
            fn = repl
        else:
            template = _parse_template(repl, self)
            if len(template) == 1 and isinstance(template[0], str):
                literal = template[0]
                fn = None
            else:
                def fn(m):
                    return _expand(template, m)
        pieces = []
        last = 0
        n = 0
        for sp in _pypool_re.finditer(self._prog, string, 0, None):
            if count and n >= count:
                break
            pieces.append(string[last:sp[0]])
            if fn is None:
                pieces.append(literal)
            else:
                r = fn(Match(self, string, sp, 0, len(string)))
                if r is not None:
                    pieces.append(r)
            last = sp[1]
            n += 1
        pieces.append(string[last:])
        return "".join(pieces), n

    def sub(self, repl, string, count=0):
        return self.subn(repl, string, count)[0]


class Match(object):
    """The result of a successful match."""

    def __init__(self, pattern, string, spans, pos, endpos):
        self.re = pattern
        self.string = string
        self._spans = spans
        self.pos = pos
        self.endpos = endpos
        last = None
        best = -1
        for g in range(1, pattern.groups + 1):
            if spans[2 * g] >= 0 and spans[2 * g + 1] > best:
                # the group that closed last
                last, best = g, spans[2 * g + 1]
        self.lastindex = last
        self.lastgroup = None
        if last is not None:
            for name, idx in pattern.groupindex.items():
                if idx == last:
                    self.lastgroup = name

    def _index(self, g):
        if isinstance(g, str):
            if g in self.re.groupindex:
                return self.re.groupindex[g]
            raise IndexError("no such group")
        if isinstance(g, int) and 0 <= g <= self.re.groups:
            return g
        raise IndexError("no such group")

    def _group(self, g, default=None):
        i = self._index(g)
        s = self._spans[2 * i]
        if s < 0:
            return default
        return self.string[s:self._spans[2 * i + 1]]

    def group(self, *args):
        if not args:
            return self._group(0)
        if len(args) == 1:
            return self._group(args[0])
        return tuple(self._group(g) for g in args)

    def __getitem__(self, g):
        return self._group(g)

    def groups(self, default=None):
        return tuple(self._group(g, default)
                     for g in range(1, self.re.groups + 1))

    def groupdict(self, default=None):
        d = {}
        for name in sorted(self.re.groupindex, key=self.re.groupindex.get):
            d[name] = self._group(name, default)
        return d

    def start(self, g=0):
        return self._spans[2 * self._index(g)]

    def end(self, g=0):
        return self._spans[2 * self._index(g) + 1]

    def span(self, g=0):
        i = self._index(g)
        return (self._spans[2 * i], self._spans[2 * i + 1])

    @property
    def regs(self):
        return tuple((self._spans[2 * g], self._spans[2 * g + 1])
                     for g in range(self.re.groups + 1))

    def expand(self, template):
        return _expand(_parse_template(template, self.re), self)

    def __repr__(self):
        return "<re.Match object; span=%r, match=%r>" % (self.span(),
                                                         self.group(0))


_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "f": "\f", "v": "\v",
            "a": "\a", "b": "\b", "\\": "\\"}


def _parse_template(repl, pattern):
    """Splits a replacement template into literal strings and group numbers."""
    out = []
    lit = []
    i = 0
    n = len(repl)
    while i < n:
        c = repl[i]
        if c != "\\":
            lit.append(c)
            i += 1
            continue
        i += 1
        if i >= n:
            raise error("bad escape (end of pattern) at position %d" % (i - 1))
        c = repl[i]
        if c == "g":
            end = repl.find(">", i)
            if i + 1 >= n or repl[i + 1] != "<" or end < 0:
                raise error("missing group name at position %d" % (i + 1))
            name = repl[i + 2:end]
            if name.isdigit():
                g = int(name)
                if g > pattern.groups:
                    raise error("invalid group reference %d at position %d"
                                % (g, i + 2))
            elif name in pattern.groupindex:
                g = pattern.groupindex[name]
            else:
                raise IndexError("unknown group name '%s'" % name)
            out.append("".join(lit))
            lit = []
            out.append(g)
            i = end + 1
        elif c.isdigit() and c != "0":
            j = i + 1
            if j < n and repl[j].isdigit():
                j += 1
            g = int(repl[i:j])
            if g > pattern.groups:
                raise error("invalid group reference %d at position %d"
                            % (g, i - 1))
            out.append("".join(lit))
            lit = []
            out.append(g)
            i = j
        elif c in _ESCAPES:
            lit.append(_ESCAPES[c])
            i += 1
        elif c == "0":
            j = i
            v = 0
            while j < n and j < i + 3 and repl[j] in "01234567":
                v = v * 8 + int(repl[j])
                j += 1
            lit.append(chr(v))
            i = j
        elif c.isalpha() and ord(c) < 128:
            raise error("bad escape \\%s at position %d" % (c, i - 1))
        else:
            lit.append("\\" + c)
            i += 1
    out.append("".join(lit))
    return [p for p in out if p != ""] or [""]


def _expand(template, m):
    parts = []
    for p in template:
        if isinstance(p, str):
            parts.append(p)
        else:
            v = m.group(p)
            if v is not None:
                parts.append(v)
    return "".join(parts)


_cache = {}
_MAXCACHE = 512


def _compile(pattern, flags):
    if isinstance(pattern, Pattern):
        if flags:
            raise ValueError(
                "cannot process flags argument with a compiled pattern")
        return pattern
    key = (pattern, flags)
    p = _cache.get(key)
    if p is None:
        if not isinstance(pattern, str):
            raise TypeError("first argument must be string or compiled pattern")
        p = Pattern(pattern, flags)
        if len(_cache) >= _MAXCACHE:
            _cache.clear()
        _cache[key] = p
    return p


def compile(pattern, flags=0):
    """Compile a regular expression pattern, returning a Pattern object."""
    return _compile(pattern, flags)


def match(pattern, string, flags=0):
    """Match the pattern at the start of the string."""
    return _compile(pattern, flags).match(string)


def fullmatch(pattern, string, flags=0):
    """Match the pattern against all of the string."""
    return _compile(pattern, flags).fullmatch(string)


def search(pattern, string, flags=0):
    """Find the first match of the pattern anywhere in the string."""
    return _compile(pattern, flags).search(string)


def findall(pattern, string, flags=0):
    """A list of all non-overlapping matches (their groups, if any)."""
    return _compile(pattern, flags).findall(string)


def finditer(pattern, string, flags=0):
    """An iterator of Match objects over all non-overlapping matches."""
    return _compile(pattern, flags).finditer(string)


def sub(pattern, repl, string, count=0, flags=0):
    """The string with matches replaced by repl (a template or a function)."""
    return _compile(pattern, flags).sub(repl, string, count)


def subn(pattern, repl, string, count=0, flags=0):
    """As sub(), returning (new_string, number_of_substitutions)."""
    return _compile(pattern, flags).subn(repl, string, count)


def split(pattern, string, maxsplit=0, flags=0):
    """Split the string by the occurrences of the pattern."""
    return _compile(pattern, flags).split(string, maxsplit)


def purge():
    """Clear the regular expression cache."""
    _cache.clear()


_SPECIAL = "()[]{}?*+-|^$\\.&~# \t\n\r\v\f"


def escape(pattern):
    """Escape the regex special characters in pattern."""
    return "".join("\\" + c if c in _SPECIAL else c for c in pattern)
