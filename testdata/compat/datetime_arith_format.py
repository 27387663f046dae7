from datetime import date, datetime, timedelta, timezone, time
td = timedelta(days=2, hours=3, minutes=4, seconds=5, microseconds=6)
print(td, repr(td), td.total_seconds(), -td, abs(-td), td * 2, td / 2, td // timedelta(hours=1), timedelta(0), repr(timedelta(0)))
print(timedelta(hours=-1), repr(timedelta(hours=-1)), timedelta(days=1) > timedelta(hours=23), timedelta(minutes=90) == timedelta(hours=1.5), bool(timedelta()))
print(timedelta(weeks=1, milliseconds=1500), timedelta(seconds=0.5), sum([timedelta(1), timedelta(2)], timedelta()))
d = date(2024, 2, 28)
print(d + timedelta(days=1), d + timedelta(days=2), d - date(2023, 2, 28), d.isoweekday(), d.toordinal(), date.fromordinal(738944), d.replace(day=1))
print(d.strftime("%A %d %B %Y, day %j"), f"{d:%Y/%m/%d}", f"{d}", d.ctime(), d.isocalendar()[:3], date(2021, 1, 3).isocalendar()[:3])
print(sorted([date(2024, 5, 1), date(2023, 1, 1), date(2024, 1, 1)]), date(2024, 1, 1) < date(2024, 1, 2), {date(2024, 1, 1): 1}[date(2024, 1, 1)])
dt = datetime(2024, 12, 31, 23, 59, 59, 500000)
print(dt + timedelta(seconds=1), dt - timedelta(days=365), repr(dt), dt.isoformat(), dt.isoformat(sep=" ", timespec="seconds"), str(dt))
print(dt.strftime("%Y-%m-%d %H:%M:%S.%f %a %b %p"), dt.date(), dt.time(), repr(dt.time()), dt.weekday(), dt.timetuple()[:6])
print(datetime(2024, 3, 1) - datetime(2024, 2, 1), (datetime(2024, 3, 1, 6) - datetime(2024, 3, 1)).total_seconds(), datetime(2024, 1, 1) == datetime(2024, 1, 1, 0, 0))
u = datetime(2024, 1, 1, 12, 0, tzinfo=timezone.utc)
print(u, repr(u), u.isoformat(), u.timestamp(), datetime.fromtimestamp(0, timezone.utc), timezone(timedelta(hours=5, minutes=30)))
print(datetime.fromisoformat("2024-05-06 07:08:09.123"), datetime.fromisoformat("2024-05-06T07:08:09+02:00"), date.fromisoformat("2020-02-29"))
print(datetime.combine(date(2020, 1, 2), time(3, 4)), time(1, 2, 3), repr(time(1, 2)), time(13, 5).strftime("%I:%M %p"))
try:
    date(2023, 2, 29)
except ValueError as e:
    print(e)
try:
    datetime(2024, 1, 1) < date(2024, 1, 1)
except TypeError as e:
    print("TypeError")
print(datetime.strptime("2024-03-05 10:11", "%Y-%m-%d %H:%M"))
print(datetime.strptime("05/Mar/24 02:07:09.25 PM", "%d/%b/%y %I:%M:%S.%f %p"), datetime.strptime("2024-060", "%Y-%j"))
for bad in [("2024-13-01", "%Y-%m-%d"), ("2024-01-01x", "%Y-%m-%d")]:
    try:
        datetime.strptime(*bad)
    except ValueError as e:
        print(e)
