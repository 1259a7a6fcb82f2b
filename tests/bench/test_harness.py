"""The benchmark's own measuring tools (bench/harness.py)."""

import subprocess
import sys
import time
import uuid

from bench.harness import cpu_by_role


def test_the_cpu_of_a_child_that_ended_between_two_readings_stays_with_its_role():
    """A PostgreSQL backend that closes between two readings took its CPU with it, and a run's PostgreSQL figure
    came out negative. Its parent (the postmaster) keeps it as its ended children's time."""
    marker = f"ocop-cpu-probe-{uuid.uuid4().hex}"  # names the parent only: the busy child is not matched alive
    parent_code = (
        "import resource, subprocess, sys, time\n"
        "time.sleep(0.5)\n"
        "subprocess.run([sys.executable, '-c', 'sum(range(20_000_000))'], check=True)\n"
        "usage = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
        "print(usage.ru_utime + usage.ru_stime, flush=True)\n"
        "time.sleep(30)\n"
    )
    roles = (("probe", marker),)
    parent = subprocess.Popen([sys.executable, "-c", parent_code, marker], stdout=subprocess.PIPE, text=True)
    try:
        time.sleep(0.2)
        before = cpu_by_role(roles).get("probe", 0)
        child_seconds = float(parent.stdout.readline())  # the child has ended and been waited for
        after = cpu_by_role(roles).get("probe", 0)
    finally:
        parent.kill()
        parent.wait()
    assert child_seconds > 0.05
    assert after - before >= child_seconds - 0.02  # clock ticks: 10 ms each
