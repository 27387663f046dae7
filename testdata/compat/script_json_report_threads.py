# Fetch "pages" with a thread pool and print a JSON report.
import json
import time
from concurrent.futures import ThreadPoolExecutor

PAGES = {f'/page/{i}': 'x' * (i * 37 % 100) for i in range(8)}

def fetch(path):
    time.sleep(0.01)
    body = PAGES[path]
    return {'path': path, 'size': len(body), 'ok': len(body) > 10}

with ThreadPoolExecutor(max_workers=4, thread_name_prefix='fetch') as ex:
    rows = list(ex.map(fetch, PAGES))

report = {
    'count': len(rows),
    'ok': sum(r['ok'] for r in rows),
    'largest': max(rows, key=lambda r: r['size'])['path'],
    'sizes': {r['path']: r['size'] for r in rows},
}
print(json.dumps(report, indent=2, sort_keys=True))
