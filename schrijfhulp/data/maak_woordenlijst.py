"""Rebuild woordfrequentie_nl.txt: the Dutch word forms that are common enough not to count as
"rare" (Zipf frequency >= 3.0, about once per million words), most frequent first.

The list is derived from wordfreq 3.1.1 (its Dutch data include SUBTLEX-NL). wordfreq itself is
not a dependency of the site: it is 58 MB, needs five more packages and gets no more releases.
Run it in a throwaway environment:

    python3 -m venv /tmp/wf && /tmp/wf/bin/pip install wordfreq==3.1.1
    /tmp/wf/bin/python schrijfhulp/data/maak_woordenlijst.py \
        > schrijfhulp/data/woordfrequentie_nl.txt
"""
# ruff: noqa: T201 (a script whose output is the list)

import re

from wordfreq import iter_wordlist, zipf_frequency

DREMPEL = 3.0
WOORD = re.compile(r"^[a-zà-ÿ]+(?:-[a-zà-ÿ]+)*$")

print("# Dutch word forms with Zipf frequency >= 3.0, most frequent first.")
print("# Derived from wordfreq 3.1.1 by Robyn Speer (data CC BY-SA 4.0), which includes")
print("# SUBTLEX-NL (Keuleers, Brysbaert & New, 2010). This list: CC BY-SA 4.0. See BRONNEN.md.")
for woord in iter_wordlist("nl", "large"):
    if zipf_frequency(woord, "nl") < DREMPEL:
        break
    if WOORD.match(woord):
        print(woord)
