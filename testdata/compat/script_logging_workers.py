# A thread pool whose tasks log through the logging module to stdout.
import logging
import sys
from concurrent.futures import ThreadPoolExecutor

logging.basicConfig(stream=sys.stdout, level=logging.INFO, format='%(levelname)s %(message)s')
log = logging.getLogger('jobs')

def job(n):
    if n == 3:
        log.warning('job %d is slow', n)
    return n * n

with ThreadPoolExecutor(2) as ex:
    results = list(ex.map(job, range(5)))
log.info('results: %s', results)
log.info('sum=%d', sum(results))
