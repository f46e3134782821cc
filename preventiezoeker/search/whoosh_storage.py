"""The embedded index's files on disk: opened without memory maps, checked against a manifest,
written under a bounded lock wait, rebuilt beside the live folder and swapped in.

A memory-mapped segment that shrinks under a reader kills the process (SIGBUS); plain reads
raise instead. Every commit records each segment file's size and CRC-32 in MANIFEST.json
*before* Whoosh writes the new table of contents, so a reader that sees a generation always
finds its entry. A reader checks the entry when it (re)opens the index and the files' sizes
and change times on every request; anything missing, foreign, truncated or altered raises
IndexDamaged, and only rebuild() writes a new index.
"""

import contextlib
import ctypes
import errno
import fcntl
import json
import os
import re
import shutil
import time
import zlib
from dataclasses import dataclass

from whoosh.filedb.filestore import FileStorage
from whoosh.filedb.structfile import BufferFile, StructFile
from whoosh.index import TOC, FileIndex, LockError

from .types import IndexDamaged, SearchUnavailable

INDEX_NAME = "MAIN"  # Whoosh's default index name: its files are MAIN_*.seg, _MAIN_<gen>.toc
MANIFEST = "MANIFEST.json"
MANIFEST_FORMAT = 1
# Whoosh's own writer lock: a publish request must give up long before gunicorn's 30 s timeout;
# sync then keeps the task queued for the holder.
WRITE_WAIT = 3.0
KNOWN_FILES = 1000
OPEN_ATTEMPTS = 3  # a commit between listing the folder and reading it: look again
TRANSIENT = {errno.EMFILE, errno.ENFILE, errno.ENOMEM, errno.EINTR, errno.EAGAIN}
IN_MEMORY = (".trm",)  # segment parts read from memory, see _SegmentFile
REGION_BUFFER = 32 * 1024
_STALE = re.compile(r"\.(nieuw|oud)-(\d+)$")


class _SegmentFile(StructFile):
    """A segment read with plain reads, never a memory map (a file cut short under a map kills
    the process). Its term dictionary, binary-searched with many tiny reads, is copied into
    memory (a few % of the segment); the other parts are read through a small buffer."""

    def subset(self, offset, length, name=None):
        if name and name.endswith(IN_MEMORY):
            data = os.pread(self.file.fileno(), length, offset)
            if len(data) != length:
                raise EOFError(f"{name}: {len(data)} of {length} bytes")
            return BufferFile(data, name=name)
        return StructFile(_Region(self.file.fileno(), offset, length), name=name or self._name)


class _Region:
    """Part of a segment file, read through a buffer: Whoosh reads a posting block as a few
    tiny reads and unpickles its header byte by byte; each was a seek and a read on the file.
    pread() keeps no shared file position."""

    def __init__(self, fd, offset, length):
        self._fd, self._offset, self._length = fd, offset, length
        self._pos, self._start, self._buffer = 0, 0, b""
        self.closed = False

    def _buffered(self, size):
        """At least `size` bytes from the position on (fewer only at the end of the region or
        of a file cut short)."""
        size = max(0, min(size, self._length - self._pos))
        at = self._pos - self._start
        if at < 0 or at + size > len(self._buffer):
            want = min(max(size, REGION_BUFFER), self._length - self._pos)
            self._buffer = os.pread(self._fd, want, self._offset + self._pos)
            self._start, at = self._pos, 0
        return self._buffer, at, size

    def read(self, size=-1):
        if size is None or size < 0:
            size = self._length - self._pos
        buffer, at, size = self._buffered(size)
        data = buffer[at : at + size]
        self._pos += len(data)
        return data

    def peek(self, size=1):
        buffer, at, _size = self._buffered(max(size, 1))
        return buffer[at:]

    def readline(self, size=-1):
        line = b""
        while not line.endswith(b"\n") and (chunk := self.peek()):
            end = chunk.find(b"\n")
            line += self.read(len(chunk) if end < 0 else end + 1)
        return line

    def seek(self, position, whence=0):
        base = {0: 0, 1: self._pos, 2: self._length}[whence]
        self._pos = base + position
        return self._pos

    def tell(self):
        return self._pos

    def close(self):
        self.closed = True


class _Storage(FileStorage):
    def open_file(self, name, **kwargs):
        return _SegmentFile(open(self._fpath(name), "rb"), name=name, **kwargs)


def _storage(path):
    return _Storage(str(path), supports_mmap=False)


def damage(exc):
    """The seam's exception for a failed read of the index: running out of file handles or
    memory is not damage (a rebuild would not help)."""
    detail = f"zoekindex onleesbaar: {type(exc).__name__}: {exc}"
    if isinstance(exc, OSError) and exc.errno in TRANSIENT:
        return SearchUnavailable(detail)
    return IndexDamaged(detail)


# -- the manifest --------------------------------------------------------------------------


def _crc(path):
    crc = 0
    with open(path, "rb") as handle:
        while chunk := handle.read(1 << 20):
            crc = zlib.crc32(chunk, crc)
    return crc


def _identity(stat):
    """What changes when a file is replaced or written to."""
    return (stat.st_ino, stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns)


def read_manifest(path):
    try:
        data = json.loads((path / MANIFEST).read_text())
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as exc:
        raise damage(exc) from exc
    if not isinstance(data, dict) or data.get("format") != MANIFEST_FORMAT:
        raise IndexDamaged("zoekindex: manifest onleesbaar")
    return data.get("generations") or {}


def _write_manifest(path, generations):
    tmp = path / f".{MANIFEST}.{os.getpid()}"
    tmp.write_text(json.dumps({"format": MANIFEST_FORMAT, "generations": generations}))
    os.replace(tmp, path / MANIFEST)  # readers see the old or the new manifest, never half


def _record(storage, path, generation, segments):
    """Add `generation`'s entry (its segments' files) to the manifest, keeping the previous
    one for readers still opening it. Committed segment files never change: their previous
    sums are reused, only new files are read."""
    generations = read_manifest(path) or {}
    known = {}
    for entry in generations.values():
        known.update(entry.get("files", {}))
    files = {}
    for segment in segments:
        for name in segment.list_files(storage):
            size = os.stat(path / name).st_size
            old = known.get(name)
            files[name] = old if old and old[0] == size else [size, _crc(path / name)]
    entry = {"segments": sorted(s.segment_id() for s in segments), "files": files}
    latest = {k: v for k, v in generations.items() if int(k) < generation}
    keep = {str(generation): entry}
    if latest:
        previous = max(latest, key=int)
        keep[previous] = latest[previous]
    _write_manifest(path, keep)


# -- reading -------------------------------------------------------------------------------


@dataclass
class Verified:
    generation: int
    segments: list
    files: dict  # file name -> _identity() at the check: a change means look again


def _latest_generation(path):
    try:
        names = os.listdir(path)
    except FileNotFoundError as exc:
        raise IndexDamaged("geen zoekindex") from exc
    except NotADirectoryError as exc:
        raise IndexDamaged("geen zoekindex") from exc
    pattern = TOC._pattern(INDEX_NAME)
    generations = [int(m.group(1)) for n in names if (m := pattern.match(n))]
    return max(generations, default=-1)


def _verify_generation(path, generation, known):
    """Check one generation's files against its manifest entry. `known`: file name ->
    (identity, crc) this process already read (a committed segment file never changes)."""
    if generation < 0:
        raise IndexDamaged("geen zoekindex")
    if len(known) > KNOWN_FILES:  # names of long-merged segments
        known.clear()
    generations = read_manifest(path)
    if generations is None:
        raise IndexDamaged("zoekindex zonder manifest")
    entry = generations.get(str(generation))
    if entry is None:
        raise IndexDamaged(f"zoekindex: versie {generation} staat niet in het manifest")
    files = {}
    for name, (size, crc) in entry["files"].items():
        try:
            stat = os.stat(path / name)
        except FileNotFoundError as exc:
            raise IndexDamaged(f"zoekindex: {name} ontbreekt") from exc
        if stat.st_size != size:
            raise IndexDamaged(f"zoekindex: {name} is {stat.st_size} bytes, verwacht {size}")
        identity = _identity(stat)
        if known.get(name) != (identity, crc):
            if _crc(path / name) != crc:
                raise IndexDamaged(f"zoekindex: {name} is beschadigd")
            known[name] = (identity, crc)
        files[name] = identity
    return Verified(generation, entry["segments"], files)


def _attempts(path, check):
    """Run check(generation) on the latest generation; a failure only counts when no commit
    moved the index on meanwhile (that commit may have removed what was being read)."""
    for attempt in range(OPEN_ATTEMPTS):
        generation = _latest_generation(path)
        try:
            return check(generation)
        except Exception as exc:
            if attempt + 1 < OPEN_ATTEMPTS and _latest_generation(path) != generation:
                continue
            if isinstance(exc, SearchUnavailable):
                raise
            raise damage(exc) from exc
    raise AssertionError("unreachable")


def verify(path, known):
    """The latest generation, checked (raises IndexDamaged)."""
    return _attempts(path, lambda generation: _verify_generation(path, generation, known))


def unchanged(path, files):
    """Whether the files checked at opening are still the same files (a few stat() calls)."""
    try:
        return all(_identity(os.stat(path / name)) == i for name, i in files.items())
    except OSError:
        return False


def open_index(path, known):
    """(FileIndex, Verified) for writing: never creates an index."""

    def check(generation):
        checked = _verify_generation(path, generation, known)
        return FileIndex(_storage(path), indexname=INDEX_NAME), checked

    return _attempts(path, check)


def open_searcher(path, known):
    """(searcher, Verified) of the latest generation, checked against the manifest."""

    def check(generation):
        checked = _verify_generation(path, generation, known)
        searcher = FileIndex(_storage(path), indexname=INDEX_NAME).searcher()
        try:
            reader = searcher.reader()
            # An index without documents has one empty reader and no segment.
            leaves = (r.segment() for r, _base in reader.leaf_readers())
            segments = sorted(seg.segment_id() for seg in leaves if seg is not None)
            if reader.generation() not in (generation, None) or segments != sorted(
                checked.segments
            ):
                raise IndexDamaged("zoekindex: segmenten wijken af van het manifest")
        except BaseException:
            searcher.close()
            raise
        return searcher, checked

    return _attempts(path, check)


# -- writing -------------------------------------------------------------------------------


def create(path, schema):
    path.mkdir(parents=True, exist_ok=True)
    return FileIndex.create(_storage(path), schema, INDEX_NAME)


def writer(ix, path, timeout=None, **kwargs):
    """Whoosh's writer, waiting at most `timeout` (WRITE_WAIT) seconds for its lock (then
    SearchUnavailable: the caller keeps its work queued), recording each commit in the
    manifest."""
    timeout = WRITE_WAIT if timeout is None else timeout
    try:
        w = ix.writer(timeout=timeout, delay=0.05, **kwargs)
    except LockError as exc:
        raise SearchUnavailable("zoekindex bezet door een andere schrijver") from exc
    commit_toc = w._commit_toc

    def recorded_commit_toc(segments):
        _record(w.storage, path, w.generation, segments)
        commit_toc(segments)

    w._commit_toc = recorded_commit_toc  # Whoosh-Reloaded 2.7.5 is pinned
    return w


def abort(w):
    """Give up a writer whatever state it is in (a commit may have failed half-way)."""
    with contextlib.suppress(Exception):
        if not w.is_closed:
            w.cancel()
    lock = getattr(w, "writelock", None)
    if lock is not None and lock.fd is not None:
        with contextlib.suppress(Exception):
            lock.release()


@contextlib.contextmanager
def index_lock(path, timeout):
    """Yield True when this process holds the write lock of the index at `path`, False when it
    gave up waiting. A lock file beside the index: it survives a rebuild's directory swap."""
    lock = path.with_name(path.name + ".lock")
    lock.parent.mkdir(parents=True, exist_ok=True)
    with open(lock, "a") as handle:
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    yield False
                    return
                time.sleep(0.02)
        try:
            yield True
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


# -- rebuilding ----------------------------------------------------------------------------


def build_dir(path):
    """A fresh folder beside the live index for a rebuild, after removing those that dead
    processes left behind (a failed rebuild on a full disk must not keep it full)."""
    for other in path.parent.glob(f"{path.name}.*-*"):
        match = _STALE.search(other.name)
        if match and other.name == f"{path.name}{match.group(0)}":
            pid = int(match.group(2))
            if pid == os.getpid() or not _alive(pid):
                shutil.rmtree(other, ignore_errors=True)
    tmp = path.with_name(f"{path.name}.nieuw-{os.getpid()}")
    tmp.mkdir(parents=True)
    return tmp


def _alive(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def swap(tmp, path):
    """Put the folder `tmp` in place of `path` in one step where the kernel can (readers never
    find the index missing). Returns the folder to remove afterwards."""
    if path.exists() and _exchange(tmp, path):
        return tmp
    old = path.with_name(f"{path.name}.oud-{os.getpid()}")
    if path.exists():
        os.rename(path, old)
    try:
        os.rename(tmp, path)
    except OSError:
        if old.exists():
            os.rename(old, path)  # the live index stays
        raise
    return old


def _exchange(a, b):
    """renameat2(RENAME_EXCHANGE) (Linux 3.15+, glibc 2.28+); False where unavailable."""
    function = getattr(ctypes.CDLL(None, use_errno=True), "renameat2", None)
    if function is None:
        return False
    at_fdcwd, rename_exchange = -100, 2
    if function(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP, errno.EXDEV):
        return False
    raise OSError(code, os.strerror(code), str(b))
