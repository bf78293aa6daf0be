package ai.michelangelo.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.NameResolverRegistry;
import io.grpc.Status;
import java.nio.channels.ClosedChannelException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Settings, backoff and credentials rules that need no server. */
class SettingsTest {
  /** Every wait of {@code settings} after {@code attempt} failures, drawn {@code n} times. */
  static List<Duration> draws(RetrySettings settings, int attempt, int n) {
    return java.util.stream.IntStream.range(0, n).mapToObj(i -> settings.backoff(attempt)).toList();
  }

  @Test
  void backoffIsFullJitterBelowTheBound() {
    RetrySettings s =
        RetrySettings.newBuilder()
            .setInitialBackoff(Duration.ofMillis(100))
            .setMaxBackoff(Duration.ofMillis(300))
            .build();
    for (int attempt = 1; attempt <= 4; attempt++) {
      long bound = Math.min(300, 100L << (attempt - 1));
      List<Duration> d = draws(s, attempt, 400);
      d.forEach(w -> assertTrue(w.toMillis() <= bound, w + " above " + bound));
      // Uniform in [0, bound]: some draws fall in the lowest fifth (P(none) = 0.8^400).
      assertTrue(d.stream().anyMatch(w -> w.toMillis() < bound / 5), "no short waits: " + d);
      assertTrue(d.stream().anyMatch(w -> w.toMillis() > bound * 4 / 5), "no long waits: " + d);
    }
    RetrySettings exact = s.toBuilder().setJitter(false).build();
    assertEquals(Duration.ofMillis(100), exact.backoff(1));
    assertEquals(Duration.ofMillis(200), exact.backoff(2));
    assertEquals(Duration.ofMillis(300), exact.backoff(3));
  }

  @Test
  void theConflictHelperUsesFullJitterToo() {
    RetrySettings c = Conflicts.defaultRetrySettings();
    assertTrue(c.isJitter());
    List<Duration> d = draws(c, 1, 400);
    d.forEach(w -> assertTrue(w.toMillis() <= 10, w.toString()));
    assertTrue(d.stream().anyMatch(w -> w.toNanos() < 2_000_000), "no wait below 2 ms: " + d);
    assertTrue(draws(c, 9, 50).stream().allMatch(w -> w.toMillis() <= 1000));
  }

  @Test
  void retryOnConflictStopsAfterItsBudget() {
    int[] attempts = {0};
    RetrySettings quick =
        Conflicts.defaultRetrySettings().toBuilder().setMaxBackoff(Duration.ofMillis(20)).build();
    assertThrows(
        ConflictException.class,
        () ->
            Conflicts.retryOnConflict(
                () -> {
                  attempts[0]++;
                  throw new ConflictException("stale", List.of(), null);
                },
                quick));
    assertEquals(10, attempts[0]);
  }

  @Test
  void loopbackTargets() {
    for (String t :
        List.of(
            "localhost:50051",
            "LOCALHOST",
            "127.0.0.1:1",
            "127.5.6.7:80",
            "[::1]:443",
            "::1",
            "dns:///localhost:50051",
            "ipv4:127.0.0.1:5",
            "ipv6:[::1]:5",
            "unix:///tmp/ma.sock")) {
      assertTrue(ClientSettings.isLoopback(t), t);
    }
    for (String t :
        List.of(
            "api.example.com:443",
            "dns:///api.example.com:443",
            "10.0.0.1:50051",
            "128.0.0.1:1",
            "localhost.example.com:1",
            "[2001:db8::1]:443",
            "ipv4:127.0.0.1:5,10.0.0.2:5")) {
      assertFalse(ClientSettings.isLoopback(t), t);
    }
  }

  @Test
  void aTokenOverPlaintextToANonLoopbackTargetIsRefused() {
    ClientSettings.Builder remote =
        ClientSettings.newBuilder()
            .setTarget("api.example.com:443")
            .setTls(false)
            .setBearerToken("s3cr3t-token");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, remote::build);
    assertTrue(e.getMessage().contains("api.example.com:443"), e.getMessage());
    assertTrue(e.getMessage().contains("setAllowInsecureToken"), e.getMessage());
    assertFalse(e.getMessage().contains("s3cr3t"), e.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> remote.setBearerToken((String) null).setTokenProvider(() -> "t").build());

    // Allowed explicitly, over TLS, to loopback, or without a token.
    assertTrue(remote.setAllowInsecureToken(true).build().isAllowInsecureToken());
    ClientSettings.newBuilder().setTarget("api.example.com:443").setBearerToken("x").build();
    ClientSettings.newBuilder()
        .setTarget("127.0.0.1:50051")
        .setTls(false)
        .setBearerToken("x")
        .build();
    ClientSettings.newBuilder().setTarget("api.example.com:443").setTls(false).build();
  }

  @Test
  void severalTargetsAreCheckedOneByOne() {
    ClientSettings s =
        ClientSettings.newBuilder()
            .setTargets("10.0.0.5:50051", "ma-2.internal:50051", "[::1]:443", "localhost:1")
            .build();
    assertEquals(
        List.of("10.0.0.5:50051", "ma-2.internal:50051", "[::1]:443", "localhost:1"),
        s.getTargets());
    assertNull(s.getTarget());
    assertTrue(s.toString().contains("targets=[10.0.0.5:50051, ma-2.internal:50051"), s.toString());
    assertEquals(s.getTargets(), s.toBuilder().build().getTargets());
    assertEquals(
        List.of("a:1"),
        ClientSettings.newBuilder().setTargets(List.of("a:1")).build().getTargets());
    assertEquals(List.of(), ClientSettings.newBuilder().setTarget("a:1").build().getTargets());

    for (String bad :
        List.of(
            "10.0.0.5",
            "10.0.0.5:",
            ":50051",
            "10.0.0.5:0",
            "10.0.0.5:65536",
            "10.0.0.5:-1",
            "10.0.0.5:5x",
            "::1:50051",
            "[::1]",
            "[::1]50051",
            "[ma-1]:50051",
            "dns:///ma-1:50051",
            "ma-1:50051/path",
            "ma 1:50051",
            "-ma:1",
            "")) {
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class,
              () -> ClientSettings.newBuilder().setTargets("ok:1", bad),
              bad);
      assertTrue(e.getMessage().contains("'" + bad + "'"), e.getMessage());
    }
    assertTrue(
        assertThrows(
                IllegalArgumentException.class,
                () -> ClientSettings.newBuilder().setTargets("ok:1", "ok:99999"))
            .getMessage()
            .contains("1-65535"));
    assertTrue(
        assertThrows(
                IllegalArgumentException.class,
                () -> ClientSettings.newBuilder().setTargets(List.of()))
            .getMessage()
            .contains("empty"));
    assertThrows(IllegalArgumentException.class, () -> ClientSettings.newBuilder().setTargets());
    assertThrows(
        IllegalArgumentException.class, () -> ClientSettings.newBuilder().setTargets("ok:1", null));
    assertTrue(
        assertThrows(
                IllegalArgumentException.class,
                () -> ClientSettings.newBuilder().setTargets("ok:1", "ok:1"))
            .getMessage()
            .contains("twice"));
    IllegalArgumentException both =
        assertThrows(
            IllegalArgumentException.class,
            () -> ClientSettings.newBuilder().setTarget("a:1").setTargets("b:1", "c:1").build());
    assertTrue(
        both.getMessage().contains("give the target or the targets, not both"), both.getMessage());
    assertThrows(
        IllegalArgumentException.class, () -> s.toBuilder().setTarget("localhost:50051").build());
  }

  @Test
  void aTokenOverPlaintextNeedsEveryTargetLoopback() {
    ClientSettings.Builder b =
        ClientSettings.newBuilder().setTls(false).setBearerToken("s3cr3t-token");
    b.setTargets("127.0.0.1:1", "localhost:2", "[::1]:3").build();
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> b.setTargets("127.0.0.1:1", "10.0.0.7:2", "localhost:3").build());
    assertTrue(e.getMessage().contains("10.0.0.7:2"), e.getMessage());
    assertFalse(e.getMessage().contains("s3cr3t"), e.getMessage());
    b.setAllowInsecureToken(true).build();
    b.setAllowInsecureToken(false).setTls(true).build();
  }

  @Test
  void aClientWithTargetsRegistersItsSchemeUntilClosed() {
    Transport t =
        Transport.create(
            ClientSettings.newBuilder()
                .setTargets("127.0.0.1:1", "127.0.0.1:2")
                .setTls(false)
                .build());
    String scheme = t.resolverScheme();
    assertTrue(scheme.startsWith("michelangelo-"), scheme);
    assertNotNull(NameResolverRegistry.getDefaultRegistry().getProviderForScheme(scheme));
    assertEquals("dns", NameResolverRegistry.getDefaultRegistry().getDefaultScheme());
    t.close();
    assertNull(NameResolverRegistry.getDefaultRegistry().getProviderForScheme(scheme));
    t.close();
  }

  @Test
  void aConnectionLostWhileSendingIsUnavailable() {
    // What grpc-java's Netty transport reports for a call written to a connection that just died.
    MichelangeloException lost =
        MichelangeloException.from(
            Status.UNKNOWN
                .withDescription("channel closed")
                .withCause(new ClosedChannelException())
                .asRuntimeException());
    assertInstanceOf(UnavailableException.class, lost);
    assertTrue(lost.isRetryable());
    assertEquals("channel closed", lost.getMessage());
    // An UNKNOWN from the server (no Java cause) stays UNKNOWN, not retried.
    MichelangeloException server =
        MichelangeloException.from(
            Status.UNKNOWN.withDescription("channel closed").asRuntimeException());
    assertEquals(Status.Code.UNKNOWN, server.getCode());
    assertFalse(server.isRetryable());
  }

  @Test
  void theTokenNeverAppearsInToString() {
    ClientSettings s =
        ClientSettings.newBuilder().setTarget("localhost:1").setBearerToken("s3cr3t-token").build();
    assertFalse(s.toString().contains("s3cr3t"), s.toString());
    assertFalse(s.toBuilder().build().toString().contains("s3cr3t"));
    CallOptions o = CallOptions.newBuilder().addMetadata("x-api-key", "s3cr3t-key").build();
    assertFalse(o.toString().contains("s3cr3t"), o.toString());
    assertTrue(o.toString().contains("x-api-key"), o.toString());
  }

  @Test
  void theUserAgentVersionIsThePomVersion() throws Exception {
    String pom = Files.readString(Path.of(System.getProperty("user.dir"), "pom.xml"));
    // The project's own <version>, the first after its <artifactId>.
    Matcher m =
        Pattern.compile("<artifactId>michelangelo-sdk</artifactId>\\s*<version>([^<]+)</version>")
            .matcher(pom);
    assertTrue(m.find(), "no project version in pom.xml");
    assertEquals(m.group(1), Version.VERSION);
    assertEquals("michelangelo-sdk-java/" + m.group(1), ClientSettings.userAgent());
  }

  @Test
  void idempotencyKeysAreChecked() {
    assertEquals("k", CallOptions.newBuilder().setIdempotencyKey("k").build().getIdempotencyKey());
    assertThrows(
        IllegalArgumentException.class, () -> CallOptions.newBuilder().setIdempotencyKey(""));
    assertThrows(
        IllegalArgumentException.class,
        () -> CallOptions.newBuilder().setIdempotencyKey("x".repeat(129)));
    assertThrows(
        IllegalArgumentException.class,
        () -> CallOptions.newBuilder().setIdempotencyKey("caf\u00e9"));
  }
}
