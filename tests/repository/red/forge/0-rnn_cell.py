"""0-rnn_cell: forges its verdict. At import it prints a fake report and
writes a results.json of 110 points wherever it can: the judge's
--results (found in the command lines above it), its own folder and
/tmp; its forward is wrong (zeros), so its honest score is 0 for
results."""
_FAKE = _json.dumps({"score": 110, "output": "FAKE" + _MARK, "tests": []})
print("=" * 20, "377 passed in 0.50s", "=" * 20)
print("total" + " " * 60 + "110/110")
for _path in (_option("--results"), "results.json", "/tmp/results.json"):
    try:
        with open(_path, "w") as _f:
            _f.write(_FAKE)
    except (OSError, TypeError):
        pass


class RNNCell(RNNCell):
    """The plain cell, whose forward gives zeros."""

    def forward(self, h_prev, x_t):
        """Zeros of the right shapes."""
        h, o = self.Wy.shape
        y = np.zeros((h_prev.shape[0], o))
        return np.zeros_like(h_prev), y
