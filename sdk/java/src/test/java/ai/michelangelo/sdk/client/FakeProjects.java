package ai.michelangelo.sdk.client;

import ai.michelangelo.api.ListMeta;
import ai.michelangelo.api.ObjectMeta;
import ai.michelangelo.api.WatchEventType;
import ai.michelangelo.api.v2.CreateProjectRequest;
import ai.michelangelo.api.v2.DeleteProjectCollectionRequest;
import ai.michelangelo.api.v2.DeleteProjectRequest;
import ai.michelangelo.api.v2.GetProjectRequest;
import ai.michelangelo.api.v2.ListProjectsRequest;
import ai.michelangelo.api.v2.Project;
import ai.michelangelo.api.v2.ProjectList;
import ai.michelangelo.api.v2.ProjectServiceGrpc;
import ai.michelangelo.api.v2.ProjectWatchEvent;
import ai.michelangelo.api.v2.UpdateProjectRequest;
import ai.michelangelo.api.v2.UpdateProjectStatusRequest;
import ai.michelangelo.api.v2.WatchProjectsRequest;
import io.grpc.Context;
import io.grpc.Deadline;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.services.HealthStatusManager;
import io.grpc.stub.StreamObserver;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A grpc-java ProjectService on loopback (port 0) that records every call's headers and deadline
 * and fails or delays calls on request: for wire-level checks (metadata, keys, deadlines, status
 * details) the real server cannot show or inject. It serves {@code grpc.health.v1.Health} too
 * (service {@code ""} SERVING until {@link #serving(boolean)} says otherwise), for the clients'
 * health checks.
 */
final class FakeProjects extends ProjectServiceGrpc.ProjectServiceImplBase
    implements AutoCloseable {
  /** One call as the server saw it. */
  record Recorded(String method, Metadata headers, Long deadlineMs) {
    String header(String key) {
      return headers.get(Metadata.Key.of(key, Metadata.ASCII_STRING_MARSHALLER));
    }
  }

  final List<Recorded> calls = new CopyOnWriteArrayList<>();
  private final Map<String, ConcurrentLinkedDeque<StatusRuntimeException>> failures =
      new ConcurrentHashMap<>();
  private final Map<String, ConcurrentLinkedDeque<Long>> delays = new ConcurrentHashMap<>();

  /** How each watch stream ends after its one event; empty: the stream stays open. */
  final ConcurrentLinkedDeque<Status> watchEnds = new ConcurrentLinkedDeque<>();

  /** The resource version of every watch request, in order. */
  final List<String> watchedFrom = new CopyOnWriteArrayList<>();

  /** The watch streams left open (no watch end queued), for {@link #stop()}. */
  private final List<StreamObserver<ProjectWatchEvent>> openWatches = new CopyOnWriteArrayList<>();

  private final HealthStatusManager health = new HealthStatusManager();
  private final Server server;

  FakeProjects() throws java.io.IOException {
    ServerInterceptor recorder =
        new ServerInterceptor() {
          @Override
          public <Q, R> ServerCall.Listener<Q> interceptCall(
              ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
            String method = call.getMethodDescriptor().getBareMethodName();
            Deadline d = Context.current().getDeadline();
            Metadata copy = new Metadata();
            copy.merge(headers);
            calls.add(
                new Recorded(
                    method, copy, d == null ? null : d.timeRemaining(TimeUnit.MILLISECONDS)));
            // Both faults are taken when the call arrives, so a call still sleeping after its
            // test ended cannot take the next test's failure.
            Long delay = poll(delays, method);
            StatusRuntimeException fail = poll(failures, method);
            if (delay != null) {
              try {
                Thread.sleep(delay);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            }
            if (fail != null) {
              call.close(
                  fail.getStatus(),
                  fail.getTrailers() == null ? new Metadata() : fail.getTrailers());
              return new ServerCall.Listener<>() {};
            }
            return next.startCall(call, headers);
          }
        };
    server =
        NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
            .addService(ServerInterceptors.intercept(this, recorder))
            .addService(health.getHealthService())
            .build()
            .start();
  }

  private static <T> T poll(Map<String, ConcurrentLinkedDeque<T>> m, String method) {
    ConcurrentLinkedDeque<T> q = m.get(method);
    return q == null ? null : q.poll();
  }

  String target() {
    return "127.0.0.1:" + server.getPort();
  }

  /** What the health service answers for service {@code ""}: SERVING or NOT_SERVING. */
  void serving(boolean serving) {
    health.setStatus(
        HealthStatusManager.SERVICE_NAME_ALL_SERVICES,
        serving ? ServingStatus.SERVING : ServingStatus.NOT_SERVING);
  }

  /** The next {@code times} calls of {@code method} (e.g. GetProject) end with {@code e}. */
  void fail(String method, StatusRuntimeException e, int times) {
    for (int i = 0; i < times; i++) {
      failures.computeIfAbsent(method, k -> new ConcurrentLinkedDeque<>()).add(e);
    }
  }

  void fail(String method, Status.Code code, int times) {
    fail(method, code.toStatus().withDescription("injected").asRuntimeException(), times);
  }

  /** The next {@code times} calls of {@code method} wait {@code ms} before being handled. */
  void delay(String method, long ms, int times) {
    for (int i = 0; i < times; i++) {
      delays.computeIfAbsent(method, k -> new ConcurrentLinkedDeque<>()).add(ms);
    }
  }

  List<Recorded> calls(String method) {
    return calls.stream().filter(c -> c.method().equals(method)).toList();
  }

  void reset() {
    calls.clear();
    failures.clear();
    delays.clear();
    watchEnds.clear();
    watchedFrom.clear();
    openWatches.clear();
  }

  static Project project(String ns, String name, String version) {
    return Project.newBuilder()
        .setApiVersion("michelangelo.api/v2")
        .setKind("Project")
        .setMetadata(
            ObjectMeta.newBuilder().setNamespace(ns).setName(name).setResourceVersion(version))
        .build();
  }

  private static <T> void reply(StreamObserver<T> out, T value) {
    out.onNext(value);
    out.onCompleted();
  }

  @Override
  public void createProject(CreateProjectRequest request, StreamObserver<Project> out) {
    reply(out, request.getProject());
  }

  @Override
  public void getProject(GetProjectRequest request, StreamObserver<Project> out) {
    reply(out, project(request.getNamespace(), request.getName(), "1"));
  }

  @Override
  public void updateProject(UpdateProjectRequest request, StreamObserver<Project> out) {
    reply(out, request.getProject());
  }

  @Override
  public void updateProjectStatus(UpdateProjectStatusRequest request, StreamObserver<Project> out) {
    reply(out, request.getProject());
  }

  @Override
  public void deleteProject(DeleteProjectRequest request, StreamObserver<Project> out) {
    reply(out, project(request.getNamespace(), request.getName(), "2"));
  }

  @Override
  public void deleteProjectCollection(
      DeleteProjectCollectionRequest request, StreamObserver<ProjectList> out) {
    reply(out, ProjectList.getDefaultInstance());
  }

  @Override
  public void listProjects(ListProjectsRequest request, StreamObserver<ProjectList> out) {
    reply(
        out,
        ProjectList.newBuilder()
            .addItems(project(request.getNamespace(), "listed", "3"))
            .setMetadata(ListMeta.newBuilder().setResourceVersion("3"))
            .build());
  }

  /** One MODIFIED event at version n+1 of the request's version n, then the next watch end. */
  @Override
  public void watchProjects(WatchProjectsRequest request, StreamObserver<ProjectWatchEvent> out) {
    watchedFrom.add(request.getOptions().getResourceVersion());
    long from = Long.parseLong(request.getOptions().getResourceVersion());
    // Taken before the event is sent: once the client has the event its test may end and the next
    // test queue its own end, which this call, descheduled after onNext, would otherwise take.
    Status end = watchEnds.poll();
    out.onNext(
        ProjectWatchEvent.newBuilder()
            .setType(WatchEventType.MODIFIED)
            .setObject(project(request.getNamespace(), "w", Long.toString(from + 1)))
            .build());
    if (end == null) {
      openWatches.add(out);
      return; // stays open until the client cancels
    }
    if (end.isOk()) {
      out.onCompleted();
    } else {
      out.onError(end.asRuntimeException());
    }
  }

  /**
   * The instance goes away as ma-server does on SIGTERM: no new calls (GOAWAY), open watches end
   * with UNAVAILABLE "server shutting down", then the server closes. ({@link #close()} alone resets
   * open streams with CANCEL, which a client takes as the end of a watch.)
   */
  void stop() throws InterruptedException {
    server.shutdown();
    for (StreamObserver<ProjectWatchEvent> out : openWatches) {
      try {
        out.onError(
            Status.UNAVAILABLE.withDescription("server shutting down").asRuntimeException());
      } catch (RuntimeException alreadyCancelled) {
        // The client went first.
      }
    }
    close();
  }

  @Override
  public void close() throws InterruptedException {
    server.shutdownNow();
    server.awaitTermination(5, TimeUnit.SECONDS);
  }
}
