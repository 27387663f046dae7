import sys
print('to stdout', flush=True)
print('to stderr', file=sys.stderr)
sys.stdout.write('written\n')
print('last stdout line')
print('final stderr line', file=sys.stderr)
