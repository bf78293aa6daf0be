package ai.michelangelo.sdk.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.michelangelo.api.ListOptions;
import ai.michelangelo.api.WatchOptions;
import ai.michelangelo.api.v2.Project;
import ai.michelangelo.api.v2.ProjectWatchEvent;
import ai.michelangelo.api.v2.client.MichelangeloClient;
import ai.michelangelo.sdk.CallOptions;
import ai.michelangelo.sdk.ClientSettings;
import ai.michelangelo.sdk.DeadlineExceededException;
import ai.michelangelo.sdk.MichelangeloException;
import ai.michelangelo.sdk.PermissionDeniedException;
import ai.michelangelo.sdk.ResourceExhaustedException;
import ai.michelangelo.sdk.RetrySettings;
import ai.michelangelo.sdk.UnauthenticatedException;
import ai.michelangelo.sdk.Version;
import ai.michelangelo.sdk.WatchSettings;
import ai.michelangelo.sdk.Watcher;
import com.google.protobuf.Any;
import com.google.rpc.RetryInfo;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.protobuf.StatusProto;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the client puts on the wire, seen by a grpc-java server on loopback ({@link FakeProjects}).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class WireTest {
  private static final Pattern UUID4 =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
  private static final RetrySettings FAST =
      RetrySettings.newBuilder()
          .setInitialBackoff(Duration.ofMillis(1))
          .setMaxBackoff(Duration.ofMillis(5))
          .setMaxAttempts(4)
          .build();

  private static FakeProjects server;
  private static MichelangeloClient client;

  @BeforeAll
  static void start() throws Exception {
    server = new FakeProjects();
    client = connect(b -> {});
  }

  @AfterAll
  static void stop() throws Exception {
    if (client != null) {
      client.close();
    }
    if (server != null) {
      server.close();
    }
  }

  @BeforeEach
  void reset() {
    server.reset();
  }

  static MichelangeloClient connect(Consumer<ClientSettings.Builder> configure) {
    ClientSettings.Builder b =
        ClientSettings.newBuilder()
            .setTarget(server.target())
            .setTls(false)
            .setDefaultTimeout(Duration.ofSeconds(10))
            .setRetrySettings(FAST);
    configure.accept(b);
    return MichelangeloClient.create(b.build());
  }

  static Project project(String name) {
    return FakeProjects.project("ns", name, "1").toBuilder()
        .setSpec(ai.michelangelo.api.v2.ProjectSpec.newBuilder().setOwningTeam("ml"))
        .build();
  }

  static List<String> keys(String method) {
    return server.calls(method).stream().map(c -> c.header("idempotency-key")).toList();
  }

  @Test
  void aWriteSendsOneIdempotencyKeyOnEveryAttempt() {
    server.fail("UpdateProject", Status.Code.UNAVAILABLE, 2);
    client.projects().update(project("a"));
    List<String> first = keys("UpdateProject");
    assertEquals(3, first.size());
    assertNotNull(first.get(0));
    assertTrue(UUID4.matcher(first.get(0)).matches(), first.get(0));
    assertEquals(1, Set.copyOf(first).size(), "the same key on every attempt: " + first);

    client.projects().update(project("a"));
    List<String> both = keys("UpdateProject");
    assertNotEquals(first.get(0), both.get(3), "a new key per logical call");

    server.reset();
    server.fail("UpdateProject", Status.Code.UNAVAILABLE, 1);
    client
        .projects()
        .update(project("a"), CallOptions.newBuilder().setIdempotencyKey("my-key-1").build());
    assertEquals(List.of("my-key-1", "my-key-1"), keys("UpdateProject"));
  }

  @Test
  void everyWriteHasAKeyAndReadsHaveNone() throws Exception {
    // Create is retried like the other writes, with its key.
    server.fail("CreateProject", Status.Code.UNAVAILABLE, 1);
    client.projects().create(project("c"));
    List<String> create = keys("CreateProject");
    assertEquals(2, create.size());
    assertEquals(create.get(0), create.get(1));
    client.projects().updateStatus(project("c"));
    client.projects().delete("ns", "c");
    client.projects().deleteCollection("ns", null, CallOptions.defaults());
    client
        .projects()
        .deleteCollectionAsync("ns", null, CallOptions.defaults())
        .get(10, TimeUnit.SECONDS);
    client.projects().createAsync(project("d")).get(10, TimeUnit.SECONDS);
    for (String m :
        List.of(
            "UpdateProjectStatus", "DeleteProject", "DeleteProjectCollection", "CreateProject")) {
      assertFalse(keys(m).isEmpty(), m);
      keys(m).forEach(k -> assertTrue(k != null && UUID4.matcher(k).matches(), m + ": " + k));
    }
    client.projects().get("ns", "c");
    client.projects().getAsync("ns", "c").get(10, TimeUnit.SECONDS);
    client.projects().list("ns").toList();
    try (Watcher<ProjectWatchEvent> w = client.projects().watch("ns")) {
      assertNotNull(w.poll(Duration.ofSeconds(5)));
      assertNotNull(w.poll(Duration.ofSeconds(5)));
    }
    for (String m : List.of("GetProject", "ListProjects", "WatchProjects")) {
      assertFalse(server.calls(m).isEmpty(), m);
      keys(m).forEach(k -> assertNull(k, m));
    }
  }

  @Test
  void perCallMetadataAndTheUserAgentReachTheServer() throws Exception {
    CallOptions withMeta =
        CallOptions.newBuilder().addMetadata("x-team", "eta").addMetadata("x-trace", "t1").build();
    server.fail("GetProject", Status.Code.UNAVAILABLE, 1);
    client.projects().get("ns", "a", withMeta);
    client.projects().getAsync("ns", "a", withMeta).get(10, TimeUnit.SECONDS);
    client.projects().update(project("a"), withMeta);
    client.projects().list("ns", ListOptions.getDefaultInstance(), withMeta).toList();
    for (FakeProjects.Recorded c : server.calls) {
      assertEquals("eta", c.header("x-team"), c.method());
      assertEquals("t1", c.header("x-trace"), c.method());
      String ua = c.header("user-agent");
      assertNotNull(ua);
      assertTrue(ua.startsWith("michelangelo-sdk-java/" + Version.VERSION + " "), ua);
    }
    assertEquals(5, server.calls.size()); // get twice (one retry), getAsync, update, list
    assertThrows(
        IllegalArgumentException.class, () -> CallOptions.newBuilder().addMetadata("x-bin", "v"));
  }

  @Test
  void anInterceptorSeesEveryCall() throws Exception {
    List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
    // The README's example: log the method of every call (each attempt, each watch stream).
    ClientInterceptor logging =
        new ClientInterceptor() {
          @Override
          public <Q, R> ClientCall<Q, R> interceptCall(
              MethodDescriptor<Q, R> method, io.grpc.CallOptions options, Channel next) {
            seen.add(method.getBareMethodName());
            return next.newCall(method, options);
          }
        };
    try (MichelangeloClient c = connect(b -> b.addInterceptor(logging))) {
      server.fail("GetProject", Status.Code.UNAVAILABLE, 1);
      c.projects().get("ns", "a");
      c.projects().create(project("a"));
      c.projects().updateAsync(project("a")).get(10, TimeUnit.SECONDS);
      c.projects().list("ns").toList();
      c.projects().deleteCollection("ns", null, CallOptions.defaults());
      try (Watcher<ProjectWatchEvent> w =
          c.projects()
              .watch("ns", WatchOptions.newBuilder().setResourceVersion("7").build(), null)) {
        assertNotNull(w.poll(Duration.ofSeconds(5)));
      }
    }
    assertEquals(
        List.of(
            "GetProject",
            "GetProject",
            "CreateProject",
            "UpdateProject",
            "ListProjects",
            "DeleteProjectCollection",
            "WatchProjects"),
        seen);
    assertEquals(seen, server.calls.stream().map(FakeProjects.Recorded::method).toList());
  }

  @Test
  void theTokenProviderIsAskedOnEveryAttemptAndNeverShown() {
    AtomicInteger n = new AtomicInteger();
    try (MichelangeloClient c =
        connect(b -> b.setTokenProvider(() -> "tok-" + n.incrementAndGet()))) {
      server.fail("GetProject", Status.Code.UNAVAILABLE, 1);
      c.projects().get("ns", "a");
      c.projects().get("ns", "a");
      assertEquals(
          List.of("Bearer tok-1", "Bearer tok-2", "Bearer tok-3"),
          server.calls("GetProject").stream().map(r -> r.header("authorization")).toList());
      assertFalse(c.getSettings().toString().contains("tok-"), c.getSettings().toString());
    }
    server.reset();
    try (MichelangeloClient c =
        connect(
            b ->
                b.setTokenProvider(
                    () -> {
                      throw new IllegalStateException("expired token s3cr3t-value");
                    }))) {
      UnauthenticatedException e =
          assertThrows(UnauthenticatedException.class, () -> c.projects().get("ns", "a"));
      assertFalse(e.getMessage().contains("s3cr3t"), e.getMessage());
      assertFalse(e.toString().contains("s3cr3t"), e.toString());
      assertTrue(server.calls.isEmpty(), "nothing is sent without a token");
    }
  }

  static io.grpc.StatusRuntimeException exhausted(Long retryDelayMs) {
    com.google.rpc.Status.Builder s =
        com.google.rpc.Status.newBuilder()
            .setCode(Status.Code.RESOURCE_EXHAUSTED.value())
            .setMessage("slow down");
    if (retryDelayMs != null) {
      s.addDetails(
          Any.pack(
              RetryInfo.newBuilder()
                  .setRetryDelay(
                      com.google.protobuf.Duration.newBuilder()
                          .setNanos((int) TimeUnit.MILLISECONDS.toNanos(retryDelayMs)))
                  .build()));
    }
    return StatusProto.toStatusRuntimeException(s.build());
  }

  @Test
  void resourceExhaustedIsRetriedOnlyWithRetryInfoAndWaitsItsDelay() throws Exception {
    server.fail("UpdateProject", exhausted(null), 1);
    ResourceExhaustedException e =
        assertThrows(
            ResourceExhaustedException.class, () -> client.projects().update(project("a")));
    assertFalse(e.isRetryable());
    assertNull(e.getRetryDelay());
    assertEquals(1, server.calls("UpdateProject").size(), "no RetryInfo: attempted once");

    server.reset();
    server.fail("GetProject", exhausted(300L), 1);
    long start = System.nanoTime();
    client.projects().get("ns", "a");
    long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    assertEquals(2, server.calls("GetProject").size(), server.calls + " " + ms);
    assertTrue(ms >= 290, "the RetryInfo delay is the least wait (backoff is 1-5 ms): " + ms);

    server.reset();
    server.fail("GetProject", exhausted(200L), 1);
    start = System.nanoTime();
    client.projects().getAsync("ns", "a").get(10, TimeUnit.SECONDS);
    assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) >= 190);
    assertEquals(2, server.calls("GetProject").size());

    // A RetryInfo delay past the call's deadline is not waited for.
    server.reset();
    server.fail("GetProject", exhausted(900L), 1);
    assertThrows(
        ResourceExhaustedException.class,
        () -> client.projects().get("ns", "a", CallOptions.withTimeout(Duration.ofMillis(500))));
    assertEquals(1, server.calls("GetProject").size());
  }

  @Test
  void anExplicitRetryPolicyOnACallIsHonouredBothWays() {
    server.fail("GetProject", Status.Code.UNAVAILABLE, 1);
    CallOptions noRetry = CallOptions.newBuilder().setRetrySettings(RetrySettings.none()).build();
    assertThrows(MichelangeloException.class, () -> client.projects().get("ns", "a", noRetry));
    assertEquals(1, server.calls("GetProject").size());

    server.reset();
    try (MichelangeloClient noDefaultRetry =
        connect(b -> b.setRetrySettings(RetrySettings.none()))) {
      server.fail("CreateProject", Status.Code.UNAVAILABLE, 5);
      CallOptions six =
          CallOptions.newBuilder()
              .setRetrySettings(FAST.toBuilder().setMaxAttempts(6).build())
              .build();
      noDefaultRetry.projects().create(project("a"), six);
      assertEquals(6, server.calls("CreateProject").size());
    }
  }

  @Test
  void asyncMethodsFailTheFutureInsteadOfThrowing() {
    List<CompletableFuture<?>> futures = new ArrayList<>();
    futures.add(client.projects().getAsync("ns", null));
    futures.add(client.projects().deleteAsync("ns", null));
    futures.add(client.projects().createAsync(project("a"), null));
    futures.add(client.projects().deleteCollectionAsync("ns", null, null));
    futures.add(client.projects().listPageAsync("ns", null, null));
    futures.add(client.projects().list("ns", null, null).pageAsync(""));
    futures.add(client.clusters().updateStatusAsync(ClientTest.clusterWithBadStatus("ns")));
    for (CompletableFuture<?> f : futures) {
      ExecutionException e =
          assertThrows(ExecutionException.class, () -> f.get(5, TimeUnit.SECONDS));
      assertInstanceOf(RuntimeException.class, e.getCause());
    }
    assertTrue(server.calls.isEmpty(), "nothing was sent: " + server.calls);
  }

  @Test
  void theTimeoutBoundsTheWholeCallAndEachAttemptGetsWhatRemains() {
    server.delay("GetProject", 300, 2);
    server.fail("GetProject", Status.Code.UNAVAILABLE, 2);
    client.projects().get("ns", "a", CallOptions.withTimeout(Duration.ofMillis(2000)));
    List<Long> deadlines =
        server.calls("GetProject").stream().map(FakeProjects.Recorded::deadlineMs).toList();
    assertEquals(3, deadlines.size());
    assertTrue(deadlines.get(0) > 1800 && deadlines.get(0) <= 2000, "first: " + deadlines);
    assertTrue(deadlines.get(1) <= deadlines.get(0) - 280, "second: " + deadlines);
    assertTrue(deadlines.get(2) <= deadlines.get(0) - 560, "third: " + deadlines);
  }

  @Test
  void anAttemptCutByItsAttemptTimeoutIsRetriedWhileTheCallHasTime() {
    // 400 ms per attempt leaves an undelayed attempt ample time on a loaded machine; the delayed
    // ones (1.2 s) always outlast it.
    RetrySettings perAttempt = FAST.toBuilder().setAttemptTimeout(Duration.ofMillis(400)).build();
    CallOptions opts =
        CallOptions.newBuilder()
            .setTimeout(Duration.ofSeconds(10))
            .setRetrySettings(perAttempt)
            .build();
    server.delay("GetProject", 1200, 2);
    assertEquals("a", client.projects().get("ns", "a", opts).getMetadata().getName());
    List<FakeProjects.Recorded> calls = server.calls("GetProject");
    assertEquals(3, calls.size());
    calls.forEach(c -> assertTrue(c.deadlineMs() <= 400, "attempt deadline " + c.deadlineMs()));

    // The call's own timeout reached: DEADLINE_EXCEEDED, not another attempt. Attempts start at
    // about 0, 0.4 and 0.8 s; the third is cut by the call's 1 s timeout.
    server.reset();
    server.delay("GetProject", 1200, 10);
    CallOptions tight =
        CallOptions.newBuilder()
            .setTimeout(Duration.ofMillis(1000))
            .setRetrySettings(perAttempt.toBuilder().setMaxAttempts(10).build())
            .build();
    long start = System.nanoTime();
    assertThrows(DeadlineExceededException.class, () -> client.projects().get("ns", "a", tight));
    long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    assertTrue(ms >= 950 && ms < 2000, "ended at the call's timeout: " + ms);
    int attempts = server.calls("GetProject").size();
    assertTrue(attempts >= 2 && attempts <= 3, "attempts: " + attempts);
    List<Long> deadlines =
        server.calls("GetProject").stream().map(FakeProjects.Recorded::deadlineMs).toList();
    assertTrue(deadlines.get(deadlines.size() - 1) < 400, "the last attempt gets what remains");
  }

  @ParameterizedTest
  @ValueSource(strings = {"OK", "UNAVAILABLE", "INTERNAL", "RESOURCE_EXHAUSTED"})
  void aWatchReconnectsFromTheLastVersion(String code) {
    server.watchEnds.add(Status.fromCode(Status.Code.valueOf(code)).withDescription("cut"));
    WatchSettings fast =
        WatchSettings.newBuilder().setReconnect(FAST.toBuilder().setMaxAttempts(3).build()).build();
    try (Watcher<ProjectWatchEvent> w =
        client
            .projects()
            .watch("ns", WatchOptions.newBuilder().setResourceVersion("10").build(), fast)) {
      assertEquals("11", w.next().getObject().getMetadata().getResourceVersion());
      assertEquals("12", w.next().getObject().getMetadata().getResourceVersion());
    }
    assertEquals(List.of("10", "11"), server.watchedFrom, "reopened from the last version");
  }

  @Test
  void versionZeroListsFirstAndWatchesFromTheListsVersion() {
    try (Watcher<ProjectWatchEvent> w =
        client
            .projects()
            .watch("ns", WatchOptions.newBuilder().setResourceVersion("0").build(), null)) {
      assertEquals("listed", w.next().getObject().getMetadata().getName()); // ADDED from the list
      assertEquals("4", w.next().getObject().getMetadata().getResourceVersion());
    }
    assertEquals(1, server.calls("ListProjects").size());
    assertEquals(List.of("3"), server.watchedFrom, "never watched from \"0\"");
  }

  @Test
  void aWatchEndsOnOtherCodes() {
    server.watchEnds.add(Status.PERMISSION_DENIED.withDescription("no"));
    try (Watcher<ProjectWatchEvent> w =
        client
            .projects()
            .watch("ns", WatchOptions.newBuilder().setResourceVersion("10").build(), null)) {
      assertNotNull(w.next());
      assertThrows(PermissionDeniedException.class, w::next);
    }
    assertEquals(1, server.calls("WatchProjects").size());
  }
}
