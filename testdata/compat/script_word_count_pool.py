# Count words in documents with a process pool and merge the Counters.
from multiprocessing import Pool
from collections import Counter

DOCS = [
    'the quick brown fox jumps over the lazy dog',
    'the dog barks and the fox runs',
    'a quick brown dog is a happy dog',
    'pools of processes count words quickly',
]

def count_words(text: str) -> Counter:
    return Counter(text.split())

if __name__ == '__main__':
    with Pool(3) as pool:
        partial_counts = pool.map(count_words, DOCS)
    total = Counter()
    for c in partial_counts:
        total.update(c)
    for word, n in total.most_common(5):
        print(f'{word:<8} {n:>3}')
    print(f'{len(total)} distinct words, {sum(total.values())} in all')
