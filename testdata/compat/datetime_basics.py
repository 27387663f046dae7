from datetime import date, datetime, timedelta
d = date(2024, 1, 15)
print(d, d.isoformat(), d.year, d.weekday(), d + timedelta(days=20), repr(d))
dt = datetime(2024, 3, 1, 12, 30, 5)
print(dt, dt.strftime('%Y-%m-%d %H:%M'), (dt - datetime(2024, 2, 28)).days, dt.isoformat())
td = timedelta(hours=1, minutes=30)
print(td, td.total_seconds(), repr(td))
print(datetime.fromisoformat('2024-05-06T07:08:09'))
