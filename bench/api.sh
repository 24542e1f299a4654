#!/usr/bin/env bash
# API benchmark: throughput and latency of register, login, create, list, search and birthdays against the
# real server on a temporary database, over loopback. Usage: bench/api.sh [contacts, default 5000]
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/jdk.sh
./mvnw -B -q -DskipTests install -pl server -am
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED \
  -Djava.util.logging.config.file=server/src/test/resources/logging.properties \
  -cp "server/target/test-classes:server/target/contacts-server.jar:server/target/libs/*" \
  dev.contacts.server.bench.ApiBenchmark "$@"
