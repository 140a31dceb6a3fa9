#!/usr/bin/env bash
# The search backends' one conformance suite (and the indexing tests) against the compose Elasticsearch:
#   bash scripts/es_conformance.sh [pytest options]
# Needs Docker and a .env (cp .env.example .env; set ELASTIC_PASSWORD). The cluster is published on
# 127.0.0.1:${ES_TEST_PORT:-9200} for this run only (scripts/compose.es-test.yml); without it the
# Elasticsearch half of the suite is skipped, saying so.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f .env ] || { echo "no .env: cp .env.example .env and set ELASTIC_PASSWORD" >&2; exit 1; }
ELASTIC_PASSWORD=$(grep -E '^ELASTIC_PASSWORD=' .env | cut -d= -f2-)
docker compose -f docker-compose.yml -f scripts/compose.es-test.yml up -d --wait elasticsearch
CLAIMDEX_ELASTICSEARCH_URL="http://elastic:${ELASTIC_PASSWORD}@127.0.0.1:${ES_TEST_PORT:-9200}" \
  .venv/bin/pytest tests/indexers tests/claims/test_indexing.py -q -rs "$@"
