#!/usr/bin/env bash
# The two commands of the quick start:
#   bash dev.sh demo   set up and build the demo organisation's reports
#   bash dev.sh test   set up and run the whole test suite
set -euo pipefail
cd "$(dirname "$0")"

setup() {
    if [[ ! -x .venv/bin/python ]]; then
        python3 -m venv .venv
    fi
    .venv/bin/python -m pip install --quiet --upgrade pip
    .venv/bin/python -m pip install --quiet -e ".[test]"
}

case "${1:-}" in
    demo)
        setup
        shift
        .venv/bin/workbook demo "$@"
        ;;
    test)
        setup
        shift
        .venv/bin/ruff check workbook tests
        .venv/bin/ruff format --check workbook tests benchmarks
        .venv/bin/mypy
        .venv/bin/python -m pytest "$@"
        ;;
    *)
        echo "usage: bash dev.sh demo [DIR] | bash dev.sh test [pytest options]" >&2
        exit 2
        ;;
esac
