#!/usr/bin/env bash
# Clients nobody here wrote: openapi-generator makes java (native), java (okhttp-gson) and typescript-fetch clients
# from the document the real jar serves; each must compile as generated and run register -> login (JSON and
# form) -> contacts CRUD -> search -> birthdays -> refresh -> logout against that jar (bench/clients/*).
# Needs Maven Central and the npm registry (TypeScript); takes a few minutes.
# Usage: bench/generated-clients.sh [client...]   (java-native java-okhttp-gson typescript-fetch; default all)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/jdk.sh
GENERATOR=7.25.0
clients=("${@:-java-native java-okhttp-gson typescript-fetch}")
clients=(${clients[*]})
./mvnw -B -q -DskipTests package -pl server -am
./mvnw -B -q dependency:get -Dartifact=org.openapitools:openapi-generator-cli:$GENERATOR
generator=$(./mvnw -q help:evaluate -Dexpression=settings.localRepository -DforceStdout)/org/openapitools/openapi-generator-cli/$GENERATOR/openapi-generator-cli-$GENERATOR.jar

work=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
base=http://127.0.0.1:$port
"$JAVA_HOME/bin/java" -jar server/target/contacts-server.jar --port=$port --db="$work/contacts.db" \
  --rate-limit=0 > "$work/server.log" 2>&1 &
server=$!
trap 'status=$?; kill $server 2>/dev/null; wait $server 2>/dev/null || true; rm -rf "$work"; exit $status' EXIT
until curl -fs "$base/observe/health" > /dev/null; do sleep 0.2; done

generate() { # generator, output folder, extra options...
  "$JAVA_HOME/bin/java" -jar "$generator" generate -i "$base/openapi" -g "$1" -o "$work/$2" "${@:3}" > "$work/$2.log"
}
java_options=(--additional-properties=invokerPackage=dev.contacts.client,apiPackage=dev.contacts.client.api,modelPackage=dev.contacts.client.model)
for client in "${clients[@]}"; do
  case $client in
    java-native) generate java java-native --library native "${java_options[@]}" ;;
    java-okhttp-gson) generate java java-okhttp-gson --library okhttp-gson "${java_options[@]}" ;;
    typescript-fetch) generate typescript-fetch typescript-fetch; continue ;;
    *) echo "unknown client: $client" >&2; exit 2 ;;
  esac
  echo "== $client: compile as generated, then the flow"
  ./mvnw -B -q -f "$work/$client/pom.xml" -DskipTests -Dmaven.javadoc.skip=true package
  ./mvnw -B -q -f "$work/$client/pom.xml" dependency:build-classpath -Dmdep.outputFile="$work/$client.classpath"
  classpath="$work/$client/target/classes:$(cat "$work/$client.classpath")"
  flow=$([[ $client == java-native ]] && echo JavaNativeFlow || echo OkHttpGsonFlow)
  "$JAVA_HOME/bin/javac" -d "$work/$client-flow" -cp "$classpath" bench/clients/SharedSteps.java "bench/clients/$flow.java"
  "$JAVA_HOME/bin/java" -cp "$work/$client-flow:$classpath" "$flow" "$base"
done

if [[ -d "$work/typescript-fetch" ]]; then
  echo "== typescript-fetch: compile as generated (tsc, strict), then the flow"
  cp bench/clients/flow.ts bench/clients/tsconfig.json "$work/"
  (cd "$work" && npm install --silent --no-save --no-package-lock typescript@5 @types/node@20 > /dev/null \
    && npx tsc -p . && node out/flow.js "$base")
fi
echo "Generated clients (${clients[*]}) compiled as generated and completed the flow."
