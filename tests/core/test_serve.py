"""`kampung serve`: the socket its workers share."""

from __future__ import annotations

import socket

from core.cli.serve import APP_FACTORY, _TcpConfig


def test_the_workers_shared_socket_is_declared_tcp_so_replies_are_not_held_back():
    """Declared TCP, asyncio sets TCP_NODELAY on every accepted connection; left at protocol 0
    (uvicorn's default with several workers), small keep-alive replies waited ~40 ms for the
    client's delayed ACK."""
    config = _TcpConfig(APP_FACTORY, factory=True, host="127.0.0.1", port=0, workers=2)
    shared = config.bind_socket()
    try:
        assert shared.proto == socket.IPPROTO_TCP
        shared.listen()
        client = socket.create_connection(shared.getsockname())
        accepted, _ = shared.accept()
        try:
            assert accepted.proto == socket.IPPROTO_TCP
        finally:
            accepted.close()
            client.close()
    finally:
        shared.close()
