"""The committed OpenAPI document is current; docker-compose.yml follows the Compose Spec."""

from __future__ import annotations

import json
from pathlib import Path

import yaml
from jsonschema import Draft7Validator

from levier.openapi import render

REPO = Path(__file__).resolve().parents[3]
SHARED = REPO.parent / "shared"


class TestOpenAPIFile:
    def test_committed_document_is_not_stale(self):
        committed = (REPO / "openapi" / "openapi.json").read_text(encoding="utf-8")
        assert committed == render(), "openapi/openapi.json is stale: run `make openapi`"

    def test_operation_ids_are_tag_then_name(self):
        document = json.loads(render())
        for path, operations in document["paths"].items():
            for method, operation in operations.items():
                tag = operation["tags"][0]
                assert operation["operationId"].startswith(f"{tag}-"), (method, path)


class TestComposeFile:
    def test_valid_against_the_official_compose_specification(self):
        schema = json.loads((SHARED / "standards" / "compose" / "compose-spec.json").read_text())
        document = yaml.safe_load((REPO / "docker-compose.yml").read_text())
        errors = sorted(Draft7Validator(schema).iter_errors(document), key=str)
        assert errors == [], [e.message for e in errors]

    def test_database_has_a_volume_and_health_check_and_api_waits_for_it(self):
        document = yaml.safe_load((REPO / "docker-compose.yml").read_text())
        services = document["services"]
        assert "healthcheck" in services["db"]
        assert any("/var/lib/postgresql/data" in v for v in services["db"]["volumes"])
        assert services["api"]["depends_on"]["db"]["condition"] == "service_healthy"
        assert "levier migrate" in " ".join(services["api"]["command"])
        assert services["api"]["environment"]["LEVIER_ENVIRONMENT"] == "production"

    def test_only_the_web_container_may_set_forwarded_headers(self):
        document = yaml.safe_load((REPO / "docker-compose.yml").read_text())
        services = document["services"]
        environment = services["api"]["environment"]
        assert "FORWARDED_ALLOW_IPS" not in environment
        web_address = services["web"]["networks"]["levier"]["ipv4_address"]
        assert environment["LEVIER_TRUSTED_PROXIES"] == web_address


class TestWebServerHeaders:
    def test_nginx_sends_the_policy_the_api_sends_for_the_app(self):
        from levier.core.headers import COMMON, SPA_POLICY

        snippet = (REPO / "frontend" / "security-headers.conf").read_text()
        assert f'add_header Content-Security-Policy "{SPA_POLICY}" always;' in snippet
        for name, value in COMMON.items():
            assert f'add_header {name} "{value}" always;' in snippet
        nginx = (REPO / "frontend" / "nginx.conf").read_text()
        assert nginx.count("include /etc/nginx/snippets/levier-security-headers.conf;") == 2
        dockerfile = (REPO / "frontend" / "Dockerfile").read_text()
        assert "/etc/nginx/snippets/levier-security-headers.conf" in dockerfile
