"""Runs a command and writes its peak RSS (KiB, from os.wait4) to a file; exits with its code.

    python3 -S -I bench/spawn_rss.py RSS_FILE COMMAND [ARG...]

bench/run.py uses this only where GNU time is missing. The measured command is forked from this
small process rather than from the harness, because Linux carries the memory high-water mark
of the process that calls exec into the new program's ru_maxrss: forked straight from the
harness, every command would report at least the harness's own peak. The floor here is this
launcher's (~8 MiB) instead of GNU time's (~1 MiB).
"""
import os
import sys

out, argv = sys.argv[1], sys.argv[2:]
pid = os.fork()
if pid == 0:
    try:
        os.execvp(argv[0], argv)
    except OSError as e:
        os.write(2, f"spawn_rss: {argv[0]}: {e}\n".encode())
        os._exit(127)
_, status, ru = os.wait4(pid, 0)
with open(out, "w") as f:
    f.write(f"{ru.ru_maxrss}\n")
code = os.waitstatus_to_exitcode(status)
sys.exit(code if code >= 0 else 128 - code)
