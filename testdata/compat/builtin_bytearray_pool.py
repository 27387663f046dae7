from multiprocessing import Pool


def grow(ba):
    ba.append(33)
    ba[0] = 72
    return ba, bytes(ba), len(ba)


if __name__ == '__main__':
    data = [bytearray(b'hi'), bytearray(), bytearray(b'\x00\xff')]
    with Pool(2) as p:
        print(p.map(grow, data))
    print(data)
