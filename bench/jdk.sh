# Sourced by the bench/ scripts: JAVA_HOME = the JDK 21+ that the build itself selects (maven-toolchains-plugin,
# see pom.xml), since the PATH's java may be older. Maven prints the toolchain's home through exec-maven-plugin.
JAVA_HOME=$(./mvnw -q -N validate exec:exec -Dexec.executable=printenv -Dexec.args=TOOLCHAIN_JAVA_HOME) && [[ -n "$JAVA_HOME" ]] \
  || { echo "No JDK 21 or newer found (see the README)" >&2; exit 1; }
export JAVA_HOME
