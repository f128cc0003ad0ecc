#!/usr/bin/env python3
"""Bench-scope Standard Webhooks receiver for bench/alerts.sh (issue 17).

Usage: webhook-receiver.py PORT SECRET OUT_FILE

Listens on 127.0.0.1:PORT, path /hook. For every POST it checks the Standard Webhooks headers (webhook-id,
webhook-timestamp within 5 minutes, webhook-signature = v1,base64(HMAC-SHA256(key, id + "." + timestamp + "." + body)),
key = base64 after whsec_ or the secret's UTF-8 bytes) and answers 401 when they are wrong, 200 otherwise. Each alert of
an accepted message becomes one line in OUT_FILE: "<received epoch ms> <alert id> <message id> <alerts in message>";
a refused message becomes "<received epoch ms> BAD_SIGNATURE <message id> 0". Not a product component.
"""
import base64
import hashlib
import hmac
import json
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PORT, SECRET, OUT = int(sys.argv[1]), sys.argv[2], sys.argv[3]
KEY = base64.b64decode(SECRET[6:]) if SECRET.startswith("whsec_") else SECRET.encode()
LOCK = threading.Lock()
OUT_FILE = open(OUT, "a", buffering=1)


def signature_ok(msg_id, ts, body, header):
    if not msg_id or not ts or not header:
        return False
    try:
        if abs(time.time() - int(ts)) > 300:
            return False
    except ValueError:
        return False
    expected = base64.b64encode(hmac.new(KEY, f"{msg_id}.{ts}.".encode() + body, hashlib.sha256).digest()).decode()
    # The header may carry several space-separated signatures ("v1,abc v1,def").
    return any(s.startswith("v1,") and hmac.compare_digest(s[3:], expected) for s in header.split())


class Hook(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_POST(self):
        now_ms = int(time.time() * 1000)
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        msg_id = self.headers.get("webhook-id")
        ok = self.path == "/hook" and signature_ok(msg_id, self.headers.get("webhook-timestamp"), body,
                                                   self.headers.get("webhook-signature"))
        lines = []
        if ok:
            try:
                alerts = json.loads(body)["data"]["alerts"]
                lines = [f"{now_ms} {a['id']} {msg_id} {len(alerts)}" for a in alerts]
            except (ValueError, KeyError, TypeError):
                ok = False
        if not ok:
            lines = [f"{now_ms} BAD_SIGNATURE {msg_id} 0"]
        with LOCK:
            OUT_FILE.write("\n".join(lines) + "\n")
        self.send_response(200 if ok else 401)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


ThreadingHTTPServer(("127.0.0.1", PORT), Hook).serve_forever()
