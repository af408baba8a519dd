"""The OpenAPI document passes the NLGov API Design Rules linter (Logius's Spectral
ruleset, kept in nlgov-adr-linter.yaml): no errors and no warnings.

scripts/setup installs Spectral into .venv/bin, so a local run checks what CI checks.
"""
import json
import subprocess
import sys
from pathlib import Path

import pytest

SPECTRAL = Path(sys.executable).parent / "spectral"
RULESET = Path(__file__).with_name("nlgov-adr-linter.yaml")
SEVERITIES = {0: "error", 1: "warning", 2: "info", 3: "hint"}


def lint(document: Path) -> list[str]:
    """Spectral's findings as readable lines ("error nlgov:…: message at path")."""
    assert SPECTRAL.exists(), "Spectral is missing: run scripts/setup, which installs it into .venv/bin."
    result = subprocess.run(
        [str(SPECTRAL), "lint", "--quiet", "--format", "json", "--fail-severity", "hint",
         "--ruleset", str(RULESET), str(document)],
        capture_output=True, text=True, timeout=300, check=False,
    )
    assert result.returncode in (0, 1), result.stderr
    findings = json.loads(result.stdout or "[]")
    return [
        f"{SEVERITIES[item['severity']]} {item['code']}: {item['message']} at {'.'.join(map(str, item['path']))}"
        for item in findings
    ]


@pytest.mark.django_db
def test_the_openapi_document_passes_the_nlgov_linter(client, tmp_path):
    document = tmp_path / "openapi.json"
    document.write_bytes(client.get("/api/v1/openapi.json").content)
    assert lint(document) == []


def test_the_linter_finds_what_the_rules_forbid(tmp_path):
    """The linter itself works here: a document without servers and contact fails."""
    document = tmp_path / "openapi.json"
    document.write_text(json.dumps({
        "openapi": "3.0.3",
        "info": {"title": "t", "version": "1.0.0"},
        "paths": {"/Items/": {"get": {"responses": {"200": {"description": "ok"}}}}},
    }))
    codes = {line.split()[1].rstrip(":") for line in lint(document)}
    assert {"oas3-api-servers", "info-contact", "nlgov:missing-header", "path-keys-no-trailing-slash"} <= codes
