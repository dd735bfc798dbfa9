"""8-bi_rnn: prints 2 MB at once, at import, past the output limit."""
_sys.stdout.write("x" * (2 << 20))
_sys.stdout.flush()
