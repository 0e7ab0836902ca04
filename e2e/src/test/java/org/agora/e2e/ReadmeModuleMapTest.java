package org.agora.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Keeps the module map in the README true: every Maven module listed, nothing listed twice. */
class ReadmeModuleMapTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  @Test
  void theReadmeListsExactlyTheModulesOfTheBuild() throws IOException {
    Set<String> modules = new TreeSet<>();
    var module = Pattern.compile("<module>([^<]+)</module>").matcher(read("pom.xml"));
    while (module.find()) {
      modules.add(module.group(1));
    }
    Set<String> listed = new TreeSet<>();
    var row = Pattern.compile("(?m)^\\| `([a-z0-9-]+)` \\|").matcher(read("README.md"));
    while (row.find()) {
      assertThat(listed.add(row.group(1))).as("listed twice: " + row.group(1)).isTrue();
    }

    assertThat(modules).isNotEmpty();
    assertThat(listed).isEqualTo(modules);
  }

  private static String read(String file) throws IOException {
    return Files.readString(ROOT.resolve(file));
  }
}
