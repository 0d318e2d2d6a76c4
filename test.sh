#!/usr/bin/env bash
# README command 2: every test: unit tests, the CLI, and the tests against a real Apache James
# 3.8.1 (in-process and as a separate process with maelezo in extensions-jars/).
set -euo pipefail
cd "$(dirname "$0")"
. ./.ci/env.sh
mvn -B verify "$@"
