package ai.michelangelo.sdk.client;

import ai.michelangelo.api.ObjectMeta;
import ai.michelangelo.api.v2.GetProjectRequest;
import ai.michelangelo.api.v2.Project;
import ai.michelangelo.api.v2.ProjectServiceGrpc;
import ai.michelangelo.api.v2.ProjectSpec;
import ai.michelangelo.api.v2.client.MichelangeloClient;
import ai.michelangelo.sdk.ClientSettings;
import com.google.protobuf.Timestamp;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Measures the cost the generated client adds to a get: {@code client.projects().get} (settings,
 * retry loop and exception mapping in {@code Transport}) against the raw {@code ProjectServiceGrpc}
 * blocking stub.
 *
 * <p>Both paths share one channel, built as {@code Transport.create} builds its own (plaintext,
 * {@code Grpc.newChannelBuilder}), so the only difference between them is the wrapper code. Each
 * phase is a closed loop of {@code concurrency} threads calling until {@code calls} calls have
 * completed or 20 s have passed, and reports completed calls per second. Raw and wrapper phases
 * alternate within each round so that drift (JIT, server warm-up, a noisy machine) affects both
 * alike; the caller compares medians over rounds. Before the first round the paths get two
 * alternating warm-up phases each, every one of at least 20,000 calls and at least 3 s (at most 20
 * s): the wrapper's first calls take branches the raw path never did (its default deadline), so the
 * JIT deoptimises and recompiles shared gRPC and Netty code, and a single raw-then-wrapper warm-up
 * leaves that recompilation running into round 1's raw phase. Only the warm-up is discarded.
 *
 * <p>The target is either a server's {@code host:port}, where the project {@code bench/p0} must
 * exist, or the word {@code inprocess}: the program then serves {@code ProjectService} itself, on
 * 127.0.0.1 (an ephemeral port) in the same JVM, answering {@code GetProject} for {@code bench/p0}
 * from memory with one fixed project ({@code NOT_FOUND} for any other name), and both paths call it
 * over loopback TCP. A real server is slow enough (a few thousand calls per second) to hide the
 * wrapper's cost in its own noise; the in-process server costs little beyond gRPC itself, so the
 * difference between the paths shows. The server is stopped at exit.
 *
 * <p>Output, one pair per round, on stdout: {@code raw <calls_per_second>} then {@code wrapper
 * <calls_per_second>}. Any failed call ends the program with a message and exit status 1.
 *
 * <pre>
 * java -cp ... ai.michelangelo.sdk.client.GetBench 127.0.0.1:50051 5 5000 16
 * java -cp ... ai.michelangelo.sdk.client.GetBench inprocess 7 50000 16
 * </pre>
 */
public final class GetBench {
  private static final String NAMESPACE = "bench";
  private static final String NAME = "p0";
  private static final String IN_PROCESS = "inprocess";
  private static final int WARMUP_CALLS = 20_000;
  private static final long WARMUP_MIN_NANOS = TimeUnit.SECONDS.toNanos(3);
  private static final int WARMUP_CYCLES = 2;
  private static final long PHASE_LIMIT_NANOS = TimeUnit.SECONDS.toNanos(20);

  private GetBench() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 4) {
      System.err.println("usage: GetBench <target|inprocess> <rounds> <calls> <concurrency>");
      System.exit(2);
    }
    String target = args[0];
    int rounds = Integer.parseInt(args[1]);
    int calls = Integer.parseInt(args[2]);
    int concurrency = Integer.parseInt(args[3]);
    if (rounds < 1 || calls < 1 || concurrency < 1) {
      System.err.println("GetBench: rounds, calls and concurrency must be positive");
      System.exit(2);
    }

    Server server = null;
    if (IN_PROCESS.equals(target)) {
      server = serve();
      target = "127.0.0.1:" + server.getPort();
    }
    int status = 0;
    try {
      run(target, rounds, calls, concurrency);
    } catch (PhaseFailed e) {
      System.err.println("GetBench: " + e.getMessage());
      status = 1;
    } finally {
      if (server != null) {
        server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      }
    }
    System.exit(status);
  }

  private static void run(String target, int rounds, int calls, int concurrency)
      throws InterruptedException, PhaseFailed {
    ManagedChannel channel =
        Grpc.newChannelBuilder(target, InsecureChannelCredentials.create()).build();
    ExecutorService pool = Executors.newFixedThreadPool(concurrency);
    try (MichelangeloClient client =
        MichelangeloClient.create(
            ClientSettings.newBuilder().setTarget(target).setTls(false).build(), channel)) {
      ProjectServiceGrpc.ProjectServiceBlockingStub stub =
          ProjectServiceGrpc.newBlockingStub(channel);
      // The raw call carries the same deadline the client applies by default (30 s), so both
      // paths make the same RPC and the difference is the wrapper's own work.
      Duration deadline = ClientSettings.newBuilder().setTarget(target).build().getDefaultTimeout();
      Supplier<Project> raw =
          () ->
              stub.withDeadlineAfter(deadline.toNanos(), TimeUnit.NANOSECONDS)
                  .getProject(
                      GetProjectRequest.newBuilder().setNamespace(NAMESPACE).setName(NAME).build());
      Supplier<Project> wrapper = () -> client.projects().get(NAMESPACE, NAME);

      for (int w = 1; w <= WARMUP_CYCLES; w++) {
        phase("warm-up " + w + ", raw", raw, WARMUP_CALLS, WARMUP_MIN_NANOS, concurrency, pool);
        phase(
            "warm-up " + w + ", wrapper",
            wrapper,
            WARMUP_CALLS,
            WARMUP_MIN_NANOS,
            concurrency,
            pool);
      }
      for (int r = 1; r <= rounds; r++) {
        System.out.printf(
            Locale.ROOT,
            "raw %.1f%n",
            phase("round " + r + ", raw", raw, calls, 0, concurrency, pool));
        System.out.printf(
            Locale.ROOT,
            "wrapper %.1f%n",
            phase("round " + r + ", wrapper", wrapper, calls, 0, concurrency, pool));
      }
    } finally {
      pool.shutdownNow();
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
  }

  /** Starts the in-process {@code ProjectService} on 127.0.0.1 at an ephemeral port. */
  private static Server serve() throws IOException {
    return NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
        .addService(new ProjectService(benchProject()))
        .build()
        .start();
  }

  /** Answers {@code GetProject} from memory with one fixed project. */
  private static final class ProjectService extends ProjectServiceGrpc.ProjectServiceImplBase {
    private final Project project;

    ProjectService(Project project) {
      this.project = project;
    }

    @Override
    public void getProject(GetProjectRequest request, StreamObserver<Project> response) {
      ObjectMeta m = project.getMetadata();
      if (!request.getNamespace().equals(m.getNamespace())
          || !request.getName().equals(m.getName())) {
        response.onError(
            Status.NOT_FOUND
                .withDescription(
                    "project \""
                        + request.getName()
                        + "\" not found in namespace \""
                        + request.getNamespace()
                        + "\"")
                .asRuntimeException());
        return;
      }
      response.onNext(project);
      response.onCompleted();
    }
  }

  /**
   * A realistic stored project: what ma-server returns for a project created with labels, a team, a
   * tier, a description and two notification addresses.
   */
  private static Project benchProject() {
    return Project.newBuilder()
        .setApiVersion("michelangelo.api/v2")
        .setKind("Project")
        .setMetadata(
            ObjectMeta.newBuilder()
                .setName(NAME)
                .setNamespace(NAMESPACE)
                .setUid("3f2b8c1e-7d4a-4e9b-9c61-0a5d2e8f4b17")
                .setResourceVersion("128734")
                .setGeneration(3)
                .setCreationTimestamp(Timestamp.newBuilder().setSeconds(1_741_944_413L))
                .putLabels("team", "ml-platform")
                .putLabels("environment", "production")
                .putLabels("cost-center", "cc-4412"))
        .setSpec(
            ProjectSpec.newBuilder()
                .setDescription(
                    "Estimated time of arrival models for the rides marketplace: daily retraining"
                        + " on the last 90 days of trips, shadow evaluation against the serving"
                        + " model, and promotion after the weekly review.")
                .setOwningTeam("ml-platform")
                .setTier("critical")
                .addNotificationEmails("ml-platform-oncall@example.com")
                .addNotificationEmails("eta-models@example.com"))
        .build();
  }

  /**
   * Runs {@code concurrency} tasks, each calling back to back, until {@code n} calls are claimed
   * and {@code minNanos} have passed, or the phase limit passes; returns completed calls per second
   * of wall time. Each answer is checked so neither path can win by failing fast; the first failure
   * stops the others and is thrown.
   */
  private static double phase(
      String label,
      Supplier<Project> call,
      int n,
      long minNanos,
      int concurrency,
      ExecutorService pool)
      throws InterruptedException, PhaseFailed {
    AtomicLong claimed = new AtomicLong();
    AtomicLong done = new AtomicLong();
    AtomicBoolean failed = new AtomicBoolean();
    long start = System.nanoTime();
    List<Future<?>> workers = new ArrayList<>();
    for (int i = 0; i < concurrency; i++) {
      workers.add(
          pool.submit(
              () -> {
                while ((claimed.incrementAndGet() <= n || System.nanoTime() - start < minNanos)
                    && !failed.get()
                    && System.nanoTime() - start < PHASE_LIMIT_NANOS) {
                  try {
                    Project p = call.get();
                    if (!NAME.equals(p.getMetadata().getName())) {
                      throw new IllegalStateException("got project " + p.getMetadata().getName());
                    }
                  } catch (RuntimeException e) {
                    failed.set(true);
                    throw e;
                  }
                  done.incrementAndGet();
                }
                return null;
              }));
    }
    Throwable first = null;
    for (Future<?> w : workers) {
      try {
        w.get();
      } catch (ExecutionException e) {
        if (first == null) {
          first = e.getCause();
        }
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    if (first != null) {
      throw new PhaseFailed(label + ": " + first, first);
    }
    return done.get() / seconds;
  }

  /** A call of a phase failed. */
  private static final class PhaseFailed extends Exception {
    PhaseFailed(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
