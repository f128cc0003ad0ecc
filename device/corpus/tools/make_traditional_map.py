#!/usr/bin/env python3
"""Writes the traditional -> simplified character table the redactor folds Han tokens with.

Source: OpenCC's TSCharacters dictionary plus its Hong Kong and Taiwan variant tables (Debian package
libopencc-data, Apache-2.0). Dump them first:

    apt-get install -y opencc
    for d in TSCharacters HKVariantsRev TWVariantsRev; do
      opencc_dict -i /usr/share/opencc/$d.ocd2 -o /tmp/$d.txt -f ocd2 -t text
    done
    python3 device/corpus/tools/make_traditional_map.py /tmp > \
      device/src/main/resources/io/vocedge/device/insights/names/zh-traditional.tsv

Only one character to one character (the first simplified form OpenCC gives), both in the Basic Multilingual Plane;
a variant is taken only when it is not itself a simplified form (OpenCC's variant tables also map simplified
characters, such as 抬 and 么, to rarer forms); chains (薴 -> 苧 -> 苎) are followed to their end.
"""
import sys


def read(path):
    table = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            key, values = line.rstrip("\n").split("\t")
            table[key] = values.split(" ")
    return table


def main(folder):
    ts = read(f"{folder}/TSCharacters.txt")
    simplified = {c for forms in ts.values() for c in forms}
    out = {}
    for key, forms in ts.items():
        value = forms[0]
        if len(key) == 1 and len(value) == 1 and key != value and ord(key) < 0x10000 and ord(value) < 0x10000:
            out[key] = value
    for name in ("HKVariantsRev", "TWVariantsRev"):
        for key, forms in read(f"{folder}/{name}.txt").items():
            value = ts.get(forms[0], [forms[0]])[0]
            if (len(key) == 1 and len(value) == 1 and key != value and key not in simplified
                    and key not in out and value in simplified and ord(value) < 0x10000):
                out[key] = value
    for key in out:  # 薴 -> 苧 -> 苎: a chain folds to its end, so a fold is never folded again
        while out[key] in out and out[out[key]] != key:
            out[key] = out[out[key]]
    sys.stdout.write("# traditional<TAB>simplified, one Han character each; from OpenCC 1.1.6 (Apache-2.0) by\n")
    sys.stdout.write("# device/corpus/tools/make_traditional_map.py\n")
    for key in sorted(out):
        sys.stdout.write(f"{key}\t{out[key]}\n")


if __name__ == "__main__":
    main(sys.argv[1])
