# Value and Array shared with child Processes: scalar types, slicing,
# c_char arrays' value/raw, and sharedctypes' errors.
import multiprocessing as mp
from multiprocessing import sharedctypes


def child(num, arr, chars, raw):
    num.value = 3.25
    for i in range(len(arr)):
        arr[i] = -arr[i]
    arr[1:3] = [7, 8]
    chars.value = b'child'
    raw[0] = 99


if __name__ == '__main__':
    num = mp.Value('d', 0.0)
    arr = mp.Array('i', range(5))
    chars = mp.Array('c', 10)
    raw = sharedctypes.RawArray('l', [1, 2])
    p = mp.Process(target=child, args=(num, arr, chars, raw))
    p.start()
    p.join()
    print(num.value, arr[:], list(arr), arr[-1], arr[::2], len(arr))
    print(chars.value, chars.raw, chars[0], chars[1:3])
    print(raw[:], repr(mp.RawValue('h', 7)), mp.Value('b', 300).value)
    print(repr(num), mp.Value('c').value, mp.Value('B', -1).value)
    print(mp.Value('i', lock=False), mp.Value('?', 5).value if False else mp.Value('f', 1.5).value)
    for bad in (lambda: arr.__setitem__(0, 'x'), lambda: arr.__setitem__(0, 1.5),
                lambda: arr[9], lambda: arr.__setitem__(slice(0, 2), [1]),
                lambda: mp.Value('i', lock=5), lambda: mp.RawValue('i').get_lock(),
                lambda: mp.Value('z')):
        try:
            bad()
        except Exception as e:
            print(type(e).__name__, e)
