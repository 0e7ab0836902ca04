#!/usr/bin/env python3
"""Runs a command (a benchmark) and prints how the machine's CPU time was split between the parts
of the stack while it ran: where the cores went decides which part to make cheaper.

usage: benchmarks/cpu-split.py <command> [args...]
"""
import os
import subprocess
import sys
import time

PARTS = [
    ("kafka.Kafka", "kafka"),
    ("keycloak", "keycloak"),
    ("identity-service", "identity"),
    ("post-service", "post"),
    ("timeline-service", "timeline"),
    ("moderation-service", "moderation"),
    ("greenmail", "greenmail"),
]


def part_of(cmdline, comm):
    for marker, part in PARTS:
        if marker in cmdline:
            return part
    if comm.startswith("postgres") or cmdline.startswith("postgres"):
        return "postgresql"
    if comm.startswith("nginx"):
        return "nginx"
    return "other"


def snapshot():
    ticks = {}
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            with open(f"/proc/{pid}/stat") as f:
                stat = f.read()
            with open(f"/proc/{pid}/cmdline", "rb") as f:
                cmdline = f.read().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        comm = stat[stat.index("(") + 1 : stat.rindex(")")]
        fields = stat[stat.rindex(")") + 2 :].split()
        # utime and stime are fields 14 and 15 of stat, 12 and 13 after the command name
        ticks[pid] = (int(fields[11]) + int(fields[12]), part_of(cmdline, comm))
    return ticks


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    before = snapshot()
    children = os.times()
    start = time.monotonic()
    status = subprocess.call(sys.argv[1:])
    wall = time.monotonic() - start
    after = snapshot()
    ended = os.times()
    hz = os.sysconf("SC_CLK_TCK")
    cores = os.cpu_count()
    used = {}
    for pid, (t, part) in after.items():
        used[part] = used.get(part, 0) + (t - before.get(pid, (0, part))[0]) / hz
    # NOTE: the command and everything it started and waited for (Maven, the forked Gatling JVM)
    # have ended by now; the kernel adds their time to ours as waited-for children.
    used["the benchmark (Maven, Gatling)"] = (
        ended.children_user + ended.children_system - children.children_user - children.children_system
    )
    print(f"\nCPU time by part over {wall:.0f} s of wall time ({cores} cores):")
    total = 0
    for part, seconds in sorted(used.items(), key=lambda kv: -kv[1]):
        if seconds >= 0.05:
            total += seconds
            print(f"  {part:28s} {seconds:8.1f} s  {100 * seconds / (wall * cores):5.1f} % of the machine")
    print(f"  {'total':28s} {total:8.1f} s  {100 * total / (wall * cores):5.1f} % of the machine")
    sys.exit(status)


if __name__ == "__main__":
    main()
