#!/usr/bin/env python3
"""Stops the test servers when the test process ends, however it ends.

Usage: supervisor.py PARENT_PID SERVE_REGISTRY_SCRIPT
Reads lines from stdin: "pid N" (a process to terminate), "state DIR" (a registry started by
serve-registry.sh, stopped with its `stop` command) or "dir DIR" (a folder to remove). Cleans up when PARENT_PID is gone or stdin
closes, so servers never outlive a crashed test run.
"""
import os
import shutil
import signal
import subprocess
import sys
import threading
import time

# The test process blocks signals that its children inherit; servers must die on SIGTERM.
signal.pthread_sigmask(signal.SIG_SETMASK, [])
for number in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
    signal.signal(number, signal.SIG_DFL)

parent, script = int(sys.argv[1]), sys.argv[2]
pids, states, folders = [], [], []
lock = threading.Lock()
closed = threading.Event()


def read_commands():
    for line in sys.stdin:
        kind, _, value = line.strip().partition(" ")
        with lock:
            if kind == "pid":
                pids.append(int(value))
            elif kind == "state":
                states.append(value)
            elif kind == "dir":
                folders.append(value)
    closed.set()


def parent_alive():
    try:
        os.kill(parent, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


threading.Thread(target=read_commands, daemon=True).start()
while parent_alive() and not closed.is_set():
    time.sleep(0.3)

with lock:
    for pid in pids:
        try:
            os.kill(pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
    for state in states:
        subprocess.run([script, "stop", state], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for folder in folders:
        shutil.rmtree(folder, ignore_errors=True)
