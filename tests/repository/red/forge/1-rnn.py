"""1-rnn: leaves a process behind (a new session, a double fork) that
sleeps, then writes a results.json of 110 points over the judge's
--results, after the grading; its rnn is right."""
import subprocess as _subprocess

_TARGET = _option("--results") or "/tmp/" + _MARK + "-results.json"
_subprocess.Popen(
    [_sys.executable, "-c", "import sys, time; time.sleep(float(sys.argv[1]))"
     "; open(sys.argv[2], 'w').write(sys.argv[3])", "1." + _MARK[-6:],
     _TARGET, _json.dumps({"score": 110, "tests": []})],
    start_new_session=True, stdin=_subprocess.DEVNULL,
    stdout=_subprocess.DEVNULL, stderr=_subprocess.DEVNULL)
