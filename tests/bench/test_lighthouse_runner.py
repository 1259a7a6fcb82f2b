"""The Lighthouse runner (bench/lighthouse.py): a run Lighthouse itself asks to repeat is repeated; any other
failure stops the benchmark."""

import subprocess

import pytest

from bench import lighthouse

LOST_TRACE = (
    "Runtime error encountered: Something went wrong with recording the trace over your page load. "
    "Please run Lighthouse again. (NO_NAVSTART)"
)


@pytest.fixture
def lighthouse_answers(monkeypatch):
    """Each Lighthouse process the runner starts takes the next (return code, stderr) of the list."""
    answers, started = [], []

    def fake_run(command, **kwargs):
        started.append(command[1])
        code, stderr = answers.pop(0)
        return subprocess.CompletedProcess(command, code, stdout='{"report": %d}' % len(started), stderr=stderr)

    monkeypatch.setattr(lighthouse.subprocess, "run", fake_run)
    return answers, started


def test_a_lost_trace_is_run_again(lighthouse_answers):
    answers, started = lighthouse_answers
    answers += [(1, LOST_TRACE), (0, "")]
    assert lighthouse.audit("http://127.0.0.1:1/") == {"report": 2}
    assert started == ["http://127.0.0.1:1/"] * 2


def test_lost_traces_give_up_after_three_runs(lighthouse_answers):
    answers, started = lighthouse_answers
    answers += [(1, LOST_TRACE)] * 3
    with pytest.raises(lighthouse.LighthouseAskedForARerun):
        lighthouse.audit("http://127.0.0.1:1/")
    assert len(started) == 3


def test_any_other_failure_is_not_run_again(lighthouse_answers):
    answers, started = lighthouse_answers
    answers += [(1, "Chrome could not be launched"), (0, "")]
    with pytest.raises(RuntimeError, match="Chrome could not be launched"):
        lighthouse.audit("http://127.0.0.1:1/")
    assert len(started) == 1
