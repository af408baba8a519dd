"""Generated client: can a consumer generate a Python client from /api/v1/openapi.json and
read every list, every detail and a CSV with it, without touching the generated code?

    .venv/bin/python bench/client.py

Recreates its own database (passend_bench_client on BENCH_DATABASE_URL's server, default
postgres://postgres@127.0.0.1:5432/), loads the programme, serves it with Django's
runserver on a free port, and installs openapi-python-client (0.29.x, with
python-dateutil, which the generated code imports) into a virtualenv of its own under
~/.cache/passend. It generates the client with ``--fail-on-warning`` and then, with that
virtualenv's Python, calls every ``*_list`` operation (all pages), every ``*_retrieve``
with the example from the document (and the programme bundle and the index), and every
CSV download. Each parsed answer must be
the documented model (not a problem document), hold no field the model does not know
(``additional_properties``), and give the JSON back unchanged through ``to_dict()``; each
CSV must have one row per item of its list. Exit status 1 when anything fails.
"""
import io
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SERVER = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/").rsplit("/", 1)[0]
DATABASE = "passend_bench_client"
TOOL = "openapi-python-client>=0.29,<0.30"
TOOL_DIR = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "passend" / "openapi-python-client-0.29"

# Runs in the tool's virtualenv, with the generated package importable.
CHECK = r'''
import csv, importlib, io, json, pkgutil, sys
import passend_client.api
from passend_client import Client
from passend_client.models import Probleem

base_url, document = sys.argv[1], json.load(open(sys.argv[2]))
client = Client(base_url=base_url, raise_on_unexpected_status=True, timeout=60)
examples = {
    operation["operationId"]: {
        parameter["name"]: parameter.get("example")
        for parameter in operation.get("parameters", []) if parameter["in"] == "path"
    }
    for path in document["paths"].values() for operation in path.values()
}
failures, counts, lines = [], {}, []


def check_model(name, parsed, raw):
    if parsed is None or isinstance(parsed, Probleem):
        failures.append(f"{name}: not the documented model: {parsed!r}"[:300])
        return
    if parsed.to_dict() != raw:
        failures.append(f"{name}: to_dict() differs from the JSON")
    stack = [parsed]
    while stack:
        item = stack.pop()
        # A model with nothing but additional_properties is a documented map (the index's links).
        if getattr(item, "additional_properties", None) and len(item.__attrs_attrs__) > 1:
            failures.append(f"{name}: fields the model does not know: {sorted(item.additional_properties)}")
        for field in item.__attrs_attrs__:
            value = getattr(item, field.name)
            stack += [part for part in (value if isinstance(value, list) else [value])
                      if hasattr(part, "__attrs_attrs__")]


modules = {
    info.name.rsplit(".", 1)[1]: importlib.import_module(info.name)
    for info in pkgutil.walk_packages(passend_client.api.__path__, "passend_client.api.")
    if not info.ispkg
}
for name, module in sorted(modules.items()):
    if name.endswith("_list"):
        page, total = 1, 0
        while True:
            response = module.sync_detailed(client=client, pagina=page, pagina_grootte=200)
            check_model(f"{name} page {page}", response.parsed, json.loads(response.content))
            body = response.parsed
            total += len(body.resultaten)
            if body.volgende is None:
                break
            page += 1
        counts[name.removesuffix("_list")] = total
        lines.append(f"{name}: {total} items in {page} page(s)")
    elif (name.endswith("_retrieve") or name == "index") and not name.startswith("concept"):
        response = module.sync_detailed(client=client, **examples[name])
        check_model(name, response.parsed, json.loads(response.content))
        lines.append(f"{name}({', '.join(examples[name].values())}): {type(response.parsed).__name__}")
for name, module in sorted(modules.items()):
    if name.endswith("_csv"):
        text = module.sync(client=client)
        rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=";"))
        expected = counts.get(name.removesuffix("_csv"))
        if not isinstance(text, str) or len(rows) - 1 != expected:
            failures.append(f"{name}: {len(rows) - 1} rows, the list has {expected}")
        lines.append(f"{name}: {len(rows) - 1} rows, {len(rows[0])} columns")
print("\n".join(lines))
print("\n".join(f"FAIL {failure}" for failure in failures) or "OK: every list, detail and CSV read without changes")
sys.exit(1 if failures else 0)
'''


def _run(*command: str, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(command, check=True, **kwargs)


def _tool() -> Path:
    python = TOOL_DIR / "bin" / "python"
    if not python.exists():
        _run(sys.executable, "-m", "venv", str(TOOL_DIR))
        _run(str(python), "-m", "pip", "install", "-q", TOOL, "python-dateutil>=2.8,<3")
    return TOOL_DIR


def _database_url() -> str:
    import psycopg

    with psycopg.connect(f"{SERVER}/postgres", autocommit=True) as connection:
        connection.execute(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")
        connection.execute(f"CREATE DATABASE {DATABASE}")
    return f"{SERVER}/{DATABASE}"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def main() -> int:
    tool = _tool()
    environment = {
        **os.environ, "DJANGO_SETTINGS_MODULE": "passend.settings.base", "DATABASE_URL": _database_url(),
        "CELERY_BROKER_URL": "", "API_ANON_THROTTLE_RATE": "100000/hour",
    }
    manage = [sys.executable, str(ROOT / "manage.py")]
    _run(*manage, "migrate", "-v", "0", env=environment)
    _run(*manage, "load_programme", env=environment, stdout=subprocess.DEVNULL)
    port = _free_port()
    server = subprocess.Popen([*manage, "runserver", "--noreload", f"127.0.0.1:{port}"], env=environment,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        for _attempt in range(120):
            try:
                urllib.request.urlopen(f"{base}/health/live", timeout=2)
                break
            except OSError:
                time.sleep(0.5)
        with tempfile.TemporaryDirectory() as work:
            work = Path(work)
            document = work / "openapi.json"
            document.write_bytes(urllib.request.urlopen(f"{base}/api/v1/openapi.json").read())
            config = work / "config.json"
            config.write_text(json.dumps({"post_hooks": []}))
            started = time.perf_counter()
            _run(str(tool / "bin" / "openapi-python-client"), "generate", "--path", str(document), "--meta", "none",
                 "--output-path", str(work / "passend_client"), "--config", str(config), "--fail-on-warning",
                 stdout=subprocess.DEVNULL)
            print(f"Generated with {TOOL} in {time.perf_counter() - started:.1f} s, no warnings")
            check = subprocess.run(
                [str(tool / "bin" / "python"), "-c", CHECK, f"{base}/api/v1", str(document)],
                cwd=work, stdout=subprocess.PIPE, text=True, check=False,
            )
            print(check.stdout, end="")
            return check.returncode
    finally:
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    sys.stdout = io.TextIOWrapper(sys.stdout.buffer, line_buffering=True)
    sys.exit(main())
