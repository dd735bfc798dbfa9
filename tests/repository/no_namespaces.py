#!/usr/bin/env python3
"""Run a command where no namespace can be made, as in a container under
Docker's default seccomp profile (what Gradescope's likely use).

    python3 no_namespaces.py COMMAND [ARGUMENT ...]

A seccomp filter (judge/run/seccomp.py), inherited by everything the
command starts, answers unshare, setns, mount, umount2 and pivot_root
with EPERM, clone with a namespace flag with EPERM, and clone3 with
ENOSYS (so that the C library falls back to clone, whose flags the filter
can read), as Docker's profile does for a process without CAP_SYS_ADMIN.
The judge under it finds no namespace and grades at the level user (as
root) or processes only (as another user): the tests of those levels use
it (tests/README.md: What the judge protects).
"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__)))))
from judge.run import seccomp  # noqa: E402

if __name__ == "__main__":
    seccomp.install(seccomp.NAMESPACE_CALLS, namespaces=True)
    os.execvp(sys.argv[1], sys.argv[1:])
