"""The sandbox's isolation layers, each detected at run time (stdlib and ctypes only).

Used by the warm worker (which prepares the Landlock ruleset and the seccomp filter once) and by each
forked child (which applies them). Layers: user, network, PID and mount namespaces through ``unshare``;
Landlock through raw syscalls 444-446 (filesystem allow-list, no TCP, signal scoping); seccomp through
``pyseccomp`` (no new processes, threads, exec or sockets, no terminal injection); rlimits; closed fds.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import os
import resource
import struct

CLONE_NEWNS = 0x00020000
CLONE_NEWUSER = 0x10000000
CLONE_NEWPID = 0x20000000
CLONE_NEWNET = 0x40000000
PR_SET_PDEATHSIG = 1
PR_SET_NO_NEW_PRIVS = 38
MS_PRIVATE, MS_REC, MS_NOSUID, MS_NODEV = 1 << 18, 1 << 14, 2, 4

SYS_LANDLOCK_CREATE_RULESET, SYS_LANDLOCK_ADD_RULE, SYS_LANDLOCK_RESTRICT_SELF = 444, 445, 446
LANDLOCK_CREATE_RULESET_VERSION = 1
LANDLOCK_RULE_PATH_BENEATH = 1
FS_EXECUTE, FS_WRITE_FILE, FS_READ_FILE, FS_READ_DIR = 1, 2, 4, 8
FS_TRUNCATE, FS_IOCTL_DEV = 1 << 14, 1 << 15
NET_BIND_TCP, NET_CONNECT_TCP = 1, 2
SCOPE_ABSTRACT_UNIX_SOCKET, SCOPE_SIGNAL = 1, 2

TIOCSTI, TIOCLINUX = 0x5412, 0x541C

_libc = ctypes.CDLL(None, use_errno=True)
_libc.syscall.restype = ctypes.c_long


def _fs_rights(abi: int) -> int:
    rights = (1 << 13) - 1
    if abi >= 2:
        rights |= 1 << 13
    if abi >= 3:
        rights |= FS_TRUNCATE
    if abi >= 5:
        rights |= FS_IOCTL_DEV
    return rights


def landlock_abi() -> int:
    """The kernel's Landlock ABI version, 0 when Landlock is unavailable."""
    try:
        abi = _libc.syscall(SYS_LANDLOCK_CREATE_RULESET, None, ctypes.c_size_t(0),
                            ctypes.c_uint32(LANDLOCK_CREATE_RULESET_VERSION))
    except (AttributeError, OSError):
        return 0
    return max(int(abi), 0)


def allowed_paths(roots: list[str], denied: list[str]) -> list[str]:
    """Paths to allow so that every root is readable except the denied paths inside them.

    Landlock only grants, so a root that contains a denied path is replaced by its entries, recursively.
    """
    deny = {os.path.realpath(p) for p in denied if p}
    result: list[str] = []

    def visit(path: str, depth: int) -> None:
        real = os.path.realpath(path)
        if real in deny:
            return
        inside = [d for d in deny if d.startswith(real.rstrip("/") + "/")]
        if not inside or not os.path.isdir(real):
            result.append(real)
            return
        if depth > 12:
            return
        try:
            entries = sorted(os.listdir(real))
        except OSError:
            return
        for name in entries:
            visit(os.path.join(real, name), depth + 1)

    seen = set()
    for root in roots:
        real = os.path.realpath(root)
        if real not in seen and os.path.exists(real):
            seen.add(real)
            visit(real, 0)
    return result


READ_RIGHTS = FS_EXECUTE | FS_READ_FILE | FS_READ_DIR


def _ruleset(handled: int, net: int, scoped: int, rules: list[tuple[str, int]]) -> tuple[int | None, str]:
    """A Landlock ruleset fd handling ``handled`` filesystem rights (plus ``net`` and ``scoped`` where the
    kernel knows them) and granting each ``(path, rights)`` rule. ``(fd, "")`` or ``(None, reason)``."""
    abi = landlock_abi()
    if abi < 1:
        return None, "Landlock is not available in this kernel (or disabled at boot)"
    handled &= _fs_rights(abi)
    net = net if abi >= 4 else 0
    scoped = scoped if abi >= 6 else 0
    size = 24 if abi >= 6 else 16 if abi >= 4 else 8
    buf = ctypes.create_string_buffer(struct.pack("=QQQ", handled, net, scoped), 24)
    fd = _libc.syscall(SYS_LANDLOCK_CREATE_RULESET, buf, ctypes.c_size_t(size), ctypes.c_uint32(0))
    if fd < 0:
        return None, f"landlock_create_ruleset failed: {os.strerror(ctypes.get_errno())}"
    file_only = FS_EXECUTE | FS_WRITE_FILE | FS_READ_FILE | FS_TRUNCATE
    for path, rights in rules:
        try:
            pfd = os.open(path, os.O_PATH | os.O_CLOEXEC)
        except OSError:
            continue
        try:
            allowed = (rights if os.path.isdir(path) else rights & file_only) & handled
            if not allowed:
                continue
            rule = ctypes.create_string_buffer(struct.pack("=Qi", allowed, pfd), 12)
            if _libc.syscall(SYS_LANDLOCK_ADD_RULE, ctypes.c_int(fd), ctypes.c_int(LANDLOCK_RULE_PATH_BENEATH),
                             rule, ctypes.c_uint32(0)) < 0:
                err = os.strerror(ctypes.get_errno())
                os.close(fd)
                return None, f"landlock_add_rule failed for {path}: {err}"
        finally:
            os.close(pfd)
    os.set_inheritable(fd, True)
    return fd, ""


def build_read_layer(readable: list[str]) -> tuple[int | None, str]:
    """The read layer: read, list and map files beneath ``readable`` only."""
    return _ruleset(READ_RIGHTS, 0, 0, [(p, READ_RIGHTS) for p in readable])


def build_write_layer(write_dir: str) -> tuple[int | None, str]:
    """The write layer: create, write, remove only beneath ``write_dir``; no TCP; signals and abstract
    sockets scoped to the sandbox."""
    handled = ((1 << 16) - 1) & ~READ_RIGHTS
    return _ruleset(handled, NET_BIND_TCP | NET_CONNECT_TCP, SCOPE_ABSTRACT_UNIX_SOCKET | SCOPE_SIGNAL,
                    [(write_dir, handled & ~FS_IOCTL_DEV)])


def apply_landlock(ruleset_fd: int) -> bool:
    """Restrict the calling process with the ruleset (sets no_new_privs first)."""
    _libc.prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0)
    ok = _libc.syscall(SYS_LANDLOCK_RESTRICT_SELF, ctypes.c_int(ruleset_fd), ctypes.c_uint32(0)) == 0
    os.close(ruleset_fd)
    return ok


def build_seccomp() -> tuple[object | None, str]:
    """A seccomp filter denying process creation, threads, exec, sockets and other escapes."""
    try:
        import pyseccomp as seccomp
    except (ImportError, OSError) as exc:
        return None, f"pyseccomp or libseccomp is not installed ({exc.__class__.__name__})"
    try:
        flt = seccomp.SyscallFilter(seccomp.ALLOW)
        deny = seccomp.ERRNO(errno.EPERM)
        for name in (
            "fork", "vfork", "clone", "execve", "execveat", "socket", "socketpair", "ptrace",
            "process_vm_readv", "process_vm_writev", "mount", "umount2", "unshare", "setns", "pivot_root",
            "chroot", "keyctl", "add_key", "request_key", "bpf", "perf_event_open", "userfaultfd",
            "io_uring_setup", "setrlimit", "prlimit64", "mknod", "mknodat", "open_by_handle_at",
            "name_to_handle_at", "init_module", "finit_module", "delete_module", "kexec_load", "reboot",
            "swapon", "swapoff", "acct", "quotactl", "syslog", "landlock_create_ruleset",
            # the new mount API, and anonymous memory files (whose pages escape RLIMIT_AS)
            "fsopen", "fsconfig", "fsmount", "fspick", "open_tree", "move_mount", "mount_setattr",
            "memfd_create", "memfd_secret",
        ):
            try:
                flt.add_rule(deny, name)
            except (OSError, ValueError, RuntimeError):
                continue
        with contextlib.suppress(OSError, ValueError, RuntimeError):
            flt.add_rule(seccomp.ERRNO(errno.ENOSYS), "clone3")  # glibc then falls back to clone (denied)
        for request in (TIOCSTI, TIOCLINUX):
            flt.add_rule(deny, "ioctl", seccomp.Arg(1, seccomp.MASKED_EQ, 0xFFFFFFFF, request))
    except (OSError, ValueError, RuntimeError) as exc:
        return None, f"building the seccomp filter failed ({exc})"
    return flt, ""


def apply_seccomp(flt: object) -> bool:
    """Load the prepared filter into the calling process."""
    try:
        _libc.prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0)
        flt.load()
    except (OSError, RuntimeError):
        return False
    return True


def set_parent_death_signal() -> None:
    """Get SIGKILL when the parent dies."""
    _libc.prctl(PR_SET_PDEATHSIG, 9, 0, 0, 0)


def unshare_namespaces() -> tuple[list[str], str]:
    """Enter new user, mount, network and PID namespaces (the PID one applies to the next child), and map
    the caller's uid and gid to root inside (``deny`` to setgroups first), so that it may mount and write
    a private tmpfs. Returns the layers obtained and, if any is missing, why.
    """
    uid, gid = os.getuid(), os.getgid()
    flags = CLONE_NEWUSER | CLONE_NEWNS | CLONE_NEWNET | CLONE_NEWPID
    if _libc.unshare(flags) == 0:
        try:
            for name, text in (("setgroups", "deny"), ("uid_map", f"0 {uid} 1"), ("gid_map", f"0 {gid} 1")):
                with open(f"/proc/self/{name}", "w") as fh:
                    fh.write(text)
        except OSError as exc:
            return (["user-namespace", "net-namespace", "pid-namespace", "mount-namespace"],
                    f"writing the user namespace's id maps failed ({exc.strerror})")
        return ["user-namespace", "net-namespace", "pid-namespace", "mount-namespace"], ""
    reason = os.strerror(ctypes.get_errno())
    if os.geteuid() == 0 and _libc.unshare(CLONE_NEWNS | CLONE_NEWNET | CLONE_NEWPID) == 0:
        return ["net-namespace", "pid-namespace", "mount-namespace"], f"user namespace refused ({reason})"
    return [], f"unshare refused ({reason}); user namespaces may be disabled"


def mount_private_tmpfs(path: str, size_mb: int) -> bool:
    """Mount a size-capped tmpfs over ``path`` inside the private mount namespace (nothing written there
    reaches the disk, and it is gone when the namespace's last process ends)."""
    _libc.mount(b"none", b"/", None, MS_REC | MS_PRIVATE, None)
    opts = f"size={size_mb}m,nr_inodes=4096,mode=0700".encode()
    if _libc.mount(b"tmpfs", path.encode(), b"tmpfs", MS_NOSUID | MS_NODEV, opts) != 0:
        return False
    try:  # prove it: a file can be created there
        fd = os.open(os.path.join(path, ".probe"), os.O_CREAT | os.O_WRONLY | os.O_EXCL, 0o600)
    except OSError:
        return False
    os.close(fd)
    os.unlink(os.path.join(path, ".probe"))
    return True


def apply_rlimits(cpu_s: int, address_space: int, file_size: int, open_files: int) -> None:
    """CPU seconds, address space, file size, open files, processes, no core dumps."""
    limits = [
        (resource.RLIMIT_CPU, (cpu_s, cpu_s + 1)),
        (resource.RLIMIT_AS, (address_space, address_space)),
        (resource.RLIMIT_FSIZE, (file_size, file_size)),
        (resource.RLIMIT_NOFILE, (open_files, open_files)),
        (resource.RLIMIT_CORE, (0, 0)),
        (resource.RLIMIT_NPROC, (8, 8)),
    ]
    for which, value in limits:
        try:
            resource.setrlimit(which, value)
        except (ValueError, OSError):
            continue


def close_fds(keep: set[int]) -> None:
    """Close every file descriptor above 2 except ``keep``."""
    try:
        fds = [int(name) for name in os.listdir("/proc/self/fd")]
    except OSError:
        fds = list(range(3, 1024))
    for fd in fds:
        if fd > 2 and fd not in keep:
            with contextlib.suppress(OSError):
                os.close(fd)


def virtual_memory_size() -> int:
    """The calling process's virtual memory size in bytes."""
    try:
        with open("/proc/self/status") as fh:
            for line in fh:
                if line.startswith("VmSize:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 512 << 20


THREAD_VARIABLES = ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS", "NUMEXPR_NUM_THREADS")
SAFE_PATH = "/usr/local/bin:/usr/bin:/bin"


def worker_environment(source: dict[str, str]) -> dict[str, str]:
    """The fixed environment the grading worker starts with: nothing of the user's (tokens, paths) is
    ever in its memory, so no sandbox forked from it can find any. Only the temp folder and the
    sandbox switch are taken from ``source``."""
    env = {"PATH": SAFE_PATH, "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"}
    env.update({name: "1" for name in THREAD_VARIABLES})
    for name in ("TMPDIR", "DLPREP_SANDBOX_DISABLE"):
        if source.get(name):
            env[name] = source[name]
    return env


def child_environment(run_dir: str) -> dict[str, str]:
    """The whole environment of a sandboxed child: home and temp folder in its own tmpfs."""
    env = {"PATH": SAFE_PATH, "HOME": run_dir, "TMPDIR": run_dir, "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"}
    env.update({name: "1" for name in THREAD_VARIABLES})
    return env


def replace_environment(env: dict[str, str]) -> None:
    """Make ``env`` the process's whole environment (``os.environ`` and the C ``environ``)."""
    os.environ.clear()
    os.environ.update(env)


def confirmed_layers(pid: int, claimed: list[str]) -> tuple[list[str], dict[str, str]]:
    """Check from outside (``/proc``) the layers a sandbox process said it obtained: seccomp in its
    status, and namespaces different from the caller's. Returns the layers kept and why any was dropped.
    A process already gone cannot be checked: its claims (made before any learner code ran) stand."""
    dropped: dict[str, str] = {}
    try:
        with open(f"/proc/{pid}/status") as fh:
            status = dict(line.split(":", 1) for line in fh if ":" in line)
        spaces = {name: os.readlink(f"/proc/{pid}/ns/{name}") != os.readlink(f"/proc/self/ns/{name}")
                  for name in ("user", "net", "pid_for_children", "mnt")}
    except (OSError, ValueError):
        return list(claimed), dropped
    if "seccomp" in claimed and status.get("Seccomp", "0").strip() != "2":
        dropped["seccomp"] = "claimed, but /proc shows no seccomp filter"
    names = {"user-namespace": "user", "net-namespace": "net", "pid-namespace": "pid_for_children",
             "mount-namespace": "mnt"}
    for layer, name in names.items():
        if layer in claimed and not spaces[name]:
            dropped[layer] = "claimed, but /proc shows the worker's own namespace"
    return [layer for layer in claimed if layer not in dropped], dropped


def children_of(pid: int) -> list[int]:
    """The direct children of ``pid``, from /proc."""
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as fh:
                parent = int(fh.read().rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            continue
        if parent == pid:
            found.append(int(entry))
    return found
