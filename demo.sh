#!/usr/bin/env bash
# README command 1: build maelezo, start a local Apache James 3.8.1 with maelezo installed and a
# local server that rejects mail, send a few failing mails and write their Swahili bounces to
# demo-output/. James keeps running for an IMAP client until Ctrl-C; --exit stops at once.
set -euo pipefail
cd "$(dirname "$0")"
. ./.ci/env.sh
echo "Building maelezo (the first build downloads James 3.8.1 from Maven Central) ..."
mvn -B -q -DskipTests install
exec "$JAVA_HOME/bin/java" \
    -Dmaelezo.james.home=integration-tests/target/james \
    -Dmaelezo.config.dir=config \
    -cp "integration-tests/target/classes:integration-tests/target/james/lib/*:integration-tests/target/demo-lib/*" \
    io.maelezo.it.demo.Demo "$@"
