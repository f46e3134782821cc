"""Turn what a person typed into plain words and phrases: no operator syntax ever reaches the
engine (wildcards, regexes and fuzzy operators can stall a worker)."""

import re
import unicodedata
from dataclasses import dataclass

MAX_QUERY_CHARS = 200
MAX_WORDS = 8
_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*", re.UNICODE)


@dataclass(frozen=True)
class ParsedText:
    words: tuple[str, ...]  # loose words, lower-cased
    phrases: tuple[tuple[str, ...], ...]  # quoted groups of two or more words
    prefix_last: bool  # the last loose word may still be being typed

    @property
    def normalised(self):
        parts = list(self.words) + ['"' + " ".join(p) + '"' for p in self.phrases]
        return " ".join(parts)

    def __bool__(self):
        return bool(self.words or self.phrases)


def clean(text):
    text = unicodedata.normalize("NFC", str(text or "")).replace("\x00", " ")
    return "".join(ch for ch in text if unicodedata.category(ch)[0] != "C" or ch in " \t")[
        : MAX_QUERY_CHARS * 5
    ]


def parse(text):
    text = clean(text)[:MAX_QUERY_CHARS]
    words, phrases = [], []
    # Quotes: an unbalanced last quote just opens nothing.
    parts = text.replace("“", '"').replace("”", '"').split('"')
    for index, part in enumerate(parts):
        found = [w.lower() for w in _WORD.findall(part)]
        quoted = index % 2 == 1 and index < len(parts) - 1
        if quoted and len(found) > 1:
            phrases.append(tuple(found[:MAX_WORDS]))
        else:
            words.extend(found)
    words = list(dict.fromkeys(words))[:MAX_WORDS]
    prefix_last = bool(words) and not text.endswith((" ", '"')) and _WORD.search(text[-1:] or " ")
    return ParsedText(tuple(words), tuple(phrases[:3]), bool(prefix_last))
