"""Long randomised runs of the suite's hypothesis tests: the form fuzzers and schemathesis
over the API's OpenAPI document, anonymous and with a staff token (by default).

    .venv/bin/python bench/fuzz.py                        # five random seeds, 500 / 100 examples
    .venv/bin/python bench/fuzz.py --seeds 1 2 3 --examples 2000 --api-examples 300
    .venv/bin/python bench/fuzz.py --tests \
        tests/test_input_hardening.py::test_fuzzed_quick_status_never_gives_a_server_error

In CI the same tests run derandomised with a small fixed budget (the "ci" profile in
tests/conftest.py), so that CI gives the same answer twice. Here each seed explores
other inputs (the "fuzz" profile). A failure prints the falsifying example and the seed
that reproduces it (`--seeds N`); turn it into a plain test in tests/ and fix it.

The suite's limit of ten minutes a test (pytest-timeout, for hangs in CI) is raised here
in proportion to the examples: schemathesis runs every operation inside one test, and a
limit that fires mid-run fails whichever operation is running then, which hypothesis
reports as a failure that does not reproduce ("FlakyFailure").

Uses its own test database (`passend_fuzz` on the server of BENCH_DATABASE_URL, default
postgres://postgres@127.0.0.1:5432; `--database` names another), so it can run beside
the suite, and the Celery broker of CELERY_BROKER_URL (default Redis db 13).
"""

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_TESTS = [
    "tests/test_input_hardening.py::test_fuzzed_measure_form_never_gives_a_server_error",
    "tests/test_input_hardening.py::test_fuzzed_quick_status_never_gives_a_server_error",
    "tests/api/test_schema.py::test_fuzzing_finds_no_server_error_and_no_undocumented_response",
    "tests/api/test_schema.py::test_fuzzing_as_staff_finds_no_server_error",
]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, nargs="*", help="seeds to run (default: five random ones)")
    parser.add_argument("--examples", type=int, default=500, help="examples per test and seed (form fuzzers)")
    parser.add_argument("--api-examples", type=int, default=100,
                        help="examples per API operation and seed (schemathesis)")
    parser.add_argument("--database", default="passend_fuzz",
                        help="database name (pytest-django tests on test_<name>)")
    parser.add_argument("--tests", nargs="*", default=DEFAULT_TESTS, help="pytest node ids")
    parser.add_argument("--timeout", type=int,
                        help="seconds per test before pytest-timeout stops it (default: the suite's 600 s, "
                             "times the examples over CI's budget)")
    args = parser.parse_args()
    # CI's budget (tests/conftest.py, tests/api/test_schema.py) fits in the suite's 600 s.
    timeout = args.timeout or int(600 * max(1, args.examples / 50, args.api_examples / 20))
    seeds = args.seeds or [random.randrange(2**32) for _ in range(5)]

    server = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432").rstrip("/")
    env = dict(
        os.environ,
        DATABASE_URL=f"{server}/{args.database}",
        CELERY_BROKER_URL=os.environ.get("CELERY_BROKER_URL", "redis://127.0.0.1:6379/13"),
        HYPOTHESIS_PROFILE="fuzz",
        FUZZ_EXAMPLES=str(args.examples),
        FUZZ_API_EXAMPLES=str(args.api_examples),
    )
    print(f"{'seed':>12}  {'result':<8}  {'seconds':>8}")
    failed = []
    for seed in seeds:
        started = time.monotonic()
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "pytest",
                "-q",
                "-p",
                "no:cacheprovider",
                "--no-header",
                f"--hypothesis-seed={seed}",
                f"--timeout={timeout}",
                *args.tests,
            ],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
        )
        verdict = "ok" if result.returncode == 0 else "FAILED"
        print(f"{seed:>12}  {verdict:<8}  {time.monotonic() - started:>8.1f}", flush=True)
        if result.returncode != 0:
            failed.append(seed)
            # The whole output: the falsifying examples of schemathesis come before its
            # long list of warnings.
            log = Path(tempfile.gettempdir()) / f"passend-fuzz-{seed}.log"
            log.write_text(result.stdout + result.stderr)
            print(result.stdout[-6000:], file=sys.stderr)
            print(f"Volledige uitvoer: {log}", file=sys.stderr)
            if "from pytest-timeout" in result.stdout:
                print(f"A test ran longer than {timeout} s and was stopped: the operation named is where "
                      "it was stopped, not a finding (--timeout).", file=sys.stderr)
    print(f"{len(seeds) - len(failed)} of {len(seeds)} seeds passed, {args.examples} examples per form test, "
          f"{args.api_examples} per API operation and seed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
