#!/usr/bin/env python3
"""A webhook receiver for the benchmark: answers 204 to every POST and counts them (GET /count tells how many).
With --silent it accepts connections and never answers (the sender's attempts time out)."""
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

count = 0
lock = threading.Lock()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_POST(self):
        global count
        self.rfile.read(int(self.headers.get("Content-Length", "0")))
        with lock:
            count += 1
        self.send_response(204)
        self.end_headers()

    def do_GET(self):
        body = str(count).encode()
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


if "--silent" in sys.argv:
    import socket
    held = []
    server = socket.create_server(("127.0.0.1", int(sys.argv[1])), backlog=128)
    while True:
        connection, _ = server.accept()
        held.append(connection)  # read nothing, answer nothing, keep it open
else:
    ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Handler).serve_forever()
