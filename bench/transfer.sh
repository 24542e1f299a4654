#!/usr/bin/env bash
# Import and export benchmark: 10,000 contacts in a vCard file of almost 10 MiB (the import limits) imported,
# imported again, exported as vCard and CSV, and the CSV imported into a new account, against the real server
# on a temporary database. The heap is held to 256 MiB: the run passing shows memory stays bounded.
# Usage: bench/transfer.sh [contacts]
#   SERVER_URL=http://127.0.0.1:PORT  the same steps against a server started elsewhere (by its launcher, with
#                                     --rate-limit 0), in the heap it runs with; the cpu figures are then the client's,
#   SERVER_PID=pid                    or that server's (read from /proc)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/jdk.sh
./mvnw -B -q -DskipTests package -pl server -am
exec "$JAVA_HOME/bin/java" -Xmx256m --enable-native-access=ALL-UNNAMED \
  -Djava.util.logging.config.file=server/src/test/resources/logging.properties \
  -cp "server/target/test-classes:server/target/contacts-server.jar:server/target/libs/*" \
  dev.contacts.server.bench.TransferBenchmark "$@"
