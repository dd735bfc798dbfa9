"""10-lstm_backward: the judge's time, within every bound it sets. The
judge lets a stand-in's call cost 5e8 multiply-adds, a bound that holds
a BLAS product in float64 to a tenth of a second; float16 arrays are
numbers too, and numpy multiplies them without BLAS, some hundred times
slower. At import it asks the judge for LSTMCell.forward on a cell of
h = 350, i = o = 1 and m = 1000, all float16 (2.3 MB sent, 4.9e8
multiply-adds): about 5 s of the judge's own time, in one call, whatever
--time-limit says (with --time-limit=1, the judge notices after the
answer: its import "took longer than 1 s")."""
_H, _M = 350, 1000
_stand_in = _sys.modules["3-lstm_cell"].LSTMCell
_cell = _stand_in.__new__(_stand_in)
for _name in ("Wf", "Wu", "Wc", "Wo"):
    setattr(_cell, _name, np.full((_H + 1, _H), 0.01, dtype=np.float16))
for _name in ("bf", "bu", "bc", "bo"):
    setattr(_cell, _name, np.zeros((1, _H), dtype=np.float16))
_cell.Wy = np.ones((_H, 1), dtype=np.float16)
_cell.by = np.zeros((1, 1), dtype=np.float16)
_zeros = np.zeros((_M, _H), dtype=np.float16)
_cell.forward(_zeros, _zeros, np.zeros((_M, 1), dtype=np.float16))
