# Sourced by .ci/run and the bench/ scripts: sets JAVA_HOME to a JDK 21 or newer (JAVA_HOME if it is one,
# else the newest under /usr/lib/jvm), since the PATH's java may be older.
java_major() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p'; }
pick_jdk() {
  local candidate major
  for candidate in "${JAVA_HOME:-}" $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -rV); do
    candidate=${candidate%/}
    [[ -n "$candidate" && -x "$candidate/bin/javac" ]] || continue
    major=$(java_major "$candidate")
    if [[ -n "$major" && "$major" -ge 21 ]]; then echo "$candidate"; return 0; fi
  done
  return 1
}
JAVA_HOME=$(pick_jdk) || { echo "No JDK 21 or newer found (looked at JAVA_HOME and /usr/lib/jvm)" >&2; exit 1; }
export JAVA_HOME
