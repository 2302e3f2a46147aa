#!/usr/bin/env python3
"""Concurrent clients of the server until STOP_FILE exists: each keeps one
connection and cycles through searches. usage: api_load.py URL CLIENTS STOP_FILE
Prints {"requests": N, "failed": N, "errors": [first few]} as JSON."""
import http.client
import json
import os
import sys
import threading
import urllib.parse

PATHS = ["/api/search?q=tariffs&facet=tag&facet=place", "/api/search?n=0&facet=month",
         "/api/search?q=korea&sort=newest&n=5", "/api/search?q=climate&filter=section%3DWorld",
         "/api/facet/author?prefix=m", "/healthz"]


def client(url, stop_file, out, lock):
    u = urllib.parse.urlparse(url)
    conn = http.client.HTTPConnection(u.hostname, u.port, timeout=30)
    n = failed = 0
    errors = []
    while not os.path.exists(stop_file):
        path = PATHS[n % len(PATHS)]
        n += 1
        try:
            conn.request("GET", path)
            r = conn.getresponse()
            body = r.read()
            if r.status != 200:
                failed += 1
                errors.append("%s -> %d %s" % (path, r.status, body[:200]))
        except Exception as e:  # a dropped connection counts as a failure
            failed += 1
            errors.append("%s -> %r" % (path, e))
            conn.close()
            conn = http.client.HTTPConnection(u.hostname, u.port, timeout=30)
    with lock:
        out["requests"] += n
        out["failed"] += failed
        out["errors"] += errors[:5]


def main():
    url, clients, stop_file = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    out = {"requests": 0, "failed": 0, "errors": []}
    lock = threading.Lock()
    threads = [threading.Thread(target=client, args=(url, stop_file, out, lock))
               for _ in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    print(json.dumps(out))


if __name__ == "__main__":
    main()
