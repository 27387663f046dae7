"""Dates and times, as CPython 3.11's datetime module behaves for the common
cases: date, datetime, time, timedelta, timezone (fixed offsets).

(No decorators on defs with default values here: gpython applies them
wrongly; such classmethods are wrapped after the def.)"""

import time as _time

__all__ = ["date", "datetime", "time", "timedelta", "timezone", "tzinfo",
           "MINYEAR", "MAXYEAR"]

MINYEAR = 1
MAXYEAR = 9999

_DAYS_IN_MONTH = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
_DAYS_BEFORE_MONTH = [0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304,
                      334]
_MONTH_NAMES = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug",
                "Sep", "Oct", "Nov", "Dec"]
_DAY_NAMES = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]


def _struct_time(t):
    # a plain tuple where the time module has no struct_time type
    st = getattr(_time, "struct_time", None)
    return st(t) if st is not None else tuple(t)


def _is_leap(y):
    return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)


def _days_in_month(y, m):
    if m == 2 and _is_leap(y):
        return 29
    return _DAYS_IN_MONTH[m]


def _days_before_year(y):
    p = y - 1
    return p * 365 + p // 4 - p // 100 + p // 400


def _ymd_to_ord(y, m, d):
    before = _DAYS_BEFORE_MONTH[m] + (1 if m > 2 and _is_leap(y) else 0)
    return _days_before_year(y) + before + d


def _ord_to_ymd(n):
    # n is 1 for 0001-01-01; split into 400-, 100-, 4- and 1-year cycles
    n -= 1
    c400, n = divmod(n, 146097)
    c100, n = divmod(n, 36524)
    c4, n = divmod(n, 1461)
    c1, n = divmod(n, 365)
    year = c400 * 400 + c100 * 100 + c4 * 4 + c1 + 1
    if c1 == 4 or c100 == 4:
        return year - 1, 12, 31
    month = 1
    while True:
        dim = _days_in_month(year, month)
        if n < dim:
            return year, month, n + 1
        n -= dim
        month += 1


def _check_int(name, v):
    if isinstance(v, float):
        raise TypeError("'float' object cannot be interpreted as an integer")
    if not isinstance(v, int):
        raise TypeError("an integer is required (got type %s)"
                        % type(v).__name__)
    return v


def _check_date(y, m, d):
    _check_int("year", y)
    _check_int("month", m)
    _check_int("day", d)
    if not MINYEAR <= y <= MAXYEAR:
        raise ValueError("year %d is out of range" % y)
    if not 1 <= m <= 12:
        raise ValueError("month must be in 1..12")
    if not 1 <= d <= _days_in_month(y, m):
        raise ValueError("day is out of range for month")


def _check_time(h, mi, s, us):
    for name, v in (("hour", h), ("minute", mi), ("second", s),
                    ("microsecond", us)):
        _check_int(name, v)
    if not 0 <= h <= 23:
        raise ValueError("hour must be in 0..23")
    if not 0 <= mi <= 59:
        raise ValueError("minute must be in 0..59")
    if not 0 <= s <= 59:
        raise ValueError("second must be in 0..59")
    if not 0 <= us <= 999999:
        raise ValueError("microsecond must be in 0..999999")


def _cmp(a, b):
    for x, y in zip(a, b):
        if x != y:
            return -1 if x < y else 1
    return 0


def _format_time(h, m, s, us, timespec):
    if timespec == "auto":
        timespec = "microseconds" if us else "seconds"
    if timespec == "hours":
        return "%02d" % h
    if timespec == "minutes":
        return "%02d:%02d" % (h, m)
    if timespec == "seconds":
        return "%02d:%02d:%02d" % (h, m, s)
    if timespec == "milliseconds":
        return "%02d:%02d:%02d.%03d" % (h, m, s, us // 1000)
    if timespec == "microseconds":
        return "%02d:%02d:%02d.%06d" % (h, m, s, us)
    raise ValueError("Unknown timespec value")


def _format_offset(off):
    if off is None:
        return ""
    sign = "+"
    if off.days < 0:
        sign = "-"
        off = -off
    hh, rest = divmod(off.seconds, 3600)
    mm, ss = divmod(rest, 60)
    s = "%s%02d:%02d" % (sign, hh, mm)
    if ss or off.microseconds:
        s += ":%02d" % ss
        if off.microseconds:
            s += ".%06d" % off.microseconds
    return s


def _strftime(fmt, tt, us, offset, tzname):
    # %f, %z and %Z here; the rest by time.strftime
    out = []
    i = 0
    n = len(fmt)
    while i < n:
        c = fmt[i]
        if c == "%" and i + 1 < n:
            d = fmt[i + 1]
            if d == "f":
                out.append("%06d" % us)
            elif d == "z":
                out.append(_format_offset(offset).replace(":", ""))
            elif d == "Z":
                out.append(tzname or "")
            elif d == "%":
                out.append("%%")
            else:
                out.append(fmt[i:i + 2])
            i += 2
            continue
        out.append(c)
        i += 1
    return _time.strftime("".join(out), tt)


class timedelta(object):
    """A duration: days, seconds (0..86399) and microseconds (0..999999)."""

    def __init__(self, days=0, seconds=0, microseconds=0, milliseconds=0,
                 minutes=0, hours=0, weeks=0):
        total = (((weeks * 7 + days) * 86400 + hours * 3600 + minutes * 60
                  + seconds) * 1000000 + milliseconds * 1000 + microseconds)
        if isinstance(total, float):
            total = _round_half_even(total)
        d, rest = divmod(total, 86400 * 1000000)
        s, us = divmod(rest, 1000000)
        if abs(d) > 999999999:
            raise OverflowError("days=%d; must have magnitude <= 999999999"
                                % d)
        self._days = d
        self._seconds = s
        self._us = us

    days = property(lambda self: self._days)
    seconds = property(lambda self: self._seconds)
    microseconds = property(lambda self: self._us)

    def _total_us(self):
        return (self._days * 86400 + self._seconds) * 1000000 + self._us

    def total_seconds(self):
        """The duration in seconds, as a float."""
        return self._total_us() / 10 ** 6

    def __repr__(self):
        parts = []
        if self._days:
            parts.append("days=%d" % self._days)
        if self._seconds:
            parts.append("seconds=%d" % self._seconds)
        if self._us:
            parts.append("microseconds=%d" % self._us)
        if not parts:
            parts.append("0")
        return "datetime.timedelta(%s)" % ", ".join(parts)

    def __str__(self):
        mm, ss = divmod(self._seconds, 60)
        hh, mm = divmod(mm, 60)
        s = "%d:%02d:%02d" % (hh, mm, ss)
        if self._days:
            s = "%d day%s, " % (self._days,
                                "" if abs(self._days) == 1 else "s") + s
        if self._us:
            s += ".%06d" % self._us
        return s

    def __add__(self, other):
        if isinstance(other, timedelta):
            return timedelta(microseconds=self._total_us() + other._total_us())
        return NotImplemented

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return timedelta(microseconds=self._total_us() - other._total_us())
        return NotImplemented

    def __neg__(self):
        return timedelta(microseconds=-self._total_us())

    def __pos__(self):
        return self

    def __abs__(self):
        return -self if self._days < 0 else self

    def __mul__(self, other):
        if isinstance(other, (int, float)) and not isinstance(other, bool):
            return timedelta(microseconds=self._total_us() * other)
        return NotImplemented

    __rmul__ = __mul__

    def __truediv__(self, other):
        if isinstance(other, timedelta):
            return self._total_us() / other._total_us()
        if isinstance(other, (int, float)):
            return timedelta(microseconds=self._total_us() / other)
        return NotImplemented

    def __floordiv__(self, other):
        if isinstance(other, timedelta):
            return self._total_us() // other._total_us()
        if isinstance(other, int):
            return timedelta(microseconds=self._total_us() // other)
        return NotImplemented

    def __mod__(self, other):
        if isinstance(other, timedelta):
            return timedelta(microseconds=self._total_us() % other._total_us())
        return NotImplemented

    def _key(self):
        return (self._days, self._seconds, self._us)

    def __eq__(self, other):
        if isinstance(other, timedelta):
            return self._key() == other._key()
        return NotImplemented

    def __ne__(self, other):
        if isinstance(other, timedelta):
            return self._key() != other._key()
        return NotImplemented

    def __lt__(self, other):
        return _cmp(self._key(), _td(other)._key()) < 0

    def __le__(self, other):
        return _cmp(self._key(), _td(other)._key()) <= 0

    def __gt__(self, other):
        return _cmp(self._key(), _td(other)._key()) > 0

    def __ge__(self, other):
        return _cmp(self._key(), _td(other)._key()) >= 0

    def __hash__(self):
        return hash(self._key())

    def __bool__(self):
        return self._key() != (0, 0, 0)


def _td(other):
    if not isinstance(other, timedelta):
        raise TypeError("'<' not supported between instances of 'timedelta' "
                        "and '%s'" % type(other).__name__)
    return other


def _round_half_even(x):
    r = round(x)
    return int(r)


class tzinfo(object):
    """Base class of time zone information."""

    def utcoffset(self, dt):
        raise NotImplementedError("tzinfo subclass must override utcoffset()")

    def tzname(self, dt):
        raise NotImplementedError("tzinfo subclass must override tzname()")

    def dst(self, dt):
        return None


class timezone(tzinfo):
    """A fixed offset from UTC."""

    def __init__(self, offset, name=None):
        if not isinstance(offset, timedelta):
            raise TypeError("offset must be a timedelta")
        if not -timedelta(hours=24) < offset < timedelta(hours=24):
            raise ValueError("offset must be a timedelta strictly between "
                             "-timedelta(hours=24) and timedelta(hours=24).")
        self._offset = offset
        self._name = name

    def utcoffset(self, dt):
        return self._offset

    def tzname(self, dt):
        if self._name is not None:
            return self._name
        if not self._offset:
            return "UTC"
        return "UTC" + _format_offset(self._offset)

    def __repr__(self):
        if self is timezone.utc:
            return "datetime.timezone.utc"
        if self._name is None:
            return "datetime.timezone(%r)" % (self._offset,)
        return "datetime.timezone(%r, %r)" % (self._offset, self._name)

    def __str__(self):
        return self.tzname(None)

    def __eq__(self, other):
        return isinstance(other, timezone) and self._offset == other._offset

    def __hash__(self):
        return hash(self._offset)


timezone.utc = timezone(timedelta(0))


class date(object):
    """A date of the proleptic Gregorian calendar."""

    def __init__(self, year, month, day):
        _check_date(year, month, day)
        self._y = year
        self._m = month
        self._d = day

    year = property(lambda self: self._y)
    month = property(lambda self: self._m)
    day = property(lambda self: self._d)

    def today(cls):
        """The current local date."""
        t = _time.localtime()
        return cls(t[0], t[1], t[2])
    today = classmethod(today)

    def fromordinal(cls, n):
        """The date of proleptic Gregorian ordinal n (1 is 0001-01-01)."""
        y, m, d = _ord_to_ymd(n)
        return cls(y, m, d)
    fromordinal = classmethod(fromordinal)

    def fromtimestamp(cls, t):
        """The local date of POSIX timestamp t."""
        tt = _time.localtime(t)
        return cls(tt[0], tt[1], tt[2])
    fromtimestamp = classmethod(fromtimestamp)

    def fromisoformat(cls, s):
        """The date written YYYY-MM-DD."""
        if not isinstance(s, str):
            raise TypeError("fromisoformat: argument must be str")
        try:
            if len(s) == 10 and s[4] == "-" and s[7] == "-":
                return cls(int(s[0:4]), int(s[5:7]), int(s[8:10]))
            if len(s) == 8 and s.isdigit():
                return cls(int(s[0:4]), int(s[4:6]), int(s[6:8]))
        except ValueError:
            pass
        raise ValueError("Invalid isoformat string: %r" % (s,))
    fromisoformat = classmethod(fromisoformat)

    def toordinal(self):
        """The proleptic Gregorian ordinal (0001-01-01 is 1)."""
        return _ymd_to_ord(self._y, self._m, self._d)

    def weekday(self):
        """Monday is 0, Sunday 6."""
        return (self.toordinal() + 6) % 7

    def isoweekday(self):
        """Monday is 1, Sunday 7."""
        return self.weekday() + 1

    def isocalendar(self):
        """(ISO year, ISO week number, ISO weekday)."""
        y = self._y
        first = _iso_week1_monday(y)
        today = self.toordinal()
        week, day = divmod(today - first, 7)
        if week < 0:
            y -= 1
            week, day = divmod(today - _iso_week1_monday(y), 7)
        elif week >= 52 and today >= _iso_week1_monday(y + 1):
            y += 1
            week = 0
        return (y, week + 1, day + 1)

    def isoformat(self):
        return "%04d-%02d-%02d" % (self._y, self._m, self._d)

    def __str__(self):
        return self.isoformat()

    def __repr__(self):
        return "datetime.date(%d, %d, %d)" % (self._y, self._m, self._d)

    def ctime(self):
        return "%s %s %2d 00:00:00 %04d" % (
            _DAY_NAMES[self.weekday()], _MONTH_NAMES[self._m - 1], self._d,
            self._y)

    def timetuple(self):
        return _struct_time((self._y, self._m, self._d, 0, 0, 0,
                                  self.weekday(),
                                  self.toordinal() - _ymd_to_ord(self._y, 1, 1) + 1,
                                  -1))

    def _tt(self):
        return (self._y, self._m, self._d, 0, 0, 0, self.weekday(),
                self.toordinal() - _ymd_to_ord(self._y, 1, 1) + 1, -1)

    def strftime(self, fmt):
        return _strftime(fmt, self._tt(), 0, None, None)

    def __format__(self, spec):
        if not spec:
            return str(self)
        return self.strftime(spec)

    def replace(self, year=None, month=None, day=None):
        return type(self)(self._y if year is None else year,
                          self._m if month is None else month,
                          self._d if day is None else day)

    def _key(self):
        return (self._y, self._m, self._d)

    def __eq__(self, other):
        if isinstance(other, date) and not isinstance(other, datetime):
            return self._key() == other._key()
        return NotImplemented

    def __ne__(self, other):
        r = self.__eq__(other)
        return r if r is NotImplemented else not r

    def __lt__(self, other):
        return _cmp(self._key(), _same(self, other)._key()) < 0

    def __le__(self, other):
        return _cmp(self._key(), _same(self, other)._key()) <= 0

    def __gt__(self, other):
        return _cmp(self._key(), _same(self, other)._key()) > 0

    def __ge__(self, other):
        return _cmp(self._key(), _same(self, other)._key()) >= 0

    def __hash__(self):
        return hash(self._key())

    def __add__(self, other):
        if isinstance(other, timedelta):
            n = self.toordinal() + other.days
            if not 0 < n <= _MAX_ORDINAL:
                raise OverflowError("result out of range")
            return type(self).fromordinal(n)
        return NotImplemented

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return self + timedelta(-other.days)
        if isinstance(other, date) and not isinstance(other, datetime):
            return timedelta(self.toordinal() - other.toordinal())
        return NotImplemented


_MAX_ORDINAL = _ymd_to_ord(MAXYEAR, 12, 31)


def _iso_week1_monday(year):
    first = _ymd_to_ord(year, 1, 1)
    wd = (first + 6) % 7
    monday = first - wd
    if wd > 3:
        monday += 7
    return monday


def _same(a, b):
    if isinstance(a, datetime) != isinstance(b, datetime) or not isinstance(b, date):
        raise TypeError("'<' not supported between instances of '%s' and '%s'"
                        % (type(a).__name__, type(b).__name__))
    return b


class time(object):
    """A time of day."""

    def __init__(self, hour=0, minute=0, second=0, microsecond=0, tzinfo=None):
        _check_time(hour, minute, second, microsecond)
        self._h = hour
        self._mi = minute
        self._s = second
        self._us = microsecond
        self._tz = tzinfo

    hour = property(lambda self: self._h)
    minute = property(lambda self: self._mi)
    second = property(lambda self: self._s)
    microsecond = property(lambda self: self._us)
    tzinfo = property(lambda self: self._tz)

    def isoformat(self, timespec="auto"):
        s = _format_time(self._h, self._mi, self._s, self._us, timespec)
        if self._tz is not None:
            s += _format_offset(self._tz.utcoffset(None))
        return s

    def __str__(self):
        return self.isoformat()

    def __repr__(self):
        args = "%d, %d" % (self._h, self._mi)
        if self._s or self._us:
            args += ", %d" % self._s
        if self._us:
            args += ", %d" % self._us
        if self._tz is not None:
            args += ", tzinfo=%r" % (self._tz,)
        return "datetime.time(%s)" % args

    def strftime(self, fmt):
        tt = (1900, 1, 1, self._h, self._mi, self._s, 0, 1, -1)
        off = self._tz.utcoffset(None) if self._tz is not None else None
        name = self._tz.tzname(None) if self._tz is not None else None
        return _strftime(fmt, tt, self._us, off, name)

    def __format__(self, spec):
        return self.strftime(spec) if spec else str(self)

    def _key(self):
        return (self._h, self._mi, self._s, self._us)

    def __eq__(self, other):
        if isinstance(other, time):
            return self._key() == other._key()
        return NotImplemented

    def __lt__(self, other):
        return _cmp(self._key(), other._key()) < 0

    def __le__(self, other):
        return _cmp(self._key(), other._key()) <= 0

    def __gt__(self, other):
        return _cmp(self._key(), other._key()) > 0

    def __ge__(self, other):
        return _cmp(self._key(), other._key()) >= 0

    def __hash__(self):
        return hash(self._key())

    def replace(self, hour=None, minute=None, second=None, microsecond=None):
        return time(self._h if hour is None else hour,
                    self._mi if minute is None else minute,
                    self._s if second is None else second,
                    self._us if microsecond is None else microsecond,
                    self._tz)


class datetime(date):
    """A date and a time of day (naive, or with a fixed-offset tzinfo)."""

    def __init__(self, year, month, day, hour=0, minute=0, second=0,
                 microsecond=0, tzinfo=None):
        _check_date(year, month, day)
        _check_time(hour, minute, second, microsecond)
        self._y = year
        self._m = month
        self._d = day
        self._h = hour
        self._mi = minute
        self._s = second
        self._us = microsecond
        self._tz = tzinfo

    hour = property(lambda self: self._h)
    minute = property(lambda self: self._mi)
    second = property(lambda self: self._s)
    microsecond = property(lambda self: self._us)
    tzinfo = property(lambda self: self._tz)

    def fromtimestamp(cls, t, tz=None):
        """The local (or tz's) date and time of POSIX timestamp t."""
        frac, whole = _split_seconds(t)
        if tz is None:
            tt = _time.localtime(whole)
        else:
            off = tz.utcoffset(None)
            tt = _time.gmtime(whole + off.days * 86400 + off.seconds)
        return cls(tt[0], tt[1], tt[2], tt[3], tt[4], tt[5], frac, tz)
    fromtimestamp = classmethod(fromtimestamp)

    def utcfromtimestamp(cls, t):
        frac, whole = _split_seconds(t)
        tt = _time.gmtime(whole)
        return cls(tt[0], tt[1], tt[2], tt[3], tt[4], tt[5], frac)
    utcfromtimestamp = classmethod(utcfromtimestamp)

    def now(cls, tz=None):
        """The current local (or tz's) date and time."""
        return cls.fromtimestamp(_time.time(), tz)
    now = classmethod(now)

    def today(cls):
        return cls.fromtimestamp(_time.time())
    today = classmethod(today)

    def utcnow(cls):
        return cls.utcfromtimestamp(_time.time())
    utcnow = classmethod(utcnow)

    def combine(cls, d, t, tzinfo=True):
        if tzinfo is True:
            tzinfo = t.tzinfo
        return cls(d.year, d.month, d.day, t.hour, t.minute, t.second,
                   t.microsecond, tzinfo)
    combine = classmethod(combine)

    def fromisoformat(cls, s):
        """YYYY-MM-DD[( |T)HH[:MM[:SS[.ffffff]]][+HH:MM]]"""
        if not isinstance(s, str):
            raise TypeError("fromisoformat: argument must be str")
        try:
            d = date.fromisoformat(s[:10])
            rest = s[10:]
            if not rest:
                return cls(d.year, d.month, d.day)
            if rest[0] not in "T ":
                raise ValueError
            return cls.combine(d, _parse_isotime(rest[1:]))
        except ValueError:
            raise ValueError("Invalid isoformat string: %r" % (s,))
    fromisoformat = classmethod(fromisoformat)

    def strptime(cls, s, fmt):
        """Parse s by fmt (time.strptime, plus %f)."""
        v = _strptime(s, fmt)
        return cls(v["Y"], v["m"], v["d"], v["H"], v["M"], v["S"], v["f"])
    strptime = classmethod(strptime)

    def date(self):
        return date(self._y, self._m, self._d)

    def time(self):
        return time(self._h, self._mi, self._s, self._us)

    def timetz(self):
        return time(self._h, self._mi, self._s, self._us, self._tz)

    def utcoffset(self):
        return None if self._tz is None else self._tz.utcoffset(self)

    def tzname(self):
        return None if self._tz is None else self._tz.tzname(self)

    def astimezone(self, tz=None):
        if tz is None:
            return datetime.fromtimestamp(self.timestamp())
        return datetime.fromtimestamp(self.timestamp(), tz)

    def timestamp(self):
        """POSIX timestamp (naive datetimes are local time)."""
        if self._tz is None:
            t = _time.mktime((self._y, self._m, self._d, self._h, self._mi,
                              self._s, 0, 0, -1))
            return t + self._us / 1e6
        return (self - _EPOCH_UTC).total_seconds()

    def _tt(self):
        return (self._y, self._m, self._d, self._h, self._mi, self._s,
                self.weekday(),
                self.toordinal() - _ymd_to_ord(self._y, 1, 1) + 1, -1)

    def timetuple(self):
        return _struct_time(self._tt())

    def strftime(self, fmt):
        off = self.utcoffset()
        return _strftime(fmt, self._tt(), self._us, off, self.tzname())

    def isoformat(self, sep="T", timespec="auto"):
        return ("%04d-%02d-%02d%s" % (self._y, self._m, self._d, sep)
                + _format_time(self._h, self._mi, self._s, self._us, timespec)
                + _format_offset(self.utcoffset()))

    def __str__(self):
        return self.isoformat(" ")

    def __repr__(self):
        args = "%d, %d, %d, %d, %d" % (self._y, self._m, self._d, self._h,
                                       self._mi)
        if self._s or self._us:
            args += ", %d" % self._s
        if self._us:
            args += ", %d" % self._us
        if self._tz is not None:
            args += ", tzinfo=%r" % (self._tz,)
        return "datetime.datetime(%s)" % args

    def ctime(self):
        return "%s %s %2d %02d:%02d:%02d %04d" % (
            _DAY_NAMES[self.weekday()], _MONTH_NAMES[self._m - 1], self._d,
            self._h, self._mi, self._s, self._y)

    def replace(self, year=None, month=None, day=None, hour=None,
                minute=None, second=None, microsecond=None, tzinfo=True):
        return type(self)(
            self._y if year is None else year,
            self._m if month is None else month,
            self._d if day is None else day,
            self._h if hour is None else hour,
            self._mi if minute is None else minute,
            self._s if second is None else second,
            self._us if microsecond is None else microsecond,
            self._tz if tzinfo is True else tzinfo)

    def _us_total(self):
        # microseconds since 0001-01-01 00:00 (UTC when aware)
        t = ((self.toordinal() * 86400 + self._h * 3600 + self._mi * 60
              + self._s) * 1000000 + self._us)
        off = self.utcoffset()
        if off is not None:
            t -= off._total_us()
        return t

    def _check_aware(self, other):
        if (self._tz is None) != (other._tz is None):
            raise TypeError("can't compare offset-naive and offset-aware "
                            "datetimes")

    def _key(self):
        return (self._us_total(),)

    def __eq__(self, other):
        if isinstance(other, datetime):
            if (self._tz is None) != (other._tz is None):
                return False
            return self._us_total() == other._us_total()
        return NotImplemented

    def __lt__(self, other):
        _same(self, other)
        self._check_aware(other)
        return self._us_total() < other._us_total()

    def __le__(self, other):
        _same(self, other)
        self._check_aware(other)
        return self._us_total() <= other._us_total()

    def __gt__(self, other):
        _same(self, other)
        self._check_aware(other)
        return self._us_total() > other._us_total()

    def __ge__(self, other):
        _same(self, other)
        self._check_aware(other)
        return self._us_total() >= other._us_total()

    def __hash__(self):
        return hash(self._us_total())

    def __add__(self, other):
        if not isinstance(other, timedelta):
            return NotImplemented
        t = ((self.toordinal() * 86400 + self._h * 3600 + self._mi * 60
              + self._s) * 1000000 + self._us + other._total_us())
        days, rest = divmod(t, 86400 * 1000000)
        if not 0 < days <= _MAX_ORDINAL:
            raise OverflowError("date value out of range")
        secs, us = divmod(rest, 1000000)
        y, m, d = _ord_to_ymd(days)
        return type(self)(y, m, d, secs // 3600, secs % 3600 // 60, secs % 60,
                          us, self._tz)

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return self + (-other)
        if isinstance(other, datetime):
            if (self._tz is None) != (other._tz is None):
                raise TypeError("can't subtract offset-naive and "
                                "offset-aware datetimes")
            return timedelta(microseconds=self._us_total() - other._us_total())
        return NotImplemented


_EPOCH_UTC = datetime(1970, 1, 1, tzinfo=timezone.utc)


_MONTHS_FULL = ["january", "february", "march", "april", "may", "june",
                "july", "august", "september", "october", "november",
                "december"]
_DAYS_FULL = ["monday", "tuesday", "wednesday", "thursday", "friday",
              "saturday", "sunday"]


def _strptime(s, fmt):
    v = {"Y": 1900, "m": 1, "d": 1, "H": 0, "M": 0, "S": 0, "f": 0}
    pm = None
    i = 0
    j = 0
    while j < len(fmt):
        c = fmt[j]
        if c != "%" or j + 1 >= len(fmt):
            if i < len(s) and (s[i] == c or c.isspace() and s[i].isspace()):
                i += 1
                j += 1
                continue
            raise ValueError("time data %r does not match format %r"
                             % (s, fmt))
        d = fmt[j + 1]
        j += 2
        if d == "%":
            if s[i:i + 1] != "%":
                raise ValueError("time data %r does not match format %r"
                                 % (s, fmt))
            i += 1
            continue
        width = {"Y": 4, "f": 6, "j": 3}.get(d, 2)
        if d in "YmdHMSfyjI":
            k = i
            while k < len(s) and k - i < width and s[k].isdigit():
                k += 1
            if k == i:
                raise ValueError("time data %r does not match format %r"
                                 % (s, fmt))
            n = s[i:k]
            if d == "f":
                v["f"] = int((n + "000000")[:6])
            elif d == "y":
                y = int(n)
                v["Y"] = y + (2000 if y < 69 else 1900)
            elif d == "I":
                v["H"] = int(n) % 12
            elif d == "j":
                v["j"] = int(n)
            else:
                v[d] = int(n)
                lo, hi = {"m": (1, 12), "d": (1, 31), "H": (0, 23),
                          "M": (0, 59), "S": (0, 61)}.get(d, (0, 9999))
                if not lo <= v[d] <= hi:
                    raise ValueError("time data %r does not match format %r"
                                     % (s, fmt))
            i = k
        elif d in "bBaA":
            names = _MONTHS_FULL if d in "bB" else _DAYS_FULL
            low = s[i:].lower()
            found = False
            for idx, name in enumerate(names):
                for cand in (name, name[:3]):
                    if low.startswith(cand):
                        if d in "bB":
                            v["m"] = idx + 1
                        i += len(cand)
                        found = True
                        break
                if found:
                    break
            if not found:
                raise ValueError("time data %r does not match format %r"
                                 % (s, fmt))
        elif d == "p":
            word = s[i:i + 2].upper()
            if word not in ("AM", "PM"):
                raise ValueError("time data %r does not match format %r"
                                 % (s, fmt))
            pm = word == "PM"
            i += 2
        else:
            raise ValueError("'%s' is a bad directive in format '%s'"
                             % (d, fmt))
    if i != len(s):
        raise ValueError("unconverted data remains: %s" % s[i:])
    if pm:
        v["H"] += 12
    if "j" in v:
        y, m, dd = _ord_to_ymd(_ymd_to_ord(v["Y"], 1, 1) + v["j"] - 1)
        v["m"], v["d"] = m, dd
    return v


def _split_seconds(t):
    whole = int(t // 1)
    frac = int(round((t - whole) * 1e6))
    if frac >= 1000000:
        whole += 1
        frac -= 1000000
    return frac, whole


def _parse_isotime(s):
    tz = None
    for sign in "+-":
        i = s.find(sign)
        if i > 0:
            off = s[i + 1:]
            s = s[:i]
            hh = int(off[0:2])
            mm = int(off[3:5]) if len(off) >= 5 else 0
            delta = timedelta(hours=hh, minutes=mm)
            tz = timezone(delta if sign == "+" else -delta)
            break
    if s.endswith("Z"):
        s = s[:-1]
        tz = timezone.utc
    us = 0
    if "." in s:
        s, f = s.split(".")
        us = int((f + "000000")[:6])
    parts = s.split(":")
    h = int(parts[0])
    mi = int(parts[1]) if len(parts) > 1 else 0
    sec = int(parts[2]) if len(parts) > 2 else 0
    return time(h, mi, sec, us, tz)


date.min = date(1, 1, 1)
date.max = date(9999, 12, 31)
date.resolution = timedelta(days=1)
timedelta.min = timedelta(-999999999)
timedelta.max = timedelta(days=999999999, hours=23, minutes=59, seconds=59,
                          microseconds=999999)
timedelta.resolution = timedelta(microseconds=1)
datetime.min = datetime(1, 1, 1)
datetime.max = datetime(9999, 12, 31, 23, 59, 59, 999999)
datetime.resolution = timedelta(microseconds=1)
