# Sourced by .ci/run and demo.sh: the machine's tools for building and testing maelezo.
# Java: JDK 25 builds and tests (main code is compiled for Java 11, what James 3.8 runs on).
if [ -z "${MAELEZO_JAVA_HOME:-}" ]; then
    MAELEZO_JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
if [ ! -x "$MAELEZO_JAVA_HOME/bin/java" ]; then
    echo "JDK 25 not found at $MAELEZO_JAVA_HOME (set MAELEZO_JAVA_HOME)" >&2
    exit 1
fi
export JAVA_HOME="$MAELEZO_JAVA_HOME"
export PATH="$JAVA_HOME/bin:$PATH"
if ! command -v mvn >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ]; then
        apt-get update -qq && apt-get install -y -qq maven >/dev/null
    else
        echo "Maven (mvn) is needed: apt-get install maven" >&2
        exit 1
    fi
fi
