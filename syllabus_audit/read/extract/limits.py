"""Resource limits for extraction: file size, zip archives (bombs), safe XML.

Every zip-based format (DOCX, ODF, PPTX, XLSX, EPUB) goes through
``open_zip`` + ``read_member``:

1. before ``zipfile`` builds its member list, the end-of-central-directory
   record is read by hand to check the member count and the size of the
   central directory (a zip with millions of entries would otherwise cost
   gigabytes of ``ZipInfo`` objects);
2. before anything is decompressed, the declared uncompressed size of all
   members together is checked;
3. each member that is read is checked for its declared size and its
   compression ratio, and is then read with a bounded ``read`` (the header
   may lie about the size, so we never read more than the limit + 1 byte).

XML is parsed with ``parse_xml``: no entity expansion, no DTD loading, no
network, libxml2's default depth/size limits (no ``huge_tree``). A
"billion laughs" document therefore costs nothing: its entity references stay
unexpanded (and are dropped from the text).

The limits are module constants so a caller (or a test) can change them.
"""

from __future__ import annotations

import os
import re
import struct
import zipfile

from lxml import etree

MAX_FILE_BYTES = 200 * 2**20  # per input file; bigger files get status too_large
MAX_ZIP_MEMBERS = 10_000  # members in one archive (a big DOCX has a few hundred)
MAX_ZIP_TOTAL_BYTES = 1 * 2**30  # declared uncompressed size of all members together
MAX_PART_BYTES = 50 * 2**20  # uncompressed size of any one member we read
MAX_RATIO = 200  # uncompressed / compressed, for members over RATIO_MIN_BYTES (XML is ~5-20x)
RATIO_MIN_BYTES = 2**20

_EOCD = b"PK\x05\x06"
_EOCD64 = b"PK\x06\x06"
_EOCD64_LOCATOR = b"PK\x06\x07"


class UnsafeArchive(Exception):
    """An archive (or a part of it) over a limit or unsafe to parse: a zip bomb, an entity attack."""


def file_too_large(path: str | os.PathLike, max_bytes: int | None = None) -> str | None:
    """A reason string when the file is over the size limit, else None."""
    limit = MAX_FILE_BYTES if max_bytes is None else max_bytes
    try:
        size = os.stat(path).st_size
    except OSError:
        return None  # let the reader report it
    if size > limit:
        return f"file is {_mb(size)} (limit {_mb(limit)}); not read"
    return None


def _mb(n: int) -> str:
    return f"{n / 2**20:.1f} MB" if n % 2**20 else f"{n >> 20} MB"


def precheck_zip(path: str | os.PathLike) -> None:
    """Check member count and central-directory size from the raw end record (no zipfile yet)."""
    with open(path, "rb") as fh:
        fh.seek(0, os.SEEK_END)
        size = fh.tell()
        tail_len = min(size, 22 + 65535)
        fh.seek(size - tail_len)
        tail = fh.read(tail_len)
        pos = tail.rfind(_EOCD)
        if pos < 0 or pos + 22 > len(tail):
            return  # not our problem: zipfile will call it a bad zip
        _, _, _, count, cd_size, _ = struct.unpack("<HHHHII", tail[pos + 4 : pos + 20])
        if count == 0xFFFF or cd_size == 0xFFFFFFFF:
            loc = tail.rfind(_EOCD64_LOCATOR, 0, pos)
            if loc >= 0 and loc + 20 <= len(tail):
                (offset64,) = struct.unpack("<Q", tail[loc + 8 : loc + 16])
                if offset64 < size:
                    fh.seek(offset64)
                    rec = fh.read(56)
                    if rec[:4] == _EOCD64 and len(rec) == 56:
                        count, cd_size = struct.unpack("<QQ", rec[32:48])
    if count > MAX_ZIP_MEMBERS:
        raise UnsafeArchive(f"archive has {count} members (limit {MAX_ZIP_MEMBERS}); zip bomb?")
    if cd_size > MAX_ZIP_MEMBERS * 1200:
        raise UnsafeArchive(f"archive directory is {_mb(cd_size)}; zip bomb?")


def open_zip(path: str | os.PathLike) -> zipfile.ZipFile:
    """Open a zip after checking member count and total declared uncompressed size."""
    precheck_zip(path)
    zf = zipfile.ZipFile(path)
    try:
        check_zip(zf)
    except BaseException:
        zf.close()
        raise
    return zf


def check_zip(zf: zipfile.ZipFile) -> None:
    infos = zf.infolist()
    if len(infos) > MAX_ZIP_MEMBERS:
        raise UnsafeArchive(f"archive has {len(infos)} members (limit {MAX_ZIP_MEMBERS}); zip bomb?")
    total = sum(i.file_size for i in infos)
    if total > MAX_ZIP_TOTAL_BYTES:
        raise UnsafeArchive(f"archive would expand to {_mb(total)} (limit {_mb(MAX_ZIP_TOTAL_BYTES)}); zip bomb?")


def read_member(zf: zipfile.ZipFile, name: str | zipfile.ZipInfo, limit: int | None = None) -> bytes:
    """Read one member with size and ratio checks first and a bounded read."""
    info = name if isinstance(name, zipfile.ZipInfo) else zf.getinfo(name)
    limit = MAX_PART_BYTES if limit is None else limit
    if info.file_size > limit:
        raise UnsafeArchive(f"{info.filename} would expand to {_mb(info.file_size)} (limit {_mb(limit)}); zip bomb?")
    if info.file_size > RATIO_MIN_BYTES and info.file_size > MAX_RATIO * max(info.compress_size, 1):
        ratio = info.file_size // max(info.compress_size, 1)
        raise UnsafeArchive(f"{info.filename} has a compression ratio of {ratio}:1 (limit {MAX_RATIO}:1); zip bomb?")
    with zf.open(info) as fh:  # the header may lie: never read more than the limit
        data = fh.read(limit + 1)
    if len(data) > limit:
        raise UnsafeArchive(f"{info.filename} is larger than {_mb(limit)}; zip bomb?")
    return data


def member_names(zf: zipfile.ZipFile) -> set[str]:
    return {i.filename for i in zf.infolist()}


def xml_parser() -> etree.XMLParser:
    """A parser that expands no entities, loads no DTD, touches no network."""
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )


_PROLOG_DTD_RE = re.compile(rb"^(?:\xef\xbb\xbf)?\s*(?:<\?.*?\?>\s*|<!--.*?-->\s*)*<!DOCTYPE", re.S)


def parse_xml(data: bytes, allow_dtd: bool = False) -> etree._Element:
    """Parse XML bytes safely (see module doc); raises etree.XMLSyntaxError when damaged.

    Office and OpenDocument parts never declare a DTD, so unless ``allow_dtd``
    a document type declaration is refused outright (``UnsafeArchive``): the
    entity-expansion ("billion laughs") and external-entity attacks need one.
    """
    if not allow_dtd and _PROLOG_DTD_RE.match(data[:65536]):
        raise UnsafeArchive("XML part declares a DTD, which this format never does (entity-expansion attack?)")
    root = etree.fromstring(data, xml_parser())
    if root is None:
        raise etree.XMLSyntaxError("empty XML document", None, 0, 0, "")
    return root


# Errors that mean "this archive is damaged / not what it says".
ZIP_ERRORS = (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError, RuntimeError, KeyError, struct.error)
