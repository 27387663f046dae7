# Two pool stages: parse, then aggregate; with error handling on bad records.
from multiprocessing import Pool

RECORDS = ['a,1', 'b,2', 'bad', 'c,x', 'd,4', 'a,5']

class BadRecord(ValueError):
    pass

def parse(line):
    parts = line.split(',')
    if len(parts) != 2:
        raise BadRecord(f'wrong field count: {line!r}')
    key, val = parts
    try:
        return key, int(val)
    except ValueError:
        raise BadRecord(f'not a number: {val!r}')

def safe_parse(line):
    try:
        return parse(line)
    except BadRecord as e:
        return ('!error', str(e))

if __name__ == '__main__':
    with Pool(2) as p:
        parsed = p.map(safe_parse, RECORDS)
    totals = {}
    errors = []
    for k, v in parsed:
        if k == '!error':
            errors.append(v)
        else:
            totals[k] = totals.get(k, 0) + v
    print(totals)
    for e in errors:
        print('error:', e)
