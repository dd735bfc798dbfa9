"""5-bi_forward: fills /tmp, /dev/shm, /var/tmp and its folder with
files of up to 100 MB each (named after MARK), and leaves them there;
its forward is right."""
_BLOCK = b"\0" * (1 << 20)
for _place in ("/tmp", "/dev/shm", "/var/tmp", "."):
    try:
        with open(_os.path.join(_place, _MARK + "-fill"), "wb") as _f:
            for _ in range(100):
                _f.write(_BLOCK)
    except OSError:
        pass
