"""Run a command's Python entry point and record its peak memory, for tests that bound it.

Usage: python tests/support/peak_memory.py OUTPUT_FILE (-m MODULE | SCRIPT) [ARGUMENTS...]

The peak is read from /proc/self/status (VmHWM) when the program exits. The kernel's own count
for a child process (``ru_maxrss``) starts from the size of the process that started it, so a
command started by a large test run would seem to use as much as the test run itself.
"""

from __future__ import annotations

import atexit
import runpy
import sys
from pathlib import Path


def _peak_kilobytes() -> int:
    for line in Path("/proc/self/status").read_text(encoding="ascii").splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return 0


def main() -> None:
    output, *command = sys.argv[1:]
    atexit.register(lambda: Path(output).write_text(str(_peak_kilobytes()), encoding="ascii"))
    if command[0] == "-m":
        sys.argv = [command[1], *command[2:]]
        runpy.run_module(command[1], run_name="__main__", alter_sys=True)
    else:
        sys.argv = command
        sys.path.insert(0, str(Path(command[0]).resolve().parent))
        runpy.run_path(command[0], run_name="__main__")


if __name__ == "__main__":
    main()
