# Sourced by mvnw and infra/local/agora: exports JAVA_HOME for a JDK of release >= 21.
# Order: $JAVA_HOME if new enough, then the newest JDK under /usr/lib/jvm, then `java` on PATH.

agora_java_release() { # prints the feature release of the java binary given, e.g. 25
  "$1" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2; exit}'
}

agora_find_jdk() {
  local candidate best="" best_release=0 release
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/* "$(dirname "$(dirname "$(readlink -f "$(command -v java 2>/dev/null || echo /nonexistent)")")")"; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] && [ -x "$candidate/bin/javac" ] || continue
    release=$(agora_java_release "$candidate/bin/java")
    [[ "$release" =~ ^[0-9]+$ ]] || continue
    if [ "$candidate" = "${JAVA_HOME:-}" ] && [ "$release" -ge 21 ]; then best=$candidate; break; fi
    if [ "$release" -gt "$best_release" ]; then best=$candidate; best_release=$release; fi
  done
  if [ -z "$best" ] || [ "$(agora_java_release "$best/bin/java")" -lt 21 ]; then
    echo "agora: no JDK of release 21 or newer found (looked at JAVA_HOME, /usr/lib/jvm, PATH)" >&2
    return 1
  fi
  export JAVA_HOME="$best"
  export PATH="$JAVA_HOME/bin:$PATH"
}
