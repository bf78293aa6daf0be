package ai.michelangelo.api.v2;

import static io.grpc.MethodDescriptor.generateFullMethodName;

/**
 * <pre>
 * TriggerRunService manages trigger runs. Writes use optimistic concurrency on
 * metadata.resource_version; reads and watches follow the Kubernetes API conventions.
 * </pre>
 */
@javax.annotation.Generated(
    value = "by gRPC proto compiler (version 1.60.0)",
    comments = "Source: michelangelo/api/v2/trigger_run_svc.proto")
@io.grpc.stub.annotations.GrpcGenerated
public final class TriggerRunServiceGrpc {

  private TriggerRunServiceGrpc() {}

  public static final java.lang.String SERVICE_NAME = "michelangelo.api.v2.TriggerRunService";

  // Static method descriptors that strictly reflect the proto.
  private static volatile io.grpc.MethodDescriptor<ai.michelangelo.api.v2.CreateTriggerRunRequest,
      ai.michelangelo.api.v2.TriggerRun> getCreateTriggerRunMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "CreateTriggerRun",
      requestType = ai.michelangelo.api.v2.CreateTriggerRunRequest.class,
      responseType = ai.michelangelo.api.v2.TriggerRun.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<ai.michelangelo.api.v2.CreateTriggerRunRequest,
      ai.michelangelo.api.v2.TriggerRun> getCreateTriggerRunMethod() {
    io.grpc.MethodDescriptor<ai.michelangelo.api.v2.CreateTriggerRunRequest, ai.michelangelo.api.v2.TriggerRun> getCreateTriggerRunMethod;
    if ((getCreateTriggerRunMethod = TriggerRunServiceGrpc.getCreateTriggerRunMethod) == null) {
      synchronized (TriggerRunServiceGrpc.class) {
        if ((getCreateTriggerRunMethod = TriggerRunServiceGrpc.getCreateTriggerRunMethod) == null) {
          TriggerRunServiceGrpc.getCreateTriggerRunMethod = getCreateTriggerRunMethod =
              io.grpc.MethodDescriptor.<ai.michelangelo.api.v2.CreateTriggerRunRequest, ai.michelangelo.api.v2.TriggerRun>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "CreateTriggerRun"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.CreateTriggerRunRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.TriggerRun.getDefaultInstance()))
              .setSchemaDescriptor(new TriggerRunServiceMethodDescriptorSupplier("CreateTriggerRun"))
              .build();
        }
      }
    }
    return getCreateTriggerRunMethod;
  }

  private static volatile io.grpc.MethodDescriptor<ai.michelangelo.api.v2.GetTriggerRunRequest,
      ai.michelangelo.api.v2.TriggerRun> getGetTriggerRunMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "GetTriggerRun",
      requestType = ai.michelangelo.api.v2.GetTriggerRunRequest.class,
      responseType = ai.michelangelo.api.v2.TriggerRun.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<ai.michelangelo.api.v2.GetTriggerRunRequest,
      ai.michelangelo.api.v2.TriggerRun> getGetTriggerRunMethod() {
    io.grpc.MethodDescriptor<ai.michelangelo.api.v2.GetTriggerRunRequest, ai.michelangelo.api.v2.TriggerRun> getGetTriggerRunMethod;
    if ((getGetTriggerRunMethod = TriggerRunServiceGrpc.getGetTriggerRunMethod) == null) {
      synchronized (TriggerRunServiceGrpc.class) {
        if ((getGetTriggerRunMethod = TriggerRunServiceGrpc.getGetTriggerRunMethod) == null) {
          TriggerRunServiceGrpc.getGetTriggerRunMethod = getGetTriggerRunMethod =
              io.grpc.MethodDescriptor.<ai.michelangelo.api.v2.GetTriggerRunRequest, ai.michelangelo.api.v2.TriggerRun>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "GetTriggerRun"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.GetTriggerRunRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.TriggerRun.getDefaultInstance()))
              .setSchemaDescriptor(new TriggerRunServiceMethodDescriptorSupplier("GetTriggerRun"))
              .build();
        }
      }
    }
    return getGetTriggerRunMethod;
  }

  private static volatile io.grpc.MethodDescriptor<ai.michelangelo.api.v2.UpdateTriggerRunRequest,
      ai.michelangelo.api.v2.TriggerRun> getUpdateTriggerRunMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "UpdateTriggerRun",
      requestType = ai.michelangelo.api.v2.UpdateTriggerRunRequest.class,
      responseType = ai.michelangelo.api.v2.TriggerRun.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<ai.michelangelo.api.v2.UpdateTriggerRunRequest,
      ai.michelangelo.api.v2.TriggerRun> getUpdateTriggerRunMethod() {
    io.grpc.MethodDescriptor<ai.michelangelo.api.v2.UpdateTriggerRunRequest, ai.michelangelo.api.v2.TriggerRun> getUpdateTriggerRunMethod;
    if ((getUpdateTriggerRunMethod = TriggerRunServiceGrpc.getUpdateTriggerRunMethod) == null) {
      synchronized (TriggerRunServiceGrpc.class) {
        if ((getUpdateTriggerRunMethod = TriggerRunServiceGrpc.getUpdateTriggerRunMethod) == null) {
          TriggerRunServiceGrpc.getUpdateTriggerRunMethod = getUpdateTriggerRunMethod =
              io.grpc.MethodDescriptor.<ai.michelangelo.api.v2.UpdateTriggerRunRequest, ai.michelangelo.api.v2.TriggerRun>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "UpdateTriggerRun"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.UpdateTriggerRunRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.TriggerRun.getDefaultInstance()))
              .setSchemaDescriptor(new TriggerRunServiceMethodDescriptorSupplier("UpdateTriggerRun"))
              .build();
        }
      }
    }
    return getUpdateTriggerRunMethod;
  }

  private static volatile io.grpc.MethodDescriptor<ai.michelangelo.api.v2.UpdateTriggerRunStatusRequest,
      ai.michelangelo.api.v2.TriggerRun> getUpdateTriggerRunStatusMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "UpdateTriggerRunStatus",
      requestType = ai.michelangelo.api.v2.UpdateTriggerRunStatusRequest.class,
      responseType = ai.michelangelo.api.v2.TriggerRun.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<ai.michelangelo.api.v2.UpdateTriggerRunStatusRequest,
      ai.michelangelo.api.v2.TriggerRun> getUpdateTriggerRunStatusMethod() {
    io.grpc.MethodDescriptor<ai.michelangelo.api.v2.UpdateTriggerRunStatusRequest, ai.michelangelo.api.v2.TriggerRun> getUpdateTriggerRunStatusMethod;
    if ((getUpdateTriggerRunStatusMethod = TriggerRunServiceGrpc.getUpdateTriggerRunStatusMethod) == null) {
      synchronized (TriggerRunServiceGrpc.class) {
        if ((getUpdateTriggerRunStatusMethod = TriggerRunServiceGrpc.getUpdateTriggerRunStatusMethod) == null) {
          TriggerRunServiceGrpc.getUpdateTriggerRunStatusMethod = getUpdateTriggerRunStatusMethod =
              io.grpc.MethodDescriptor.<ai.michelangelo.api.v2.UpdateTriggerRunStatusRequest, ai.michelangelo.api.v2.TriggerRun>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "UpdateTriggerRunStatus"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.UpdateTriggerRunStatusRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.TriggerRun.getDefaultInstance()))
              .setSchemaDescriptor(new TriggerRunServiceMethodDescriptorSupplier("UpdateTriggerRunStatus"))
              .build();
        }
      }
    }
    return getUpdateTriggerRunStatusMethod;
  }

  private static volatile io.grpc.MethodDescriptor<ai.michelangelo.api.v2.DeleteTriggerRunRequest,
      ai.michelangelo.api.v2.TriggerRun> getDeleteTriggerRunMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "DeleteTriggerRun",
      requestType = ai.michelangelo.api.v2.DeleteTriggerRunRequest.class,
      responseType = ai.michelangelo.api.v2.TriggerRun.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<ai.michelangelo.api.v2.DeleteTriggerRunRequest,
      ai.michelangelo.api.v2.TriggerRun> getDeleteTriggerRunMethod() {
    io.grpc.MethodDescriptor<ai.michelangelo.api.v2.DeleteTriggerRunRequest, ai.michelangelo.api.v2.TriggerRun> getDeleteTriggerRunMethod;
    if ((getDeleteTriggerRunMethod = TriggerRunServiceGrpc.getDeleteTriggerRunMethod) == null) {
      synchronized (TriggerRunServiceGrpc.class) {
        if ((getDeleteTriggerRunMethod = TriggerRunServiceGrpc.getDeleteTriggerRunMethod) == null) {
          TriggerRunServiceGrpc.getDeleteTriggerRunMethod = getDeleteTriggerRunMethod =
              io.grpc.MethodDescriptor.<ai.michelangelo.api.v2.DeleteTriggerRunRequest, ai.michelangelo.api.v2.TriggerRun>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "DeleteTriggerRun"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.DeleteTriggerRunRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.TriggerRun.getDefaultInstance()))
              .setSchemaDescriptor(new TriggerRunServiceMethodDescriptorSupplier("DeleteTriggerRun"))
              .build();
        }
      }
    }
    return getDeleteTriggerRunMethod;
  }

  private static volatile io.grpc.MethodDescriptor<ai.michelangelo.api.v2.DeleteTriggerRunCollectionRequest,
      ai.michelangelo.api.v2.TriggerRunList> getDeleteTriggerRunCollectionMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "DeleteTriggerRunCollection",
      requestType = ai.michelangelo.api.v2.DeleteTriggerRunCollectionRequest.class,
      responseType = ai.michelangelo.api.v2.TriggerRunList.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<ai.michelangelo.api.v2.DeleteTriggerRunCollectionRequest,
      ai.michelangelo.api.v2.TriggerRunList> getDeleteTriggerRunCollectionMethod() {
    io.grpc.MethodDescriptor<ai.michelangelo.api.v2.DeleteTriggerRunCollectionRequest, ai.michelangelo.api.v2.TriggerRunList> getDeleteTriggerRunCollectionMethod;
    if ((getDeleteTriggerRunCollectionMethod = TriggerRunServiceGrpc.getDeleteTriggerRunCollectionMethod) == null) {
      synchronized (TriggerRunServiceGrpc.class) {
        if ((getDeleteTriggerRunCollectionMethod = TriggerRunServiceGrpc.getDeleteTriggerRunCollectionMethod) == null) {
          TriggerRunServiceGrpc.getDeleteTriggerRunCollectionMethod = getDeleteTriggerRunCollectionMethod =
              io.grpc.MethodDescriptor.<ai.michelangelo.api.v2.DeleteTriggerRunCollectionRequest, ai.michelangelo.api.v2.TriggerRunList>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "DeleteTriggerRunCollection"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.DeleteTriggerRunCollectionRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.TriggerRunList.getDefaultInstance()))
              .setSchemaDescriptor(new TriggerRunServiceMethodDescriptorSupplier("DeleteTriggerRunCollection"))
              .build();
        }
      }
    }
    return getDeleteTriggerRunCollectionMethod;
  }

  private static volatile io.grpc.MethodDescriptor<ai.michelangelo.api.v2.ListTriggerRunsRequest,
      ai.michelangelo.api.v2.TriggerRunList> getListTriggerRunsMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ListTriggerRuns",
      requestType = ai.michelangelo.api.v2.ListTriggerRunsRequest.class,
      responseType = ai.michelangelo.api.v2.TriggerRunList.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<ai.michelangelo.api.v2.ListTriggerRunsRequest,
      ai.michelangelo.api.v2.TriggerRunList> getListTriggerRunsMethod() {
    io.grpc.MethodDescriptor<ai.michelangelo.api.v2.ListTriggerRunsRequest, ai.michelangelo.api.v2.TriggerRunList> getListTriggerRunsMethod;
    if ((getListTriggerRunsMethod = TriggerRunServiceGrpc.getListTriggerRunsMethod) == null) {
      synchronized (TriggerRunServiceGrpc.class) {
        if ((getListTriggerRunsMethod = TriggerRunServiceGrpc.getListTriggerRunsMethod) == null) {
          TriggerRunServiceGrpc.getListTriggerRunsMethod = getListTriggerRunsMethod =
              io.grpc.MethodDescriptor.<ai.michelangelo.api.v2.ListTriggerRunsRequest, ai.michelangelo.api.v2.TriggerRunList>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ListTriggerRuns"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.ListTriggerRunsRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.TriggerRunList.getDefaultInstance()))
              .setSchemaDescriptor(new TriggerRunServiceMethodDescriptorSupplier("ListTriggerRuns"))
              .build();
        }
      }
    }
    return getListTriggerRunsMethod;
  }

  private static volatile io.grpc.MethodDescriptor<ai.michelangelo.api.v2.WatchTriggerRunsRequest,
      ai.michelangelo.api.v2.TriggerRunWatchEvent> getWatchTriggerRunsMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "WatchTriggerRuns",
      requestType = ai.michelangelo.api.v2.WatchTriggerRunsRequest.class,
      responseType = ai.michelangelo.api.v2.TriggerRunWatchEvent.class,
      methodType = io.grpc.MethodDescriptor.MethodType.SERVER_STREAMING)
  public static io.grpc.MethodDescriptor<ai.michelangelo.api.v2.WatchTriggerRunsRequest,
      ai.michelangelo.api.v2.TriggerRunWatchEvent> getWatchTriggerRunsMethod() {
    io.grpc.MethodDescriptor<ai.michelangelo.api.v2.WatchTriggerRunsRequest, ai.michelangelo.api.v2.TriggerRunWatchEvent> getWatchTriggerRunsMethod;
    if ((getWatchTriggerRunsMethod = TriggerRunServiceGrpc.getWatchTriggerRunsMethod) == null) {
      synchronized (TriggerRunServiceGrpc.class) {
        if ((getWatchTriggerRunsMethod = TriggerRunServiceGrpc.getWatchTriggerRunsMethod) == null) {
          TriggerRunServiceGrpc.getWatchTriggerRunsMethod = getWatchTriggerRunsMethod =
              io.grpc.MethodDescriptor.<ai.michelangelo.api.v2.WatchTriggerRunsRequest, ai.michelangelo.api.v2.TriggerRunWatchEvent>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.SERVER_STREAMING)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "WatchTriggerRuns"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.WatchTriggerRunsRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.TriggerRunWatchEvent.getDefaultInstance()))
              .setSchemaDescriptor(new TriggerRunServiceMethodDescriptorSupplier("WatchTriggerRuns"))
              .build();
        }
      }
    }
    return getWatchTriggerRunsMethod;
  }

  /**
   * Creates a new async stub that supports all call types for the service
   */
  public static TriggerRunServiceStub newStub(io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<TriggerRunServiceStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<TriggerRunServiceStub>() {
        @java.lang.Override
        public TriggerRunServiceStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new TriggerRunServiceStub(channel, callOptions);
        }
      };
    return TriggerRunServiceStub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports unary and streaming output calls on the service
   */
  public static TriggerRunServiceBlockingStub newBlockingStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<TriggerRunServiceBlockingStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<TriggerRunServiceBlockingStub>() {
        @java.lang.Override
        public TriggerRunServiceBlockingStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new TriggerRunServiceBlockingStub(channel, callOptions);
        }
      };
    return TriggerRunServiceBlockingStub.newStub(factory, channel);
  }

  /**
   * Creates a new ListenableFuture-style stub that supports unary calls on the service
   */
  public static TriggerRunServiceFutureStub newFutureStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<TriggerRunServiceFutureStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<TriggerRunServiceFutureStub>() {
        @java.lang.Override
        public TriggerRunServiceFutureStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new TriggerRunServiceFutureStub(channel, callOptions);
        }
      };
    return TriggerRunServiceFutureStub.newStub(factory, channel);
  }

  /**
   * <pre>
   * TriggerRunService manages trigger runs. Writes use optimistic concurrency on
   * metadata.resource_version; reads and watches follow the Kubernetes API conventions.
   * </pre>
   */
  public interface AsyncService {

    /**
     * <pre>
     * CreateTriggerRun stores a new trigger run. The server sets uid, creation_timestamp,
     * resource_version and generation; an existing name gives ALREADY_EXISTS.
     * </pre>
     */
    default void createTriggerRun(ai.michelangelo.api.v2.CreateTriggerRunRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.TriggerRun> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getCreateTriggerRunMethod(), responseObserver);
    }

    /**
     * <pre>
     * GetTriggerRun returns one trigger run; NOT_FOUND when it does not exist.
     * </pre>
     */
    default void getTriggerRun(ai.michelangelo.api.v2.GetTriggerRunRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.TriggerRun> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getGetTriggerRunMethod(), responseObserver);
    }

    /**
     * <pre>
     * UpdateTriggerRun replaces the spec, metadata labels, annotations and finalizers of
     * a trigger run. A stale metadata.resource_version gives ABORTED; status is ignored.
     * </pre>
     */
    default void updateTriggerRun(ai.michelangelo.api.v2.UpdateTriggerRunRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.TriggerRun> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getUpdateTriggerRunMethod(), responseObserver);
    }

    /**
     * <pre>
     * UpdateTriggerRunStatus replaces only the status of a trigger run, with the same
     * optimistic concurrency as UpdateTriggerRun.
     * </pre>
     */
    default void updateTriggerRunStatus(ai.michelangelo.api.v2.UpdateTriggerRunStatusRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.TriggerRun> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getUpdateTriggerRunStatusMethod(), responseObserver);
    }

    /**
     * <pre>
     * DeleteTriggerRun removes a trigger run. With finalizers present it only sets
     * metadata.deletion_timestamp and returns the object, which stays until its
     * finalizers are removed.
     * </pre>
     */
    default void deleteTriggerRun(ai.michelangelo.api.v2.DeleteTriggerRunRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.TriggerRun> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getDeleteTriggerRunMethod(), responseObserver);
    }

    /**
     * <pre>
     * DeleteTriggerRunCollection deletes every trigger run in a namespace matching the
     * list options and returns what it deleted.
     * </pre>
     */
    default void deleteTriggerRunCollection(ai.michelangelo.api.v2.DeleteTriggerRunCollectionRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.TriggerRunList> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getDeleteTriggerRunCollectionMethod(), responseObserver);
    }

    /**
     * <pre>
     * ListTriggerRuns returns one page of trigger runs; follow metadata.continue_token
     * for the next page. An empty namespace lists all namespaces.
     * </pre>
     */
    default void listTriggerRuns(ai.michelangelo.api.v2.ListTriggerRunsRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.TriggerRunList> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getListTriggerRunsMethod(), responseObserver);
    }

    /**
     * <pre>
     * WatchTriggerRuns streams every change to trigger runs after the given resource
     * version, in order. A version older than the server keeps gives OUT_OF_RANGE:
     * list again and watch from the list's version.
     * </pre>
     */
    default void watchTriggerRuns(ai.michelangelo.api.v2.WatchTriggerRunsRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.TriggerRunWatchEvent> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getWatchTriggerRunsMethod(), responseObserver);
    }
  }

  /**
   * Base class for the server implementation of the service TriggerRunService.
   * <pre>
   * TriggerRunService manages trigger runs. Writes use optimistic concurrency on
   * metadata.resource_version; reads and watches follow the Kubernetes API conventions.
   * </pre>
   */
  public static abstract class TriggerRunServiceImplBase
      implements io.grpc.BindableService, AsyncService {

    @java.lang.Override public final io.grpc.ServerServiceDefinition bindService() {
      return TriggerRunServiceGrpc.bindService(this);
    }
  }

  /**
   * A stub to allow clients to do asynchronous rpc calls to service TriggerRunService.
   * <pre>
   * TriggerRunService manages trigger runs. Writes use optimistic concurrency on
   * metadata.resource_version; reads and watches follow the Kubernetes API conventions.
   * </pre>
   */
  public static final class TriggerRunServiceStub
      extends io.grpc.stub.AbstractAsyncStub<TriggerRunServiceStub> {
    private TriggerRunServiceStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected TriggerRunServiceStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new TriggerRunServiceStub(channel, callOptions);
    }

    /**
     * <pre>
     * CreateTriggerRun stores a new trigger run. The server sets uid, creation_timestamp,
     * resource_version and generation; an existing name gives ALREADY_EXISTS.
     * </pre>
     */
    public void createTriggerRun(ai.michelangelo.api.v2.CreateTriggerRunRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.TriggerRun> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getCreateTriggerRunMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * GetTriggerRun returns one trigger run; NOT_FOUND when it does not exist.
     * </pre>
     */
    public void getTriggerRun(ai.michelangelo.api.v2.GetTriggerRunRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.TriggerRun> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getGetTriggerRunMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * UpdateTriggerRun replaces the spec, metadata labels, annotations and finalizers of
     * a trigger run. A stale metadata.resource_version gives ABORTED; status is ignored.
     * </pre>
     */
    public void updateTriggerRun(ai.michelangelo.api.v2.UpdateTriggerRunRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.TriggerRun> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getUpdateTriggerRunMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * UpdateTriggerRunStatus replaces only the status of a trigger run, with the same
     * optimistic concurrency as UpdateTriggerRun.
     * </pre>
     */
    public void updateTriggerRunStatus(ai.michelangelo.api.v2.UpdateTriggerRunStatusRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.TriggerRun> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getUpdateTriggerRunStatusMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * DeleteTriggerRun removes a trigger run. With finalizers present it only sets
     * metadata.deletion_timestamp and returns the object, which stays until its
     * finalizers are removed.
     * </pre>
     */
    public void deleteTriggerRun(ai.michelangelo.api.v2.DeleteTriggerRunRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.TriggerRun> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getDeleteTriggerRunMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * DeleteTriggerRunCollection deletes every trigger run in a namespace matching the
     * list options and returns what it deleted.
     * </pre>
     */
    public void deleteTriggerRunCollection(ai.michelangelo.api.v2.DeleteTriggerRunCollectionRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.TriggerRunList> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getDeleteTriggerRunCollectionMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * ListTriggerRuns returns one page of trigger runs; follow metadata.continue_token
     * for the next page. An empty namespace lists all namespaces.
     * </pre>
     */
    public void listTriggerRuns(ai.michelangelo.api.v2.ListTriggerRunsRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.TriggerRunList> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getListTriggerRunsMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * WatchTriggerRuns streams every change to trigger runs after the given resource
     * version, in order. A version older than the server keeps gives OUT_OF_RANGE:
     * list again and watch from the list's version.
     * </pre>
     */
    public void watchTriggerRuns(ai.michelangelo.api.v2.WatchTriggerRunsRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.TriggerRunWatchEvent> responseObserver) {
      io.grpc.stub.ClientCalls.asyncServerStreamingCall(
          getChannel().newCall(getWatchTriggerRunsMethod(), getCallOptions()), request, responseObserver);
    }
  }

  /**
   * A stub to allow clients to do synchronous rpc calls to service TriggerRunService.
   * <pre>
   * TriggerRunService manages trigger runs. Writes use optimistic concurrency on
   * metadata.resource_version; reads and watches follow the Kubernetes API conventions.
   * </pre>
   */
  public static final class TriggerRunServiceBlockingStub
      extends io.grpc.stub.AbstractBlockingStub<TriggerRunServiceBlockingStub> {
    private TriggerRunServiceBlockingStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected TriggerRunServiceBlockingStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new TriggerRunServiceBlockingStub(channel, callOptions);
    }

    /**
     * <pre>
     * CreateTriggerRun stores a new trigger run. The server sets uid, creation_timestamp,
     * resource_version and generation; an existing name gives ALREADY_EXISTS.
     * </pre>
     */
    public ai.michelangelo.api.v2.TriggerRun createTriggerRun(ai.michelangelo.api.v2.CreateTriggerRunRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getCreateTriggerRunMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * GetTriggerRun returns one trigger run; NOT_FOUND when it does not exist.
     * </pre>
     */
    public ai.michelangelo.api.v2.TriggerRun getTriggerRun(ai.michelangelo.api.v2.GetTriggerRunRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getGetTriggerRunMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * UpdateTriggerRun replaces the spec, metadata labels, annotations and finalizers of
     * a trigger run. A stale metadata.resource_version gives ABORTED; status is ignored.
     * </pre>
     */
    public ai.michelangelo.api.v2.TriggerRun updateTriggerRun(ai.michelangelo.api.v2.UpdateTriggerRunRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getUpdateTriggerRunMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * UpdateTriggerRunStatus replaces only the status of a trigger run, with the same
     * optimistic concurrency as UpdateTriggerRun.
     * </pre>
     */
    public ai.michelangelo.api.v2.TriggerRun updateTriggerRunStatus(ai.michelangelo.api.v2.UpdateTriggerRunStatusRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getUpdateTriggerRunStatusMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * DeleteTriggerRun removes a trigger run. With finalizers present it only sets
     * metadata.deletion_timestamp and returns the object, which stays until its
     * finalizers are removed.
     * </pre>
     */
    public ai.michelangelo.api.v2.TriggerRun deleteTriggerRun(ai.michelangelo.api.v2.DeleteTriggerRunRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getDeleteTriggerRunMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * DeleteTriggerRunCollection deletes every trigger run in a namespace matching the
     * list options and returns what it deleted.
     * </pre>
     */
    public ai.michelangelo.api.v2.TriggerRunList deleteTriggerRunCollection(ai.michelangelo.api.v2.DeleteTriggerRunCollectionRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getDeleteTriggerRunCollectionMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * ListTriggerRuns returns one page of trigger runs; follow metadata.continue_token
     * for the next page. An empty namespace lists all namespaces.
     * </pre>
     */
    public ai.michelangelo.api.v2.TriggerRunList listTriggerRuns(ai.michelangelo.api.v2.ListTriggerRunsRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getListTriggerRunsMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * WatchTriggerRuns streams every change to trigger runs after the given resource
     * version, in order. A version older than the server keeps gives OUT_OF_RANGE:
     * list again and watch from the list's version.
     * </pre>
     */
    public java.util.Iterator<ai.michelangelo.api.v2.TriggerRunWatchEvent> watchTriggerRuns(
        ai.michelangelo.api.v2.WatchTriggerRunsRequest request) {
      return io.grpc.stub.ClientCalls.blockingServerStreamingCall(
          getChannel(), getWatchTriggerRunsMethod(), getCallOptions(), request);
    }
  }

  /**
   * A stub to allow clients to do ListenableFuture-style rpc calls to service TriggerRunService.
   * <pre>
   * TriggerRunService manages trigger runs. Writes use optimistic concurrency on
   * metadata.resource_version; reads and watches follow the Kubernetes API conventions.
   * </pre>
   */
  public static final class TriggerRunServiceFutureStub
      extends io.grpc.stub.AbstractFutureStub<TriggerRunServiceFutureStub> {
    private TriggerRunServiceFutureStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected TriggerRunServiceFutureStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new TriggerRunServiceFutureStub(channel, callOptions);
    }

    /**
     * <pre>
     * CreateTriggerRun stores a new trigger run. The server sets uid, creation_timestamp,
     * resource_version and generation; an existing name gives ALREADY_EXISTS.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<ai.michelangelo.api.v2.TriggerRun> createTriggerRun(
        ai.michelangelo.api.v2.CreateTriggerRunRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getCreateTriggerRunMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * GetTriggerRun returns one trigger run; NOT_FOUND when it does not exist.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<ai.michelangelo.api.v2.TriggerRun> getTriggerRun(
        ai.michelangelo.api.v2.GetTriggerRunRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getGetTriggerRunMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * UpdateTriggerRun replaces the spec, metadata labels, annotations and finalizers of
     * a trigger run. A stale metadata.resource_version gives ABORTED; status is ignored.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<ai.michelangelo.api.v2.TriggerRun> updateTriggerRun(
        ai.michelangelo.api.v2.UpdateTriggerRunRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getUpdateTriggerRunMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * UpdateTriggerRunStatus replaces only the status of a trigger run, with the same
     * optimistic concurrency as UpdateTriggerRun.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<ai.michelangelo.api.v2.TriggerRun> updateTriggerRunStatus(
        ai.michelangelo.api.v2.UpdateTriggerRunStatusRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getUpdateTriggerRunStatusMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * DeleteTriggerRun removes a trigger run. With finalizers present it only sets
     * metadata.deletion_timestamp and returns the object, which stays until its
     * finalizers are removed.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<ai.michelangelo.api.v2.TriggerRun> deleteTriggerRun(
        ai.michelangelo.api.v2.DeleteTriggerRunRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getDeleteTriggerRunMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * DeleteTriggerRunCollection deletes every trigger run in a namespace matching the
     * list options and returns what it deleted.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<ai.michelangelo.api.v2.TriggerRunList> deleteTriggerRunCollection(
        ai.michelangelo.api.v2.DeleteTriggerRunCollectionRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getDeleteTriggerRunCollectionMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * ListTriggerRuns returns one page of trigger runs; follow metadata.continue_token
     * for the next page. An empty namespace lists all namespaces.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<ai.michelangelo.api.v2.TriggerRunList> listTriggerRuns(
        ai.michelangelo.api.v2.ListTriggerRunsRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getListTriggerRunsMethod(), getCallOptions()), request);
    }
  }

  private static final int METHODID_CREATE_TRIGGER_RUN = 0;
  private static final int METHODID_GET_TRIGGER_RUN = 1;
  private static final int METHODID_UPDATE_TRIGGER_RUN = 2;
  private static final int METHODID_UPDATE_TRIGGER_RUN_STATUS = 3;
  private static final int METHODID_DELETE_TRIGGER_RUN = 4;
  private static final int METHODID_DELETE_TRIGGER_RUN_COLLECTION = 5;
  private static final int METHODID_LIST_TRIGGER_RUNS = 6;
  private static final int METHODID_WATCH_TRIGGER_RUNS = 7;

  private static final class MethodHandlers<Req, Resp> implements
      io.grpc.stub.ServerCalls.UnaryMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.ServerStreamingMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.ClientStreamingMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.BidiStreamingMethod<Req, Resp> {
    private final AsyncService serviceImpl;
    private final int methodId;

    MethodHandlers(AsyncService serviceImpl, int methodId) {
      this.serviceImpl = serviceImpl;
      this.methodId = methodId;
    }

    @java.lang.Override
    @java.lang.SuppressWarnings("unchecked")
    public void invoke(Req request, io.grpc.stub.StreamObserver<Resp> responseObserver) {
      switch (methodId) {
        case METHODID_CREATE_TRIGGER_RUN:
          serviceImpl.createTriggerRun((ai.michelangelo.api.v2.CreateTriggerRunRequest) request,
              (io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.TriggerRun>) responseObserver);
          break;
        case METHODID_GET_TRIGGER_RUN:
          serviceImpl.getTriggerRun((ai.michelangelo.api.v2.GetTriggerRunRequest) request,
              (io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.TriggerRun>) responseObserver);
          break;
        case METHODID_UPDATE_TRIGGER_RUN:
          serviceImpl.updateTriggerRun((ai.michelangelo.api.v2.UpdateTriggerRunRequest) request,
              (io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.TriggerRun>) responseObserver);
          break;
        case METHODID_UPDATE_TRIGGER_RUN_STATUS:
          serviceImpl.updateTriggerRunStatus((ai.michelangelo.api.v2.UpdateTriggerRunStatusRequest) request,
              (io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.TriggerRun>) responseObserver);
          break;
        case METHODID_DELETE_TRIGGER_RUN:
          serviceImpl.deleteTriggerRun((ai.michelangelo.api.v2.DeleteTriggerRunRequest) request,
              (io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.TriggerRun>) responseObserver);
          break;
        case METHODID_DELETE_TRIGGER_RUN_COLLECTION:
          serviceImpl.deleteTriggerRunCollection((ai.michelangelo.api.v2.DeleteTriggerRunCollectionRequest) request,
              (io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.TriggerRunList>) responseObserver);
          break;
        case METHODID_LIST_TRIGGER_RUNS:
          serviceImpl.listTriggerRuns((ai.michelangelo.api.v2.ListTriggerRunsRequest) request,
              (io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.TriggerRunList>) responseObserver);
          break;
        case METHODID_WATCH_TRIGGER_RUNS:
          serviceImpl.watchTriggerRuns((ai.michelangelo.api.v2.WatchTriggerRunsRequest) request,
              (io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.TriggerRunWatchEvent>) responseObserver);
          break;
        default:
          throw new AssertionError();
      }
    }

    @java.lang.Override
    @java.lang.SuppressWarnings("unchecked")
    public io.grpc.stub.StreamObserver<Req> invoke(
        io.grpc.stub.StreamObserver<Resp> responseObserver) {
      switch (methodId) {
        default:
          throw new AssertionError();
      }
    }
  }

  public static final io.grpc.ServerServiceDefinition bindService(AsyncService service) {
    return io.grpc.ServerServiceDefinition.builder(getServiceDescriptor())
        .addMethod(
          getCreateTriggerRunMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              ai.michelangelo.api.v2.CreateTriggerRunRequest,
              ai.michelangelo.api.v2.TriggerRun>(
                service, METHODID_CREATE_TRIGGER_RUN)))
        .addMethod(
          getGetTriggerRunMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              ai.michelangelo.api.v2.GetTriggerRunRequest,
              ai.michelangelo.api.v2.TriggerRun>(
                service, METHODID_GET_TRIGGER_RUN)))
        .addMethod(
          getUpdateTriggerRunMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              ai.michelangelo.api.v2.UpdateTriggerRunRequest,
              ai.michelangelo.api.v2.TriggerRun>(
                service, METHODID_UPDATE_TRIGGER_RUN)))
        .addMethod(
          getUpdateTriggerRunStatusMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              ai.michelangelo.api.v2.UpdateTriggerRunStatusRequest,
              ai.michelangelo.api.v2.TriggerRun>(
                service, METHODID_UPDATE_TRIGGER_RUN_STATUS)))
        .addMethod(
          getDeleteTriggerRunMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              ai.michelangelo.api.v2.DeleteTriggerRunRequest,
              ai.michelangelo.api.v2.TriggerRun>(
                service, METHODID_DELETE_TRIGGER_RUN)))
        .addMethod(
          getDeleteTriggerRunCollectionMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              ai.michelangelo.api.v2.DeleteTriggerRunCollectionRequest,
              ai.michelangelo.api.v2.TriggerRunList>(
                service, METHODID_DELETE_TRIGGER_RUN_COLLECTION)))
        .addMethod(
          getListTriggerRunsMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              ai.michelangelo.api.v2.ListTriggerRunsRequest,
              ai.michelangelo.api.v2.TriggerRunList>(
                service, METHODID_LIST_TRIGGER_RUNS)))
        .addMethod(
          getWatchTriggerRunsMethod(),
          io.grpc.stub.ServerCalls.asyncServerStreamingCall(
            new MethodHandlers<
              ai.michelangelo.api.v2.WatchTriggerRunsRequest,
              ai.michelangelo.api.v2.TriggerRunWatchEvent>(
                service, METHODID_WATCH_TRIGGER_RUNS)))
        .build();
  }

  private static abstract class TriggerRunServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoFileDescriptorSupplier, io.grpc.protobuf.ProtoServiceDescriptorSupplier {
    TriggerRunServiceBaseDescriptorSupplier() {}

    @java.lang.Override
    public com.google.protobuf.Descriptors.FileDescriptor getFileDescriptor() {
      return ai.michelangelo.api.v2.TriggerRunSvcProto.getDescriptor();
    }

    @java.lang.Override
    public com.google.protobuf.Descriptors.ServiceDescriptor getServiceDescriptor() {
      return getFileDescriptor().findServiceByName("TriggerRunService");
    }
  }

  private static final class TriggerRunServiceFileDescriptorSupplier
      extends TriggerRunServiceBaseDescriptorSupplier {
    TriggerRunServiceFileDescriptorSupplier() {}
  }

  private static final class TriggerRunServiceMethodDescriptorSupplier
      extends TriggerRunServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoMethodDescriptorSupplier {
    private final java.lang.String methodName;

    TriggerRunServiceMethodDescriptorSupplier(java.lang.String methodName) {
      this.methodName = methodName;
    }

    @java.lang.Override
    public com.google.protobuf.Descriptors.MethodDescriptor getMethodDescriptor() {
      return getServiceDescriptor().findMethodByName(methodName);
    }
  }

  private static volatile io.grpc.ServiceDescriptor serviceDescriptor;

  public static io.grpc.ServiceDescriptor getServiceDescriptor() {
    io.grpc.ServiceDescriptor result = serviceDescriptor;
    if (result == null) {
      synchronized (TriggerRunServiceGrpc.class) {
        result = serviceDescriptor;
        if (result == null) {
          serviceDescriptor = result = io.grpc.ServiceDescriptor.newBuilder(SERVICE_NAME)
              .setSchemaDescriptor(new TriggerRunServiceFileDescriptorSupplier())
              .addMethod(getCreateTriggerRunMethod())
              .addMethod(getGetTriggerRunMethod())
              .addMethod(getUpdateTriggerRunMethod())
              .addMethod(getUpdateTriggerRunStatusMethod())
              .addMethod(getDeleteTriggerRunMethod())
              .addMethod(getDeleteTriggerRunCollectionMethod())
              .addMethod(getListTriggerRunsMethod())
              .addMethod(getWatchTriggerRunsMethod())
              .build();
        }
      }
    }
    return result;
  }
}
