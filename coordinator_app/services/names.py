"""Subject initials, the only trace of a name that leaves the site (screening log, sponsor reports)."""

from __future__ import annotations

from functools import lru_cache


def _is_cjk(char: str) -> bool:
    return "\u3400" <= char <= "\u9fff"


def _initials_of(name: str) -> str:
    """王建国 -> WJG (pinyin first letters); "Mary Ann" -> MA; mixed text: each part by its own rule."""
    from pypinyin import Style, lazy_pinyin  # 50 MB of dictionaries: loaded when a name is first needed

    letters = []
    for word in name.replace("-", " ").split():
        if any(_is_cjk(ch) for ch in word):
            letters += [p[0] for p in lazy_pinyin(word, style=Style.FIRST_LETTER) if p and p[0].isalpha()]
        elif word[0].isalpha():
            letters.append(word[0])
    return "".join(letters).upper()


@lru_cache(maxsize=100_000)
def initials(family_name: str, given_name: str) -> str:
    """Family-name initials first, as Chinese names are written: 王 建国 -> WJG; Smith John -> SJ. Cached: the
    subject list's search asks for every row's initials at every keystroke."""
    return _initials_of(family_name) + _initials_of(given_name)
