#!/usr/bin/env bash
# Address book v2 benchmark: search, sorted listing and birthdays over many contacts of one user (default
# 100,000), against the real server on a temporary database, over loopback: req/s, p50/p95 and CPU ms per request
# (the JVM's, plus a local PostgreSQL's processes); prints the query plans too.
# Usage: [ONLY=regex-of-scenario-names] [BOOK=file] [NO_PLANS=1] bench/address-book.sh [contacts]
# BOOK (SQLite): the book is copied from that file if it exists (no insert, no re-keying), else left there after the
# run, so that two builds are compared over the same rows; NO_PLANS=1 skips the plans and single-client timings.
# On PostgreSQL: DB_URL=jdbc:postgresql://host:5432/empty_db [DB_USER=.. DB_PASSWORD=..] bench/address-book.sh
# BOOK=name on PostgreSQL: a database of that name on the same server (its user may create databases); when it
# exists, DB_URL's database is dropped and made anew as its copy (CREATE DATABASE ... TEMPLATE); else the run fills
# DB_URL's database and leaves a vacuumed copy of it under that name.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/jdk.sh
./mvnw -B -q -DskipTests package -pl server -am
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED \
  -Djava.util.logging.config.file=server/src/test/resources/logging.properties \
  -cp "server/target/test-classes:server/target/contacts-server.jar:server/target/libs/*" \
  dev.contacts.server.bench.AddressBookBenchmark "$@"
