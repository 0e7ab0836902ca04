#!/usr/bin/env python3
"""Runs a command (a benchmark) and prints how the machine's CPU time was split between the parts
of the stack while it ran: where the cores went decides which part to make cheaper.

Two splits are printed: over the whole command (set-up included: creating users, logging in, JIT
warm-up of Maven and Gatling), and over Gatling's injection alone, from its "Simulation ...
started" line to its "Parsing log file(s)" line (warm-up, measured window and drain), which
is what the load itself cost.

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
    if "gatling" in cmdline or "maven" in cmdline or "mvnw" in cmdline:
        return "the benchmark (Maven, Gatling)"
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


def machine_busy():
    """Busy and total jiffies of all cores since boot (/proc/stat)."""
    with open("/proc/stat") as f:
        values = [int(v) for v in f.readline().split()[1:]]
    idle = values[3] + values[4]
    return sum(values) - idle, sum(values)


def print_split(title, used, wall, busy):
    cores = os.cpu_count()
    print(f"\n{title} over {wall:.0f} s of wall time ({cores} cores):")
    total = 0
    for part, seconds in sorted(used.items(), key=lambda kv: -kv[1]):
        if seconds >= 0.05:
            total += seconds
            print(f"  {part:30s} {seconds:8.1f} s  {100 * seconds / (wall * cores):5.1f} % of the machine")
    print(f"  {'total':30s} {total:8.1f} s  {100 * total / (wall * cores):5.1f} % of the machine")
    if busy is not None:
        print(f"  {'machine busy (/proc/stat)':30s} {'':8s}    {100 * busy:5.1f} %")


def diff(before, after):
    hz = os.sysconf("SC_CLK_TCK")
    used = {}
    for pid, (t, part) in after.items():
        used[part] = used.get(part, 0) + (t - before.get(pid, (0, part))[0]) / hz
    return used


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    before = snapshot()
    children = os.times()
    start = time.monotonic()
    window = {}
    with subprocess.Popen(sys.argv[1:], stdout=subprocess.PIPE, text=True, errors="replace") as run:
        for line in run.stdout:
            sys.stdout.write(line)
            sys.stdout.flush()
            if "Simulation " in line and " started" in line and "start" not in window:
                window["start"] = (snapshot(), time.monotonic(), machine_busy())
            elif line.startswith("Parsing log file") and "start" in window and "end" not in window:
                window["end"] = (snapshot(), time.monotonic(), machine_busy())
        status = run.wait()
    wall = time.monotonic() - start
    after = snapshot()
    ended = os.times()
    used = diff(before, after)
    used.pop("the benchmark (Maven, Gatling)", None)
    # NOTE: the command and everything it started and waited for (Maven, the forked Gatling JVM)
    # have ended by now; the kernel adds their time to ours as waited-for children.
    used["the benchmark (Maven, Gatling)"] = (
        ended.children_user + ended.children_system - children.children_user - children.children_system
    )
    print_split("CPU time by part, the whole command,", used, wall, None)
    if "end" in window:
        (s0, t0, b0), (s1, t1, b1) = window["start"], window["end"]
        busy = (b1[0] - b0[0]) / max(1, b1[1] - b0[1])
        print_split("CPU time by part, Gatling's injection only,", diff(s0, s1), t1 - t0, busy)
    sys.exit(status)


if __name__ == "__main__":
    main()
