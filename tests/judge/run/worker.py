"""The worker: the only process that runs submitted code.

A worker serves one task of one submission. It starts in its own folder
(the submitted file of its task, and the task's driver in main/), in its
own session, with limits on memory, CPU time, file size and processes, and
with nothing open but its connection to the judge (a socket), /dev/null as
input and one pipe as both outputs. The files of this repository that the
task builds on (tasks.Task.needs: task 1 runs on an RNNCell) are stand-ins
(standin.py) whose calls the judge answers: the worker holds no code of
this repository. At the level namespaces it makes its own root file
system; then it gives up its privileges (isolation.py), before any
submitted code runs. Then it answers the judge's requests, one frame each
(protocol.py):

    import     import the task file; which of the things it defines have
               a docstring
    construct  np.random.seed(seed); build the task's cell; its documented
               attributes and the next three global draws
    call       call the task (or a method of its cell) on a case
               (cases.py); its results, and on request the arguments as
               they are after the call
    driver     run main/N-main.py as __main__; what it printed

An exception raised by submitted code is an answer too: its type, message
and line in the submitted file, each cut short (no reply carries more than
a few hundred characters of text, but a driver's printout, which the judge
compares). Deciding whether an answer is right is the judge's business,
never the worker's.

Workers are forked from a zygote: a process started once per judge that
imports numpy and this harness, and nothing submitted, so that a fresh
worker costs a fork instead of a Python start and a numpy import.

    python3 worker.py zygote FD CONFIG      fork server on socket FD
    python3 worker.py worker FD DIR PLACE LIMITS NEEDS CONFIG
                                            one worker, started directly

(CONFIG: isolation.Isolation.config() as JSON; PLACE: an empty folder for
the worker's root (level namespaces); LIMITS: sandbox's worker_limits;
NEEDS: the tasks whose stand-ins it gets.)
"""
import inspect
import json
import os
import resource
import runpy
import socket
import sys
import traceback

TESTS = os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__))))
ROOT = os.path.dirname(TESTS)
sys.path[:] = [TESTS] + [path for path in sys.path[1:] if
                         os.path.abspath(path or ".") != ROOT]

import numpy as np  # noqa: E402  (after the path; the zygote loads it once)

from judge.contract import cases  # noqa: E402
from judge.contract.tasks import TASK  # noqa: E402
from judge.run import isolation, protocol, seccomp, standin  # noqa: E402
from judge.run.processes import (  # noqa: E402
    become_subreaper, die_with_parent, keep_private)

# the limits this worker could not set (sent with every reply)
UNSET = []
# the most characters of text a reply carries in one field, and the most
# names it lists (a driver's printout aside: the judge compares it)
TEXT, NAME, NAMES = 300, 60, 100


def limit(name, resource_id, value):
    """Lower a resource limit to value (never raise it); note its name in
    UNSET if it cannot be set."""
    try:
        soft, hard = resource.getrlimit(resource_id)
        if hard != resource.RLIM_INFINITY:
            value = min(value, hard)
        resource.setrlimit(resource_id, (value, value))
    except (ValueError, OSError):
        UNSET.append(name)


def descriptors(sock_fd, out_fd):
    """Session and descriptors of a worker: /dev/null as input, out_fd as
    both outputs, the judge's socket as 3, nothing else open."""
    os.setsid()
    if not die_with_parent():
        UNSET.append("end with the judge")
    null = os.open(os.devnull, os.O_RDONLY)
    os.dup2(null, 0)
    os.dup2(out_fd, 1)
    os.dup2(out_fd, 2)
    keep = os.dup2(sock_fd, 3) if sock_fd != 3 else 3
    os.closerange(4, 65536)
    os.set_inheritable(keep, False)
    return socket.socket(fileno=keep)


def confine(directory, place, limits, needs, config, sock):
    """Turn this process into a worker for directory, before any submitted
    code runs: limits; at the level namespaces a root file system of its
    own (directory then at isolation.TASK_FOLDER); the stand-ins of needs;
    no privilege (an unprivileged user, or no capability in a user
    namespace); a system-call filter (seccomp.py); folder, import path and
    environment. Raises if any protection of its level fails."""
    limit("memory", resource.RLIMIT_AS, limits["memory"])
    limit("CPU time", resource.RLIMIT_CPU, limits["cpu"])
    limit("file size", resource.RLIMIT_FSIZE, limits["files"])
    limit("core files", resource.RLIMIT_CORE, 0)
    if limits.get("processes"):
        limit("processes", resource.RLIMIT_NPROC, limits["processes"])
    if config["level"] == "namespaces":
        isolation.build_root(config, directory, place)
        directory = isolation.TASK_FOLDER
        os.environ.update(HOME="/tmp", TMPDIR="/tmp")
    standin.install(needs, standin.Channel(sock), sys.modules)
    if config["level"] != "processes":
        isolation.drop(config)
    if seccomp.available():
        seccomp.confine_worker()
    else:
        UNSET.append("system-call filter")
    os.chdir(directory)
    sys.path[:] = [directory] + [path for path in sys.path
                                 if path not in (TESTS, ROOT, "")]
    sys.argv = ["worker"]
    sys.stdout = os.fdopen(1, "w", buffering=1, closefd=False)
    sys.stderr = os.fdopen(2, "w", buffering=1, closefd=False)


class OutputLimit(BaseException):
    """Raised into a driver that printed more than its limit (a
    BaseException, so that `except Exception` does not swallow it)."""


class Capture:
    """A stand-in for sys.stdout that keeps at most `limit` characters and
    stops the program that prints more."""

    def __init__(self, limit):
        """limit: how many characters to keep."""
        self.limit = limit
        self.parts = []
        self.size = 0
        self.truncated = False

    def write(self, text):
        """Keep text while there is room; past it, raise OutputLimit."""
        text = str(text)
        room = self.limit - self.size
        if len(text) > room:
            self.parts.append(text[:max(room, 0)])
            self.size = self.limit
            self.truncated = True
            raise OutputLimit()
        self.parts.append(text)
        self.size += len(text)
        return len(text)

    def flush(self):
        """Nothing to flush."""

    def text(self):
        """What was kept."""
        return "".join(self.parts)


def where(error, task):
    """(line, function) of the deepest frame of error in the submitted
    file, or (None, None)."""
    if isinstance(error, SyntaxError) and str(error.filename or "").endswith(
            task + ".py"):
        return error.lineno, None
    found = (None, None)
    for frame in traceback.extract_tb(error.__traceback__):
        if os.path.basename(frame.filename) == task + ".py":
            found = (frame.lineno, frame.name)
    return found


# words of numpy's messages about arrays whose shapes do not fit
SHAPE_WORDS = ("broadcast", "shape", "dimension", "matmul", "concatenat",
               "aligned", "size")


def local_shapes(error, task):
    """For an error about shapes: the shape of each array the deepest
    frame of the submitted file holds, by name ("self.Wh" for its cell's),
    at most NAMES // 4 of them; {} for any other error."""
    try:
        text = str(error).lower()
    except Exception:
        return {}
    if not isinstance(error, ValueError) or not any(
            word in text for word in SHAPE_WORDS):
        return {}
    frame = None
    for found, _ in traceback.walk_tb(error.__traceback__):
        if os.path.basename(found.f_code.co_filename) == task + ".py":
            frame = found
    if frame is None:
        return {}
    shapes = {}
    owner = frame.f_locals.get("self")
    values = list(frame.f_locals.items()) + [
        ("self." + name, value) for name, value in
        (vars(owner).items() if hasattr(owner, "__dict__") else ())]
    for name, value in values:
        if isinstance(value, np.ndarray) and isinstance(name, str) and \
                name.replace("self.", "", 1).isidentifier() and \
                len(name) <= NAME and value.ndim <= 8:
            shapes[name] = [int(k) for k in value.shape]
        if len(shapes) >= NAMES // 4:
            break
    return shapes


def short(text, most=TEXT):
    """str(text), cut to most characters."""
    try:
        return str(text)[:most]
    except Exception:
        return "(it could not be read)"


def describe(error, task):
    """What the judge needs to know of an exception, as JSON, each text
    cut short."""
    message = short(error)
    if isinstance(error, SystemExit):
        message = short(repr(error.code), 100)
    if isinstance(error, SyntaxError):
        message = short(error.msg)
    line, function = where(error, task)
    return {"type": short(type(error).__name__, NAME), "message": message,
            "classes": [short(cls.__name__, NAME)
                        for cls in type(error).__mro__[:10]],
            "line": line,
            "function": short(function, NAME) if function else None,
            "harness": isinstance(error, cases.Unexpected),
            "shapes": local_shapes(error, task)}


def documentation(module):
    """Whether the module and each class, method and function it defines
    has a docstring, by name ("" for the module); at most NAMES names,
    each cut to NAME characters."""
    def has(obj):
        text = getattr(obj, "__doc__", None)
        return isinstance(text, str) and bool(text.strip())

    found = {"": has(module)}
    for name, obj in list(vars(module).items()):
        if len(found) >= NAMES:
            break
        if not (inspect.isfunction(obj) or inspect.isclass(obj)):
            continue
        if getattr(obj, "__module__", None) != module.__name__:
            continue
        found[short(name, NAME)] = has(obj)
        if inspect.isclass(obj):
            for attr, member in list(vars(obj).items())[:NAMES]:
                if inspect.isfunction(member):
                    found[short("{}.{}".format(name, attr), NAME)] = \
                        has(member)
    return found


def import_task(task):
    """Import the task file; check it defines its name; its docstrings."""
    module = __import__(task)
    if not hasattr(module, TASK[task].defines):
        raise cases.Unexpected("{}.py defines no {}".format(
            task, TASK[task].defines))
    return {"docs": documentation(module)}, None


def driver(task, request):
    """Run main/N-main.py as a student does; what it printed."""
    path = os.path.join(os.getcwd(), TASK[task].driver)
    capture = Capture(request["output"])
    saved = sys.stdout
    sys.stdout = capture
    sys.argv = [path]
    try:
        runpy.run_path(path, run_name="__main__")
    except BaseException as error:
        sys.stdout = saved
        if capture.truncated:
            return {"printed": capture.text(), "truncated": True}, None
        raise Printed(error, capture) from None
    sys.stdout = saved
    return {"printed": capture.text(), "truncated": capture.truncated}, None


class Printed(Exception):
    """An exception of a driver run, with what it printed before it."""

    def __init__(self, error, capture):
        """error: what the driver raised; capture: its output so far."""
        super().__init__(error)
        self.error = error
        self.capture = capture


PROBES = {
    "import": lambda task, request, case: import_task(task),
    "construct": lambda task, request, case: (
        {}, cases.construct(task, request, __import__)),
    "call": lambda task, request, case: (
        {}, cases.call(task, request, case, __import__)),
    "driver": lambda task, request, case: driver(task, request)}


def answer(request, case):
    """The reply to one request: (message, arrays)."""
    task = request["task"]
    try:
        message, arrays = PROBES[request["probe"]](task, request, case)
        message["ok"] = True
    except Printed as failed:
        message, arrays = {"ok": False,
                           "error": describe(failed.error, task),
                           "printed": failed.capture.text()}, None
    except BaseException as error:
        message, arrays = {"ok": False, "error": describe(error, task)}, None
    message["seq"] = request["seq"]
    if UNSET:
        message["unset"] = UNSET
    return message, arrays


def serve(sock):
    """Answer requests until the judge closes the connection."""
    while True:
        request, case = protocol.receive(sock)
        if request is None:
            return
        message, arrays = answer(request, case)
        try:
            protocol.send(sock, message, arrays)
        except BaseException as error:
            protocol.send(sock, {"ok": False, "seq": request["seq"],
                                 "error": describe(error, request["task"])})


def refuse(sock, reason):
    """Answer every request with reason, an error of the judge's own (a
    worker whose protections could not be set up runs nothing)."""
    while True:
        request, _ = protocol.receive(sock)
        if request is None:
            return
        protocol.send(sock, {"ok": False, "seq": request["seq"], "error": {
            "type": "WorkerSetupError", "message": reason,
            "harness": True}})


def work(sock_fd, out_fd, directory, place, limits, needs, config,
         failed=None):
    """Confine this process, then serve; never returns. failed: what
    went wrong before (the worker then serves nothing)."""
    try:
        sock = descriptors(sock_fd, out_fd)
        try:
            if failed is not None:
                raise failed
            confine(directory, place, limits, needs, config, sock)
        except Exception as error:
            refuse(sock, "the judge could not set up the worker ({}: {})"
                   .format(type(error).__name__, error))
        else:
            serve(sock)
    finally:
        os._exit(0)


def start(sock_fd, out_fd, request, config):
    """The process the fork server forked for a worker (request: the
    zygote's spawn request). At the level namespaces it enters new
    namespaces and forks: the child, the first process of its process-id
    namespace, is the worker; this process waits for it and ends as it
    ends (the judge knows this one's pid, and its end kills the worker).
    Never returns."""
    arguments = (request["spawn"], request["place"], request["limits"],
                 request["needs"], config)
    if config["level"] == "namespaces":
        try:
            child = isolation.enter_worker()
        except OSError as error:
            work(sock_fd, out_fd, *arguments, failed=error)
        if child:
            die_with_parent()
            for fd in (sock_fd, out_fd):
                os.close(fd)
            isolation.wait_and_mirror(child)
    work(sock_fd, out_fd, *arguments)


def zygote(control_fd, config):
    """Fork workers on request until the judge goes away.

    config: isolation.Isolation.config(); at the level namespaces the
    fork server first enters its network namespace (and, as another user
    than root, its user namespace).
    Requests on the control socket (SOCK_SEQPACKET, one JSON per packet):
    {"spawn": DIR, "place": PLACE, "limits": {...}, "needs": [...]} with
    the worker's socket and output pipe attached, answered {"pid": PID};
    {"status": PID}, answered {"status": wait status} once PID has ended
    (the judge kills it first).
    """
    die_with_parent()
    become_subreaper()
    os.chdir("/")
    if config["level"] == "namespaces":
        isolation.enter_zygote(config)
    keep_private()  # after its user namespace's maps are written
    control = socket.socket(fileno=control_fd)
    ended = {}
    while True:
        try:
            data, fds, _, _ = socket.recv_fds(control, 65536, 2)
        except OSError:
            data = b""
        if not data:
            os._exit(0)
        request = json.loads(data.decode())
        if "spawn" in request:
            pid = os.fork()
            if pid == 0:
                control.close()
                start(fds[0], fds[1], request, config)
            for fd in fds:
                os.close(fd)
            control.send(json.dumps({"pid": pid}).encode())
        else:
            pid = request["status"]
            while pid not in ended:
                try:
                    done, status = os.waitpid(-1, 0)
                except ChildProcessError:
                    ended[pid] = None
                    break
                ended[done] = status
            control.send(json.dumps({"status": ended.pop(pid)}).encode())
        while True:  # reap orphans adopted since, keeping their status
            try:
                done, status = os.waitpid(-1, os.WNOHANG)
            except ChildProcessError:
                break
            if done == 0:
                break
            ended[done] = status


if __name__ == "__main__":
    if sys.argv[1] == "zygote":
        zygote(int(sys.argv[2]), json.loads(sys.argv[3]))
    else:
        work(int(sys.argv[2]), 1, sys.argv[3], sys.argv[4],
             json.loads(sys.argv[5]), json.loads(sys.argv[6]),
             json.loads(sys.argv[7]))
