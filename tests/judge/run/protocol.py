"""The messages between the judge and a worker.

A message is a frame: a 12-byte header (b"JDG2", the length of a JSON
object, the length of the arrays), the JSON object, then the arrays' raw
bytes one after another. The JSON object describes each array ("arrays":
[name, dtype, shape, length]): only numbers, booleans and text, never
objects, so a frame can hold numbers and text, never code.

The worker's side (send, receive) trusts the judge. The judge's side reads
a reply incrementally (Reader) and decodes it with limits (decode): the
reply comes from a process that runs submitted code.
"""
import json
import struct

import numpy as np

HEADER = struct.Struct(">4sII")
MAGIC = b"JDG2"
# the kinds of arrays a frame may hold: booleans, integers, floats,
# complex numbers, text
KINDS = "biufcUS"
MOST_AXES = 8


def pack(message, arrays=None):
    """The frame of a JSON-able message and a dict of arrays."""
    index, parts = [], []
    for name, value in (arrays or {}).items():
        array = np.asarray(value)
        if not array.flags.c_contiguous:
            array = array.copy(order="C")
        if array.dtype.kind not in KINDS or array.dtype.fields is not None:
            raise ValueError("{}: an array of {} cannot be sent".format(
                name, array.dtype))
        index.append([name, array.dtype.str, list(array.shape),
                      array.nbytes])
        parts.append(array.tobytes())
    text = json.dumps(dict(message, arrays=index)).encode()
    data = b"".join(parts)
    return HEADER.pack(MAGIC, len(text), len(data)) + text + data


def dtype_of(text) -> np.dtype:
    """The dtype a frame names, if it is one a frame may hold."""
    if not isinstance(text, str) or len(text) > 8:
        raise ValueError("not a dtype")
    found = np.dtype(text)
    if found.kind not in KINDS or found.fields is not None or \
            found.shape != () or found.itemsize == 0:
        raise ValueError("not a dtype a frame may hold")
    return found


def unpack_arrays(index, data):
    """The arrays of a frame: index [[name, dtype, shape, length], ...]
    over data."""
    arrays, start = {}, 0
    for name, dtype, shape, length in index:
        found = dtype_of(dtype)
        if not isinstance(shape, list) or len(shape) > MOST_AXES or not all(
                isinstance(k, int) and not isinstance(k, bool) and k >= 0
                for k in shape):
            raise ValueError("not a shape")
        if int(np.prod(shape, dtype=np.int64)) * found.itemsize != length \
                or start + length > len(data):
            raise ValueError("an array's length does not fit its shape")
        arrays[str(name)] = np.frombuffer(
            bytearray(data[start:start + length]), dtype=found).reshape(
                shape)
        start += length
    if start != len(data):
        raise ValueError("arrays of {} bytes, records of {}".format(
            len(data), start))
    return arrays


def receive(sock):
    """The next (message, arrays) from sock, or (None, None) at its end.

    For the worker, whose peer (the judge) is trusted."""
    header = read_exactly(sock, HEADER.size)
    if header is None:
        return None, None
    magic, text_size, data_size = HEADER.unpack(header)
    if magic != MAGIC:
        raise ValueError("not a judge frame")
    body = read_exactly(sock, text_size + data_size)
    if body is None:
        return None, None
    message = json.loads(body[:text_size].decode())
    return message, unpack_arrays(message.pop("arrays"), body[text_size:])


def read_exactly(sock, size):
    """size bytes from sock, or None if it ends first."""
    parts = []
    while size:
        part = sock.recv(min(size, 1 << 20))
        if not part:
            return None
        parts.append(part)
        size -= len(part)
    return b"".join(parts)


def send(sock, message, arrays=None):
    """Send one frame on sock."""
    sock.sendall(pack(message, arrays))


class Garbled(Exception):
    """A reply that is not a well-formed frame within the limits."""


class Reader:
    """Collects one reply frame from bytes as they arrive (judge side)."""

    def __init__(self, limit):
        """limit: the largest frame accepted, in bytes."""
        self.limit = limit
        self.buffer = bytearray()
        self.size = None

    def feed(self, chunk):
        """Add received bytes; True once the frame is complete."""
        self.buffer += chunk
        if self.size is None and len(self.buffer) >= HEADER.size:
            magic, text_size, data_size = HEADER.unpack(
                bytes(self.buffer[:HEADER.size]))
            if magic != MAGIC:
                raise Garbled("a reply that is not a judge frame")
            self.size = HEADER.size + text_size + data_size
            if self.size > self.limit:
                raise Garbled("a reply of {} bytes, more than the {} "
                              "allowed".format(self.size, self.limit))
        if self.size is not None and len(self.buffer) > self.size:
            raise Garbled("more bytes than one reply")
        return self.size is not None and len(self.buffer) == self.size

    def decode(self):
        """The complete frame's (message, arrays); Garbled if malformed."""
        _, text_size, _ = HEADER.unpack(bytes(self.buffer[:HEADER.size]))
        body = bytes(self.buffer[HEADER.size:])
        try:
            message = json.loads(body[:text_size].decode())
            arrays = unpack_arrays(message.pop("arrays"), body[text_size:])
        except Exception as error:
            raise Garbled("a reply that could not be read ({})".format(
                type(error).__name__)) from None
        return message, arrays
