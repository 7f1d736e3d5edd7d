"""The text of a file people saved somewhere: UTF-8 or UTF-16 as they are, otherwise the one old
code page that reads as Dutch text; refused when that is not certain, never stored garbled.

charset-normalizer proposes the code pages the bytes can be (and rules out those that read as a
mess). A Windows, Mac or DOS file of a few rows fits several of them, and the library's favourite
is then often wrong ("Tweeëiken" saved on a Mac reads as "Twee‘iken" in Windows' code page), so
each proposal must also read back to the same bytes and look like Dutch or English text: letters
with the accents those languages use, no symbol in the middle of a word or twice in a row, no
capital with an accent inside a lower-case word. Windows' code page wins when it reads well (Excel on Windows writes it);
otherwise exactly one code page must read well.
"""

from __future__ import annotations

import codecs
import re

import charset_normalizer

from workbook.errors import Problem, WorkbookError
from workbook.language.i18n import Messages

msg = Messages(
    {
        "binary": (
            "dit is geen tekstbestand (CSV); sla de tabel op als CSV of als Excel-werkmap (.xlsx)",
            "this is not a text (CSV) file; save the table as CSV or as an Excel workbook (.xlsx)",
        ),
        "encoding": (
            "de tekens in dit bestand (zoals ë, é en ï) zijn niet met zekerheid te lezen{guesses}; sla het bestand "
            "op als UTF-8: in Excel met Bestand › Opslaan als › 'CSV UTF-8 (door komma's gescheiden)'",
            "the characters in this file (such as ë, é and ï) cannot be read with certainty{guesses}; save the "
            "file as UTF-8: in Excel with File › Save As › 'CSV UTF-8 (Comma delimited)'",
        ),
        "guesses": (" (het kan {names} zijn)", " (it could be {names})"),
        "or": (" of ", " or "),
    }
)

WINDOWS = "cp1252"
CODE_PAGES = (WINDOWS, "iso8859_15", "mac_roman", "cp437")
"""The old code pages a Dutch file may come in: Windows, Unix (Latin-9), old Mac and DOS."""

CODE_PAGE_NAMES = {WINDOWS: "Windows-1252", "iso8859_15": "ISO-8859-15", "mac_roman": "MacRoman", "cp437": "DOS (437)"}

_LETTERS = "àáâäçèéêëìíîïñòóôöùúûüýÿßÀÁÂÄÇÈÉÊËÌÍÎÏÑÒÓÔÖÙÚÛÜÝ"
_MARKS = "€‘’“”„–—…•°·²³½¼¾§«»±×\u00a0"
_ALLOWED = re.compile(rf"[\x20-\x7e\t\r\n{_LETTERS}{_MARKS}]*")
_MARK_IN_WORD = re.compile(rf"[A-Za-z{_LETTERS}][{_MARKS.replace('’', '')}][A-Za-z{_LETTERS}]")
_ODD_MARKS = re.compile(rf"([{_MARKS}])\1|[ \t\n]\u00a0|\u00a0[ \t\r\n]|^\u00a0", re.MULTILINE)
_WORD = re.compile(rf"[A-Za-z{_LETTERS}]+")


def reads_as_text(text: str) -> bool:
    """True when `text` looks like Dutch or English as people type it (see the module docstring)."""
    if not _ALLOWED.fullmatch(text) or _MARK_IN_WORD.search(text) or _ODD_MARKS.search(text):
        return False
    return all(_word_reads_well(word) for word in _WORD.findall(text))


def _word_reads_well(word: str) -> bool:
    """A word with an accented letter is lower case, upper case or capitalised: not "TweeÎiken",
    "ÒNee" or a lone "Ó"."""
    if word.isascii():
        return True
    if len(word) == 1:
        return word.islower()
    return word.islower() or word.isupper() or word.istitle()


def decode(data: bytes, source: str) -> str:
    """The text in `data`, the contents of file `source`; a WorkbookError naming the file and the
    fix when the encoding is not certain."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise WorkbookError(Problem(file=source, message=msg("encoding", guesses=""))) from None
    if b"\x00" in data:
        raise WorkbookError(Problem(file=source, message=msg("binary")))
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    readings: dict[str, str] = {}  # code page -> text, for those that read well
    for match in charset_normalizer.from_bytes(data, cp_isolation=list(CODE_PAGES)):
        for encoding in match.could_be_from_charset:
            if encoding not in CODE_PAGES:
                continue
            text = data.decode(encoding, errors="replace")
            if text.encode(encoding, errors="replace") == data and reads_as_text(text):
                readings[encoding] = text
    if WINDOWS in readings:
        return readings[WINDOWS]
    if len(set(readings.values())) == 1:
        return next(iter(readings.values()))
    names = msg("or").join(CODE_PAGE_NAMES[encoding] for encoding in readings)
    guesses = msg("guesses", names=names) if len(readings) > 1 else ""
    raise WorkbookError(Problem(file=source, message=msg("encoding", guesses=guesses)))
