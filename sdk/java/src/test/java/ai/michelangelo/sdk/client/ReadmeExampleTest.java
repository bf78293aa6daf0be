package ai.michelangelo.sdk.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Runs the README example against a fresh ma-server, and checks the README still shows it. */
class ReadmeExampleTest {
  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void readmeExampleRuns() throws Exception {
    try (MaServer server = MaServer.start()) {
      assertEquals(1, ReadmeExample.run(server.target()));
    }
  }

  @Test
  void readmeShowsTheTestedCode() throws Exception {
    String source =
        Files.readString(Path.of("src/test/java/ai/michelangelo/sdk/client/ReadmeExample.java"));
    String body =
        source.substring(
            source.indexOf("// README-BEGIN") + "// README-BEGIN".length(),
            source.indexOf("    // README-END"));
    String readme = Files.readString(Path.of("README.md"));
    for (String line : body.strip().split("\n")) {
      String code = line.strip();
      if (!code.isEmpty() && !code.contains("(for the test)")) {
        assertTrue(readme.contains(code), "README.md lacks: " + code);
      }
    }
  }
}
