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
import ai.michelangelo.api.ObjectMeta;
import ai.michelangelo.api.Preconditions;
import ai.michelangelo.api.WatchEventType;
import ai.michelangelo.api.WatchOptions;
import ai.michelangelo.api.v2.Cluster;
import ai.michelangelo.api.v2.ClusterCapacity;
import ai.michelangelo.api.v2.ClusterProvider;
import ai.michelangelo.api.v2.ClusterSpec;
import ai.michelangelo.api.v2.ClusterStatus;
import ai.michelangelo.api.v2.Pipeline;
import ai.michelangelo.api.v2.PipelineGitRef;
import ai.michelangelo.api.v2.PipelineSchedule;
import ai.michelangelo.api.v2.PipelineSpec;
import ai.michelangelo.api.v2.PipelineType;
import ai.michelangelo.api.v2.Project;
import ai.michelangelo.api.v2.ProjectSpec;
import ai.michelangelo.api.v2.ProjectStatus;
import ai.michelangelo.api.v2.ProjectWatchEvent;
import ai.michelangelo.api.v2.RayCluster;
import ai.michelangelo.api.v2.RayClusterSpec;
import ai.michelangelo.api.v2.client.MichelangeloClient;
import ai.michelangelo.sdk.AlreadyExistsException;
import ai.michelangelo.sdk.CallOptions;
import ai.michelangelo.sdk.ClientSettings;
import ai.michelangelo.sdk.ConflictException;
import ai.michelangelo.sdk.Conflicts;
import ai.michelangelo.sdk.DeadlineExceededException;
import ai.michelangelo.sdk.ExpiredException;
import ai.michelangelo.sdk.FailedPreconditionException;
import ai.michelangelo.sdk.FieldViolation;
import ai.michelangelo.sdk.InvalidArgumentException;
import ai.michelangelo.sdk.MichelangeloException;
import ai.michelangelo.sdk.NotFoundException;
import ai.michelangelo.sdk.Page;
import ai.michelangelo.sdk.Pager;
import ai.michelangelo.sdk.RetrySettings;
import ai.michelangelo.sdk.UnavailableException;
import ai.michelangelo.sdk.Validation;
import ai.michelangelo.sdk.WatchSettings;
import ai.michelangelo.sdk.Watcher;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.MethodDescriptor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The generated clients and the runtime against a real ma-server process. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ClientTest {
  private static final String SVC = "/michelangelo.api.v2.ProjectService/";
  private static MaServer server;
  private static final Map<String, AtomicInteger> CALLS = new ConcurrentHashMap<>();
  private static MichelangeloClient client;
  private static final AtomicInteger NS = new AtomicInteger();

  @BeforeAll
  static void startServer() throws Exception {
    server = MaServer.start();
    ClientInterceptor counter =
        new ClientInterceptor() {
          @Override
          public <Q, R> ClientCall<Q, R> interceptCall(
              MethodDescriptor<Q, R> method, io.grpc.CallOptions options, Channel next) {
            CALLS
                .computeIfAbsent(method.getBareMethodName(), k -> new AtomicInteger())
                .incrementAndGet();
            return next.newCall(method, options);
          }
        };
    client =
        MichelangeloClient.newBuilder()
            .setTarget(server.target())
            .setTls(false)
            .setDefaultTimeout(Duration.ofSeconds(20))
            .setRetrySettings(
                RetrySettings.newBuilder()
                    .setInitialBackoff(Duration.ofMillis(20))
                    .setMaxBackoff(Duration.ofMillis(200))
                    .setMaxAttempts(4)
                    .build())
            .addInterceptor(counter)
            .build();
  }

  @AfterAll
  static void stopServer() {
    if (client != null) {
      client.close();
    }
    if (server != null) {
      server.close();
    }
  }

  @BeforeEach
  @AfterEach
  void reset() {
    server.reset();
    CALLS.clear();
  }

  static int calls(String method) {
    AtomicInteger n = CALLS.get(method);
    return n == null ? 0 : n.get();
  }

  static String namespace() {
    return "ns-" + NS.incrementAndGet();
  }

  static Project project(String ns, String name) {
    return Project.newBuilder()
        .setMetadata(ObjectMeta.newBuilder().setNamespace(ns).setName(name))
        .setSpec(ProjectSpec.newBuilder().setOwningTeam("ml-platform").setTier("standard"))
        .build();
  }

  static String fail(String method, String code, int times) {
    return server.control(
        "Fail",
        "{\"method\": \""
            + SVC
            + method
            + "\", \"code\": \""
            + code
            + "\", \"times\": "
            + times
            + "}");
  }

  @Test
  void crud() {
    String ns = namespace();
    Project created = client.projects().create(project(ns, "eta"));
    assertEquals("michelangelo.api/v2", created.getApiVersion());
    assertFalse(created.getMetadata().getUid().isEmpty());
    assertFalse(created.getMetadata().getResourceVersion().isEmpty());

    Project got = client.projects().get(ns, "eta");
    assertEquals(created, got);

    Project changed =
        got.toBuilder().setSpec(got.getSpec().toBuilder().setDescription("ETA models")).build();
    Project updated = client.projects().update(changed);
    assertEquals("ETA models", updated.getSpec().getDescription());
    assertEquals(2, updated.getMetadata().getGeneration());

    Project withStatus =
        client
            .projects()
            .updateStatus(
                updated.toBuilder().setStatus(ProjectStatus.newBuilder().setModelCount(7)).build());
    assertEquals(7, withStatus.getStatus().getModelCount());

    // Dry run stores nothing.
    client.projects().create(project(ns, "dry"), CallOptions.newBuilder().setDryRun(true).build());
    assertThrows(NotFoundException.class, () -> client.projects().get(ns, "dry"));

    Preconditions wrongUid = Preconditions.newBuilder().setUid("not-the-uid").build();
    assertThrows(
        FailedPreconditionException.class,
        () -> client.projects().delete(ns, "eta", wrongUid, CallOptions.defaults()));
    Preconditions rightUid =
        Preconditions.newBuilder().setUid(created.getMetadata().getUid()).build();
    client.projects().delete(ns, "eta", rightUid, CallOptions.defaults());
    assertThrows(NotFoundException.class, () -> client.projects().get(ns, "eta"));

    // Default namespace.
    try (MichelangeloClient scoped =
        MichelangeloClient.newBuilder()
            .setTarget(server.target())
            .setTls(false)
            .setDefaultNamespace(ns)
            .build()) {
      scoped.projects().create(project("", "scoped"));
      assertEquals(ns, scoped.projects().get("scoped").getMetadata().getNamespace());
      assertEquals(
          1, scoped.projects().deleteCollection("", null, CallOptions.defaults()).getItemsCount());
    }
  }

  static Set<String> names(Iterable<Project> items) {
    Set<String> out = new HashSet<>();
    items.forEach(p -> out.add(p.getMetadata().getName()));
    return out;
  }

  static Set<String> names(List<ProjectWatchEvent> events) {
    Set<String> out = new HashSet<>();
    events.forEach(e -> out.add(e.getObject().getMetadata().getName()));
    return out;
  }

  static Project labelled(String ns, String name, String run) {
    Project p = project(ns, name);
    return p.toBuilder().setMetadata(p.getMetadata().toBuilder().putLabels("run", run)).build();
  }

  @Test
  void listAndWatchNullMeansDefaultNamespaceEmptyMeansAll() throws Exception {
    String ns = namespace();
    String other = namespace();
    client.projects().create(labelled(ns, "here", ns));
    client.projects().create(labelled(other, "there", ns));
    ListOptions byRun = ListOptions.newBuilder().setLabelSelector("run=" + ns).build();
    WatchOptions watchByRun = WatchOptions.newBuilder().setLabelSelector("run=" + ns).build();
    CallOptions none = CallOptions.defaults();

    // No default namespace configured: null and "" both list every namespace.
    assertEquals(Set.of("here", "there"), names(client.projects().list(null, byRun, none)));
    assertEquals(Set.of("here", "there"), names(client.projects().list("", byRun, none)));

    try (MichelangeloClient scoped =
        MichelangeloClient.newBuilder()
            .setTarget(server.target())
            .setTls(false)
            .setDefaultNamespace(ns)
            .build()) {
      // null: the default namespace.
      assertEquals(Set.of("here"), names(scoped.projects().list(null)));
      assertEquals(Set.of("here"), names(scoped.projects().list(null, byRun, none)));
      assertEquals(
          Set.of("here"),
          names(
              scoped
                  .projects()
                  .listPageAsync(null, byRun, none)
                  .get(10, TimeUnit.SECONDS)
                  .getItemsList()));
      // "": all namespaces, even with a default namespace.
      assertEquals(Set.of("here", "there"), names(scoped.projects().list("", byRun, none)));
      assertEquals(
          Set.of("here", "there"),
          names(
              scoped
                  .projects()
                  .listPageAsync("", byRun, none)
                  .get(10, TimeUnit.SECONDS)
                  .getItemsList()));
      // An explicit namespace is used as is.
      assertEquals(Set.of("there"), names(scoped.projects().list(other, byRun, none)));

      try (Watcher<ProjectWatchEvent> inDefault =
              scoped.projects().watch(null, watchByRun, WatchSettings.defaults());
          Watcher<ProjectWatchEvent> inAll =
              scoped.projects().watch("", watchByRun, WatchSettings.defaults())) {
        assertEquals(Set.of("here"), names(take(inDefault, 1)));
        assertEquals(Set.of("here", "there"), names(take(inAll, 2)));
        client.projects().create(labelled(other, "there-2", ns));
        client.projects().create(labelled(ns, "here-2", ns));
        List<ProjectWatchEvent> defaultLater = take(inDefault, 1);
        assertEquals(
            List.of("here-2"),
            defaultLater.stream().map(e -> e.getObject().getMetadata().getName()).toList());
        assertNull(inDefault.poll(Duration.ofMillis(300)), "nothing from the other namespace");
        assertEquals(Set.of("there-2", "here-2"), names(take(inAll, 2)));
      }
    }
  }

  @Test
  void exceptionTypes() {
    String ns = namespace();
    Project p = client.projects().create(project(ns, "a"));
    MichelangeloException e =
        assertThrows(NotFoundException.class, () -> client.projects().get(ns, "missing"));
    assertEquals(io.grpc.Status.Code.NOT_FOUND, e.getCode());
    assertFalse(e.isRetryable());
    assertTrue(e.getMessage().contains("missing"), e.getMessage());
    assertThrows(AlreadyExistsException.class, () -> client.projects().create(project(ns, "a")));
    client
        .projects()
        .update(p.toBuilder().setSpec(p.getSpec().toBuilder().setDescription("x")).build());
    ConflictException c =
        assertThrows(ConflictException.class, () -> client.projects().update(p)); // stale version
    assertEquals(io.grpc.Status.Code.ABORTED, c.getCode());
    // Server-side validation (client validation off): field violations from google.rpc.BadRequest.
    Project bad =
        project(ns, "b").toBuilder().setSpec(ProjectSpec.newBuilder().setTier("gold")).build();
    InvalidArgumentException iae =
        assertThrows(
            InvalidArgumentException.class,
            () ->
                client.projects().create(bad, CallOptions.newBuilder().setValidate(false).build()));
    assertEquals(
        List.of(
            new FieldViolation("spec.owningTeam", "required"),
            new FieldViolation("spec.tier", "must be one of experimental, standard, critical")),
        iae.getFieldViolations());
    assertEquals(
        UnavailableException.class,
        MichelangeloException.from(io.grpc.Status.UNAVAILABLE.asRuntimeException()).getClass());
    assertTrue(
        MichelangeloException.from(io.grpc.Status.UNAVAILABLE.asRuntimeException()).isRetryable());
    assertEquals(
        ExpiredException.class,
        MichelangeloException.from(io.grpc.Status.OUT_OF_RANGE.asRuntimeException()).getClass());
  }

  @Test
  void clientValidationMatchesServer() {
    String ns = namespace();
    List<Project> invalid =
        List.of(
            project(ns, "v1").toBuilder().setSpec(ProjectSpec.newBuilder().setTier("gold")).build(),
            project(ns, "Bad_Name"),
            project(ns, "v3").toBuilder()
                .setSpec(
                    ProjectSpec.newBuilder()
                        .setOwningTeam("x".repeat(129))
                        .setGitRepo("not a uri")
                        .setQuota(
                            ai.michelangelo.api.v2.ResourceQuota.newBuilder().setMaxGpu(5000)))
                .build(),
            project(ns, "v4").toBuilder()
                .setMetadata(
                    ObjectMeta.newBuilder()
                        .setNamespace(ns)
                        .setName("v4")
                        .putLabels("bad key!", "ok")
                        .putLabels("good", "bad value!"))
                .build(),
            project("", "v5"),
            project(ns, "v6").toBuilder().setKind("Model").build());
    for (Project p : invalid) {
      CALLS.clear();
      InvalidArgumentException local =
          assertThrows(InvalidArgumentException.class, () -> client.projects().create(p));
      assertEquals(0, calls("CreateProject"), "client validation must fail before any call");
      assertFalse(local.getFieldViolations().isEmpty());
      InvalidArgumentException remote =
          assertThrows(
              InvalidArgumentException.class,
              () ->
                  client.projects().create(p, CallOptions.newBuilder().setValidate(false).build()));
      assertEquals(remote.getMessage(), local.getMessage());
      assertEquals(remote.getFieldViolations(), local.getFieldViolations());
    }
    assertEquals(
        List.of(new FieldViolation("spec.owningTeam", "required")),
        client.projects().validate(project(ns, "ok").toBuilder().clearSpec().build()));
    assertTrue(client.projects().validate(project(ns, "ok")).isEmpty());
  }

  static Pipeline pipeline(String ns) {
    return Pipeline.newBuilder()
        .setMetadata(ObjectMeta.newBuilder().setNamespace(ns).setName("train-eta"))
        .setSpec(
            PipelineSpec.newBuilder()
                .setPipelineType(PipelineType.PIPELINE_TYPE_TRAIN)
                .setGitRef(PipelineGitRef.newBuilder().setRepo("https://git.example.com/ml/eta")))
        .build();
  }

  /** An unset optional nested message is not validated; only metadata and spec count as empty. */
  @Test
  void unsetOptionalNestedMessagesAreNotValidated() {
    String ns = namespace();
    CallOptions serverOnly = CallOptions.newBuilder().setDryRun(true).setValidate(false).build();
    // "Recurring schedule; unset means the pipeline runs only on demand."
    Pipeline unscheduled = pipeline(ns);
    assertTrue(client.pipelines().validate(unscheduled).isEmpty());
    client.pipelines().create(unscheduled, serverOnly);
    // Without git_ref its required repo is not checked.
    Pipeline noGitRef =
        unscheduled.toBuilder().setSpec(unscheduled.getSpec().toBuilder().clearGitRef()).build();
    assertTrue(client.pipelines().validate(noGitRef).isEmpty());
    client.pipelines().create(noGitRef, serverOnly);
    // A set nested message is validated in full, client and server alike.
    Pipeline scheduled =
        unscheduled.toBuilder()
            .setSpec(
                unscheduled.getSpec().toBuilder()
                    .setSchedule(PipelineSchedule.newBuilder().setTimeZone("UTC")))
            .build();
    List<FieldViolation> want = List.of(new FieldViolation("spec.schedule.cron", "required"));
    assertEquals(want, client.pipelines().validate(scheduled));
    InvalidArgumentException remote =
        assertThrows(
            InvalidArgumentException.class, () -> client.pipelines().create(scheduled, serverOnly));
    assertEquals(want, remote.getFieldViolations());
    // An unset required nested message is reported without descending into it.
    RayCluster rc =
        RayCluster.newBuilder()
            .setMetadata(ObjectMeta.newBuilder().setNamespace(ns).setName("rc"))
            .setSpec(RayClusterSpec.newBuilder().setRayVersion("2.9.3"))
            .build();
    assertEquals(
        List.of(new FieldViolation("spec.headGroup", "required")),
        client.rayClusters().validate(rc));
    // The descriptor walk (Validation.validateMessage, the server's port) follows the same rule.
    assertTrue(Validation.validateMessage(unscheduled, "").isEmpty());
    assertTrue(Validation.validateMessage(noGitRef, "").isEmpty());
    assertEquals(want, Validation.validateMessage(scheduled, ""));
    assertEquals(
        List.of(new FieldViolation("spec.owningTeam", "required")),
        Validation.validateMessage(project(ns, "no-spec").toBuilder().clearSpec().build(), ""));
    // An object without spec still lacks spec.owningTeam.
    assertEquals(
        List.of(new FieldViolation("spec.owningTeam", "required")),
        client.projects().validate(project(ns, "no-spec").toBuilder().clearSpec().build()));
  }

  @Test
  void listsOverAThousandObjectsInPagesOfAHundred() throws Exception {
    String ns = namespace();
    List<CompletableFuture<Project>> creates = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      creates.add(client.projects().createAsync(project(ns, String.format("p-%04d", i))));
      if (creates.size() == 100) {
        CompletableFuture.allOf(creates.toArray(CompletableFuture[]::new))
            .get(60, TimeUnit.SECONDS);
        creates.clear();
      }
    }
    ListOptions pageOf100 = ListOptions.newBuilder().setLimit(100).build();
    CALLS.clear();
    Set<String> names = new HashSet<>();
    for (Project p : client.projects().list(ns, pageOf100, CallOptions.defaults())) {
      assertTrue(names.add(p.getMetadata().getName()));
    }
    assertEquals(1000, names.size());
    assertEquals(10, calls("ListProjects"));
    int pages = 0;
    for (Page<Project> page :
        client.projects().list(ns, pageOf100, CallOptions.defaults()).pages()) {
      assertEquals(100, page.items().size());
      assertFalse(page.resourceVersion().isEmpty());
      pages++;
    }
    assertEquals(10, pages);
    assertEquals(
        1000, client.projects().list(ns, pageOf100, CallOptions.defaults()).stream().count());
  }

  @Test
  void perCallTimeoutAppliesToEveryPage() {
    String ns = namespace();
    for (int i = 0; i < 30; i++) {
      client.projects().create(project(ns, "t-" + i));
    }
    CallOptions quick = CallOptions.withTimeout(Duration.ofMillis(500));
    Iterator<Page<Project>> pages =
        client
            .projects()
            .list(ns, ListOptions.newBuilder().setLimit(10).build(), quick)
            .pages()
            .iterator();
    assertEquals(10, pages.next().items().size());
    server.control(
        "Delay", "{\"method\": \"" + SVC + "ListProjects\", \"seconds\": 2.0, \"times\": 0}");
    long start = System.nanoTime();
    assertThrows(DeadlineExceededException.class, pages::next);
    assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(2), "deadline not applied");
  }

  @Test
  void deadlineExceeded() {
    String ns = namespace();
    client.projects().create(project(ns, "slow"));
    server.control(
        "Delay", "{\"method\": \"" + SVC + "GetProject\", \"seconds\": 1.0, \"times\": 1}");
    DeadlineExceededException e =
        assertThrows(
            DeadlineExceededException.class,
            () ->
                client.projects().get(ns, "slow", CallOptions.withTimeout(Duration.ofMillis(200))));
    assertFalse(e.isRetryable());
  }

  @Test
  void retriesIdempotentCallsOnUnavailable() {
    String ns = namespace();
    client.projects().create(project(ns, "r"));
    CALLS.clear();
    fail("GetProject", "UNAVAILABLE", 2);
    assertEquals("r", client.projects().get(ns, "r").getMetadata().getName());
    assertEquals(3, calls("GetProject"));

    CALLS.clear();
    fail("GetProject", "UNAVAILABLE", 10);
    assertThrows(UnavailableException.class, () -> client.projects().get(ns, "r"));
    assertEquals(4, calls("GetProject")); // maxAttempts
  }

  @Test
  void createIsRetriedLikeEveryWrite() {
    String ns = namespace();
    fail("CreateProject", "UNAVAILABLE", 1);
    Project created = client.projects().create(project(ns, "c"));
    assertEquals("c", created.getMetadata().getName());
    assertEquals(2, calls("CreateProject"));
    assertEquals(created, client.projects().get(ns, "c"));
  }

  static Cluster cluster(String ns, int allocatedGpu) {
    return Cluster.newBuilder()
        .setMetadata(ObjectMeta.newBuilder().setNamespace(ns).setName("gpu-pool"))
        .setStatus(
            ClusterStatus.newBuilder()
                .setAllocated(ClusterCapacity.newBuilder().setGpu(allocatedGpu)))
        .build();
  }

  /** A Cluster whose status breaks a status rule (status.allocated.gpu >= 0). */
  static Cluster clusterWithBadStatus(String ns) {
    return cluster(ns, -1);
  }

  @Test
  void updateStatusFillsTheDefaultNamespaceAndValidatesTheStatusRules() {
    String ns = namespace();
    try (MichelangeloClient scoped =
        MichelangeloClient.newBuilder()
            .setTarget(server.target())
            .setTls(false)
            .setDefaultNamespace(ns)
            .build()) {
      Project p = scoped.projects().create(project("", "s"));
      Project noNamespace =
          p.toBuilder()
              .setMetadata(p.getMetadata().toBuilder().clearNamespace())
              .setStatus(ProjectStatus.newBuilder().setModelCount(3))
              .build();
      Project updated = scoped.projects().updateStatus(noNamespace);
      assertEquals(ns, updated.getMetadata().getNamespace());
      assertEquals(3, updated.getStatus().getModelCount());
      assertEquals(
          3,
          scoped
              .projects()
              .updateStatusAsync(
                  noNamespace.toBuilder()
                      .setMetadata(updated.getMetadata().toBuilder().clearNamespace())
                      .build())
              .join()
              .getStatus()
              .getModelCount());
    }
    Cluster stored =
        client
            .clusters()
            .create(
                cluster(ns, 0).toBuilder()
                    .clearStatus()
                    .setSpec(
                        ClusterSpec.newBuilder()
                            .setProvider(ClusterProvider.CLUSTER_PROVIDER_ON_PREM)
                            .setRegion("dc-1")
                            .setKubeEndpoint("https://k8s.example.com"))
                    .build());
    Cluster bad = clusterWithBadStatus(ns).toBuilder().setMetadata(stored.getMetadata()).build();
    CALLS.clear();
    InvalidArgumentException local =
        assertThrows(InvalidArgumentException.class, () -> client.clusters().updateStatus(bad));
    assertEquals(0, calls("UpdateClusterStatus"), "client validation fails before any call");
    assertEquals(
        List.of(new FieldViolation("status.allocated.gpu", "must be at least 0")),
        local.getFieldViolations());
    assertEquals(
        List.of(new FieldViolation("status.allocated.gpu", "must be at least 0")),
        Validation.validateStatus(bad, ai.michelangelo.api.v2.client.ClusterClient.RULES));
    InvalidArgumentException remote =
        assertThrows(
            InvalidArgumentException.class,
            () ->
                client
                    .clusters()
                    .updateStatus(bad, CallOptions.newBuilder().setValidate(false).build()));
    assertEquals(remote.getMessage(), local.getMessage());
    assertEquals(remote.getFieldViolations(), local.getFieldViolations());
  }

  @Test
  void retryOnConflictEndsAtExactly160() throws Exception {
    String ns = namespace();
    client
        .projects()
        .create(
            project(ns, "counter").toBuilder()
                .setMetadata(
                    ObjectMeta.newBuilder()
                        .setNamespace(ns)
                        .setName("counter")
                        .putLabels("count", "0"))
                .build());
    RetrySettings settings =
        RetrySettings.newBuilder()
            .setInitialBackoff(Duration.ofMillis(1))
            .setMaxBackoff(Duration.ofMillis(50))
            .setMultiplier(1.5)
            .setJitter(true)
            .setMaxAttempts(200)
            .build();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        futures.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < 20; i++) {
                    Conflicts.retryOnConflict(
                        () -> {
                          Project p = client.projects().get(ns, "counter");
                          int n = Integer.parseInt(p.getMetadata().getLabelsOrThrow("count"));
                          Project.Builder b = p.toBuilder();
                          b.getMetadataBuilder().putLabels("count", Integer.toString(n + 1));
                          return client.projects().update(b.build());
                        },
                        settings);
                  }
                  return null;
                }));
      }
      for (Future<?> f : futures) {
        f.get(100, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(
        "160", client.projects().get(ns, "counter").getMetadata().getLabelsOrThrow("count"));
  }

  @Test
  void asyncVariants() throws Exception {
    String ns = namespace();
    Project created = client.projects().createAsync(project(ns, "a")).get(10, TimeUnit.SECONDS);
    Project got = client.projects().getAsync(ns, "a").get(10, TimeUnit.SECONDS);
    assertEquals(created, got);
    Project updated =
        client
            .projects()
            .updateAsync(
                got.toBuilder().setSpec(got.getSpec().toBuilder().setDescription("async")).build())
            .get(10, TimeUnit.SECONDS);
    assertEquals("async", updated.getSpec().getDescription());

    fail("GetProject", "UNAVAILABLE", 2);
    CALLS.clear();
    assertEquals(updated, client.projects().getAsync(ns, "a").get(10, TimeUnit.SECONDS));
    assertEquals(3, calls("GetProject"));

    client.projects().deleteAsync(ns, "a").get(10, TimeUnit.SECONDS);
    ExecutionException e =
        assertThrows(
            ExecutionException.class,
            () -> client.projects().getAsync(ns, "a").get(10, TimeUnit.SECONDS));
    assertInstanceOf(NotFoundException.class, e.getCause());
    assertInstanceOf(NotFoundException.class, MichelangeloException.from(e));

    CompletableFuture<Project> invalid =
        client.projects().createAsync(project(ns, "x").toBuilder().clearSpec().build());
    ExecutionException v =
        assertThrows(ExecutionException.class, () -> invalid.get(10, TimeUnit.SECONDS));
    assertInstanceOf(InvalidArgumentException.class, v.getCause());

    fail("CreateProject", "UNAVAILABLE", 1);
    CALLS.clear();
    client.projects().createAsync(project(ns, "y")).get(10, TimeUnit.SECONDS);
    assertEquals(2, calls("CreateProject"));

    // The pager's pages and deleteCollection without blocking.
    client.projects().create(project(ns, "z"));
    ListOptions pageOf1 = ListOptions.newBuilder().setLimit(1).build();
    Pager<Project> pager = client.projects().list(ns, pageOf1, CallOptions.defaults());
    Page<Project> first = pager.pageAsync("").get(10, TimeUnit.SECONDS);
    assertEquals(1, first.items().size());
    assertTrue(first.hasNextPage());
    Page<Project> second = pager.pageAsync(first.continueToken()).get(10, TimeUnit.SECONDS);
    assertNotEquals(first.items(), second.items());
    CALLS.clear();
    assertEquals(Set.of("y", "z"), names(pager.toListAsync().get(10, TimeUnit.SECONDS)));
    int asyncPages = calls("ListProjects");
    CALLS.clear();
    assertEquals(Set.of("y", "z"), names(pager.toList()));
    assertEquals(calls("ListProjects"), asyncPages, "the same pages as the sync pager");
    assertEquals(
        Set.of("y", "z"),
        names(
            client
                .projects()
                .deleteCollectionAsync(ns, null, CallOptions.defaults())
                .get(10, TimeUnit.SECONDS)
                .getItemsList()));
    assertTrue(client.projects().list(ns).toList().isEmpty());
  }

  /** Events until {@code n} arrived or 20 s passed. */
  static List<ProjectWatchEvent> take(Watcher<ProjectWatchEvent> w, int n) {
    List<ProjectWatchEvent> out = new ArrayList<>();
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (out.size() < n && System.nanoTime() < end) {
      ProjectWatchEvent e = w.poll(Duration.ofMillis(200));
      if (e != null) {
        out.add(e);
      }
    }
    return out;
  }

  @ParameterizedTest
  @ValueSource(strings = {"UNAVAILABLE", "OK"})
  void watchResumesAfterADroppedStream(String status) {
    String ns = namespace();
    for (int i = 0; i < 3; i++) {
      client.projects().create(project(ns, "before-" + i));
    }
    server.control(
        "CutWatch",
        "{\"method\": \""
            + SVC
            + "WatchProjects\", \"after_events\": 2, \"status\": \""
            + status
            + "\", \"times\": 2}");
    try (Watcher<ProjectWatchEvent> w = client.projects().watch(ns)) {
      List<ProjectWatchEvent> initial = take(w, 3);
      assertEquals(3, initial.size());
      initial.forEach(e -> assertEquals(WatchEventType.ADDED, e.getType()));
      for (int i = 0; i < 10; i++) {
        client.projects().create(project(ns, "after-" + i));
      }
      List<ProjectWatchEvent> later = take(w, 10);
      List<String> names = later.stream().map(e -> e.getObject().getMetadata().getName()).toList();
      List<String> expected = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        expected.add("after-" + i);
      }
      assertEquals(expected, names); // each exactly once, in order
      later.forEach(e -> assertEquals(WatchEventType.ADDED, e.getType()));
      assertNull(w.poll(Duration.ofMillis(500)), "no duplicates after the reconnects");
      assertTrue(calls("WatchProjects") >= 3, "reconnected: " + calls("WatchProjects"));
      assertEquals(
          later.get(9).getObject().getMetadata().getResourceVersion(), w.getResourceVersion());
    }
  }

  @Test
  void watchRelistsAfterOutOfRange() {
    String ns = namespace();
    client.projects().create(project(ns, "a"));
    String old = client.projects().list(ns).firstPage().resourceVersion();
    client.projects().create(project(ns, "b"));
    Project c = client.projects().create(project(ns, "c"));
    client.projects().delete(ns, "a");
    server.control("Compact", "{}");

    WatchOptions fromOld = WatchOptions.newBuilder().setResourceVersion(old).build();
    AtomicInteger relists = new AtomicInteger();
    WatchSettings counting =
        WatchSettings.newBuilder().setOnRelist(relists::incrementAndGet).build();
    try (Watcher<ProjectWatchEvent> w = client.projects().watch(ns, fromOld, counting)) {
      List<ProjectWatchEvent> relisted = take(w, 2);
      assertEquals(1, relists.get(), "onRelist called once for the relist");
      Map<String, WatchEventType> seen = new HashMap<>();
      relisted.forEach(e -> seen.put(e.getObject().getMetadata().getName(), e.getType()));
      assertEquals(Map.of("b", WatchEventType.ADDED, "c", WatchEventType.ADDED), seen);
      client
          .projects()
          .update(c.toBuilder().setSpec(c.getSpec().toBuilder().setDescription("d")).build());
      List<ProjectWatchEvent> resumed = take(w, 1);
      assertEquals(1, resumed.size());
      assertEquals(WatchEventType.MODIFIED, resumed.get(0).getType());
      assertEquals("c", resumed.get(0).getObject().getMetadata().getName());
      assertNull(w.poll(Duration.ofMillis(300)));
      assertEquals(1, relists.get());
    }
    // The initial list of a watch from "" is not a relist.
    try (Watcher<ProjectWatchEvent> w = client.projects().watch(ns, null, counting)) {
      assertEquals(2, take(w, 2).size());
      assertEquals(1, relists.get());
    }

    WatchSettings noRelist = WatchSettings.newBuilder().setRelistOnExpired(false).build();
    try (Watcher<ProjectWatchEvent> w = client.projects().watch(ns, fromOld, noRelist)) {
      assertThrows(ExpiredException.class, () -> w.poll(Duration.ofSeconds(10)));
    }
  }

  @Test
  void versionZeroMeansListFirstLikeEmpty() {
    String ns = namespace();
    Project a = client.projects().create(project(ns, "a"));
    client
        .projects()
        .update(a.toBuilder().setSpec(a.getSpec().toBuilder().setDescription("v2")).build());
    client.projects().create(project(ns, "b"));
    // Relisting off: "0" must not be sent as a version (no OUT_OF_RANGE, no replayed history).
    WatchOptions zero = WatchOptions.newBuilder().setResourceVersion("0").build();
    WatchSettings strict = WatchSettings.newBuilder().setRelistOnExpired(false).build();
    try (Watcher<ProjectWatchEvent> w = client.projects().watch(ns, zero, strict)) {
      List<ProjectWatchEvent> initial = take(w, 2);
      assertEquals(Set.of("a", "b"), names(initial));
      initial.forEach(e -> assertEquals(WatchEventType.ADDED, e.getType()));
      assertNull(w.poll(Duration.ofMillis(300)), "only the current objects, once each");
      client.projects().create(project(ns, "c"));
      assertEquals(
          List.of("c"),
          take(w, 1).stream().map(e -> e.getObject().getMetadata().getName()).toList());
    }
  }

  /** A slow consumer holds only a few events: the stream is flow-controlled, not drained. */
  @Test
  void aSlowConsumerHoldsAtMostAFewEvents() throws Exception {
    String ns = namespace();
    int n = 150;
    try (Watcher<ProjectWatchEvent> w = client.projects().watch(ns)) {
      assertNull(w.poll(Duration.ofMillis(200))); // the list is done, the stream open
      List<CompletableFuture<Project>> creates = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        creates.add(client.projects().createAsync(project(ns, String.format("e-%03d", i))));
      }
      CompletableFuture.allOf(creates.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
      Thread.sleep(300); // time for an unbounded reader to have buffered all of them
      int maxBuffered = 0;
      Set<String> seen = new HashSet<>();
      while (seen.size() < n) {
        maxBuffered = Math.max(maxBuffered, w.getBufferedCount());
        ProjectWatchEvent e = w.poll(Duration.ofSeconds(10));
        assertNotNull(e, "event " + seen.size() + " did not arrive");
        seen.add(e.getObject().getMetadata().getName());
        if (seen.size() % 10 == 0) {
          Thread.sleep(20); // slow
        }
      }
      assertTrue(maxBuffered <= 2, "buffered " + maxBuffered + " events");
      assertEquals(n, seen.size());
    }
  }

  @Test
  void forEachAsyncReadsAWatchOnAnExecutor() throws Exception {
    String ns = namespace();
    client.projects().create(project(ns, "a"));
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try (Watcher<ProjectWatchEvent> w = client.projects().watch(ns)) {
      List<String> got = new java.util.concurrent.CopyOnWriteArrayList<>();
      CompletableFuture<Void> done =
          w.forEachAsync(e -> got.add(e.getObject().getMetadata().getName()), pool);
      client.projects().create(project(ns, "b"));
      long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (got.size() < 2 && System.nanoTime() < end) {
        Thread.sleep(20);
      }
      assertEquals(List.of("a", "b"), got);
      assertFalse(done.isDone());
      w.close();
      done.get(10, TimeUnit.SECONDS); // completes normally when closed
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void watchCloseUnblocksAReader() throws Exception {
    String ns = namespace();
    Watcher<ProjectWatchEvent> w = client.projects().watch(ns);
    CompletableFuture<Boolean> reader = CompletableFuture.supplyAsync(w::hasNext);
    Thread.sleep(300);
    long start = System.nanoTime();
    w.close();
    assertFalse(reader.get(10, TimeUnit.SECONDS));
    long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    assertTrue(ms < 1000, "the reader returned " + ms + " ms after close");
  }

  @Test
  void settingsAreImmutableWithBuilders() {
    ClientSettings s = ClientSettings.newBuilder().setTarget("localhost:1").setTls(false).build();
    ClientSettings t = s.toBuilder().setDefaultNamespace("x").build();
    assertEquals("", s.getDefaultNamespace());
    assertEquals("x", t.getDefaultNamespace());
    RetrySettings r = RetrySettings.defaults().toBuilder().setMaxAttempts(2).build();
    assertTrue(RetrySettings.defaults().isJitter());
    assertNull(RetrySettings.defaults().getAttemptTimeout());
    assertEquals(2, r.getMaxAttempts());
    assertEquals(5, RetrySettings.defaults().getMaxAttempts());
    // The default conflict budget is the Python and Go SDKs': 10 attempts, 10 ms doubling to 1 s.
    RetrySettings conflicts = Conflicts.defaultRetrySettings();
    assertEquals(10, conflicts.getMaxAttempts());
    assertEquals(Duration.ofMillis(10), conflicts.getInitialBackoff());
    assertEquals(2.0, conflicts.getMultiplier());
    assertEquals(Duration.ofSeconds(1), conflicts.getMaxBackoff());
    assertNotNull(CallOptions.withTimeout(Duration.ofSeconds(1)).getTimeout());
    assertThrows(IllegalArgumentException.class, () -> ClientSettings.newBuilder().build());
  }
}
