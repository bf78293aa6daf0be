package ai.michelangelo.api.v2;

import static io.grpc.MethodDescriptor.generateFullMethodName;

/**
 * <pre>
 * PipelineRunService manages pipeline runs. Writes use optimistic concurrency on
 * metadata.resource_version; reads and watches follow the Kubernetes API conventions.
 * </pre>
 */
@javax.annotation.Generated(
    value = "by gRPC proto compiler (version 1.60.0)",
    comments = "Source: michelangelo/api/v2/pipeline_run_svc.proto")
@io.grpc.stub.annotations.GrpcGenerated
public final class PipelineRunServiceGrpc {

  private PipelineRunServiceGrpc() {}

  public static final java.lang.String SERVICE_NAME = "michelangelo.api.v2.PipelineRunService";

  // Static method descriptors that strictly reflect the proto.
  private static volatile io.grpc.MethodDescriptor<ai.michelangelo.api.v2.CreatePipelineRunRequest,
      ai.michelangelo.api.v2.PipelineRun> getCreatePipelineRunMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "CreatePipelineRun",
      requestType = ai.michelangelo.api.v2.CreatePipelineRunRequest.class,
      responseType = ai.michelangelo.api.v2.PipelineRun.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<ai.michelangelo.api.v2.CreatePipelineRunRequest,
      ai.michelangelo.api.v2.PipelineRun> getCreatePipelineRunMethod() {
    io.grpc.MethodDescriptor<ai.michelangelo.api.v2.CreatePipelineRunRequest, ai.michelangelo.api.v2.PipelineRun> getCreatePipelineRunMethod;
    if ((getCreatePipelineRunMethod = PipelineRunServiceGrpc.getCreatePipelineRunMethod) == null) {
      synchronized (PipelineRunServiceGrpc.class) {
        if ((getCreatePipelineRunMethod = PipelineRunServiceGrpc.getCreatePipelineRunMethod) == null) {
          PipelineRunServiceGrpc.getCreatePipelineRunMethod = getCreatePipelineRunMethod =
              io.grpc.MethodDescriptor.<ai.michelangelo.api.v2.CreatePipelineRunRequest, ai.michelangelo.api.v2.PipelineRun>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "CreatePipelineRun"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.CreatePipelineRunRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.PipelineRun.getDefaultInstance()))
              .setSchemaDescriptor(new PipelineRunServiceMethodDescriptorSupplier("CreatePipelineRun"))
              .build();
        }
      }
    }
    return getCreatePipelineRunMethod;
  }

  private static volatile io.grpc.MethodDescriptor<ai.michelangelo.api.v2.GetPipelineRunRequest,
      ai.michelangelo.api.v2.PipelineRun> getGetPipelineRunMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "GetPipelineRun",
      requestType = ai.michelangelo.api.v2.GetPipelineRunRequest.class,
      responseType = ai.michelangelo.api.v2.PipelineRun.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<ai.michelangelo.api.v2.GetPipelineRunRequest,
      ai.michelangelo.api.v2.PipelineRun> getGetPipelineRunMethod() {
    io.grpc.MethodDescriptor<ai.michelangelo.api.v2.GetPipelineRunRequest, ai.michelangelo.api.v2.PipelineRun> getGetPipelineRunMethod;
    if ((getGetPipelineRunMethod = PipelineRunServiceGrpc.getGetPipelineRunMethod) == null) {
      synchronized (PipelineRunServiceGrpc.class) {
        if ((getGetPipelineRunMethod = PipelineRunServiceGrpc.getGetPipelineRunMethod) == null) {
          PipelineRunServiceGrpc.getGetPipelineRunMethod = getGetPipelineRunMethod =
              io.grpc.MethodDescriptor.<ai.michelangelo.api.v2.GetPipelineRunRequest, ai.michelangelo.api.v2.PipelineRun>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "GetPipelineRun"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.GetPipelineRunRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.PipelineRun.getDefaultInstance()))
              .setSchemaDescriptor(new PipelineRunServiceMethodDescriptorSupplier("GetPipelineRun"))
              .build();
        }
      }
    }
    return getGetPipelineRunMethod;
  }

  private static volatile io.grpc.MethodDescriptor<ai.michelangelo.api.v2.UpdatePipelineRunRequest,
      ai.michelangelo.api.v2.PipelineRun> getUpdatePipelineRunMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "UpdatePipelineRun",
      requestType = ai.michelangelo.api.v2.UpdatePipelineRunRequest.class,
      responseType = ai.michelangelo.api.v2.PipelineRun.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<ai.michelangelo.api.v2.UpdatePipelineRunRequest,
      ai.michelangelo.api.v2.PipelineRun> getUpdatePipelineRunMethod() {
    io.grpc.MethodDescriptor<ai.michelangelo.api.v2.UpdatePipelineRunRequest, ai.michelangelo.api.v2.PipelineRun> getUpdatePipelineRunMethod;
    if ((getUpdatePipelineRunMethod = PipelineRunServiceGrpc.getUpdatePipelineRunMethod) == null) {
      synchronized (PipelineRunServiceGrpc.class) {
        if ((getUpdatePipelineRunMethod = PipelineRunServiceGrpc.getUpdatePipelineRunMethod) == null) {
          PipelineRunServiceGrpc.getUpdatePipelineRunMethod = getUpdatePipelineRunMethod =
              io.grpc.MethodDescriptor.<ai.michelangelo.api.v2.UpdatePipelineRunRequest, ai.michelangelo.api.v2.PipelineRun>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "UpdatePipelineRun"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.UpdatePipelineRunRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.PipelineRun.getDefaultInstance()))
              .setSchemaDescriptor(new PipelineRunServiceMethodDescriptorSupplier("UpdatePipelineRun"))
              .build();
        }
      }
    }
    return getUpdatePipelineRunMethod;
  }

  private static volatile io.grpc.MethodDescriptor<ai.michelangelo.api.v2.UpdatePipelineRunStatusRequest,
      ai.michelangelo.api.v2.PipelineRun> getUpdatePipelineRunStatusMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "UpdatePipelineRunStatus",
      requestType = ai.michelangelo.api.v2.UpdatePipelineRunStatusRequest.class,
      responseType = ai.michelangelo.api.v2.PipelineRun.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<ai.michelangelo.api.v2.UpdatePipelineRunStatusRequest,
      ai.michelangelo.api.v2.PipelineRun> getUpdatePipelineRunStatusMethod() {
    io.grpc.MethodDescriptor<ai.michelangelo.api.v2.UpdatePipelineRunStatusRequest, ai.michelangelo.api.v2.PipelineRun> getUpdatePipelineRunStatusMethod;
    if ((getUpdatePipelineRunStatusMethod = PipelineRunServiceGrpc.getUpdatePipelineRunStatusMethod) == null) {
      synchronized (PipelineRunServiceGrpc.class) {
        if ((getUpdatePipelineRunStatusMethod = PipelineRunServiceGrpc.getUpdatePipelineRunStatusMethod) == null) {
          PipelineRunServiceGrpc.getUpdatePipelineRunStatusMethod = getUpdatePipelineRunStatusMethod =
              io.grpc.MethodDescriptor.<ai.michelangelo.api.v2.UpdatePipelineRunStatusRequest, ai.michelangelo.api.v2.PipelineRun>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "UpdatePipelineRunStatus"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.UpdatePipelineRunStatusRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.PipelineRun.getDefaultInstance()))
              .setSchemaDescriptor(new PipelineRunServiceMethodDescriptorSupplier("UpdatePipelineRunStatus"))
              .build();
        }
      }
    }
    return getUpdatePipelineRunStatusMethod;
  }

  private static volatile io.grpc.MethodDescriptor<ai.michelangelo.api.v2.DeletePipelineRunRequest,
      ai.michelangelo.api.v2.PipelineRun> getDeletePipelineRunMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "DeletePipelineRun",
      requestType = ai.michelangelo.api.v2.DeletePipelineRunRequest.class,
      responseType = ai.michelangelo.api.v2.PipelineRun.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<ai.michelangelo.api.v2.DeletePipelineRunRequest,
      ai.michelangelo.api.v2.PipelineRun> getDeletePipelineRunMethod() {
    io.grpc.MethodDescriptor<ai.michelangelo.api.v2.DeletePipelineRunRequest, ai.michelangelo.api.v2.PipelineRun> getDeletePipelineRunMethod;
    if ((getDeletePipelineRunMethod = PipelineRunServiceGrpc.getDeletePipelineRunMethod) == null) {
      synchronized (PipelineRunServiceGrpc.class) {
        if ((getDeletePipelineRunMethod = PipelineRunServiceGrpc.getDeletePipelineRunMethod) == null) {
          PipelineRunServiceGrpc.getDeletePipelineRunMethod = getDeletePipelineRunMethod =
              io.grpc.MethodDescriptor.<ai.michelangelo.api.v2.DeletePipelineRunRequest, ai.michelangelo.api.v2.PipelineRun>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "DeletePipelineRun"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.DeletePipelineRunRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.PipelineRun.getDefaultInstance()))
              .setSchemaDescriptor(new PipelineRunServiceMethodDescriptorSupplier("DeletePipelineRun"))
              .build();
        }
      }
    }
    return getDeletePipelineRunMethod;
  }

  private static volatile io.grpc.MethodDescriptor<ai.michelangelo.api.v2.DeletePipelineRunCollectionRequest,
      ai.michelangelo.api.v2.PipelineRunList> getDeletePipelineRunCollectionMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "DeletePipelineRunCollection",
      requestType = ai.michelangelo.api.v2.DeletePipelineRunCollectionRequest.class,
      responseType = ai.michelangelo.api.v2.PipelineRunList.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<ai.michelangelo.api.v2.DeletePipelineRunCollectionRequest,
      ai.michelangelo.api.v2.PipelineRunList> getDeletePipelineRunCollectionMethod() {
    io.grpc.MethodDescriptor<ai.michelangelo.api.v2.DeletePipelineRunCollectionRequest, ai.michelangelo.api.v2.PipelineRunList> getDeletePipelineRunCollectionMethod;
    if ((getDeletePipelineRunCollectionMethod = PipelineRunServiceGrpc.getDeletePipelineRunCollectionMethod) == null) {
      synchronized (PipelineRunServiceGrpc.class) {
        if ((getDeletePipelineRunCollectionMethod = PipelineRunServiceGrpc.getDeletePipelineRunCollectionMethod) == null) {
          PipelineRunServiceGrpc.getDeletePipelineRunCollectionMethod = getDeletePipelineRunCollectionMethod =
              io.grpc.MethodDescriptor.<ai.michelangelo.api.v2.DeletePipelineRunCollectionRequest, ai.michelangelo.api.v2.PipelineRunList>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "DeletePipelineRunCollection"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.DeletePipelineRunCollectionRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.PipelineRunList.getDefaultInstance()))
              .setSchemaDescriptor(new PipelineRunServiceMethodDescriptorSupplier("DeletePipelineRunCollection"))
              .build();
        }
      }
    }
    return getDeletePipelineRunCollectionMethod;
  }

  private static volatile io.grpc.MethodDescriptor<ai.michelangelo.api.v2.ListPipelineRunsRequest,
      ai.michelangelo.api.v2.PipelineRunList> getListPipelineRunsMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ListPipelineRuns",
      requestType = ai.michelangelo.api.v2.ListPipelineRunsRequest.class,
      responseType = ai.michelangelo.api.v2.PipelineRunList.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<ai.michelangelo.api.v2.ListPipelineRunsRequest,
      ai.michelangelo.api.v2.PipelineRunList> getListPipelineRunsMethod() {
    io.grpc.MethodDescriptor<ai.michelangelo.api.v2.ListPipelineRunsRequest, ai.michelangelo.api.v2.PipelineRunList> getListPipelineRunsMethod;
    if ((getListPipelineRunsMethod = PipelineRunServiceGrpc.getListPipelineRunsMethod) == null) {
      synchronized (PipelineRunServiceGrpc.class) {
        if ((getListPipelineRunsMethod = PipelineRunServiceGrpc.getListPipelineRunsMethod) == null) {
          PipelineRunServiceGrpc.getListPipelineRunsMethod = getListPipelineRunsMethod =
              io.grpc.MethodDescriptor.<ai.michelangelo.api.v2.ListPipelineRunsRequest, ai.michelangelo.api.v2.PipelineRunList>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ListPipelineRuns"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.ListPipelineRunsRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.PipelineRunList.getDefaultInstance()))
              .setSchemaDescriptor(new PipelineRunServiceMethodDescriptorSupplier("ListPipelineRuns"))
              .build();
        }
      }
    }
    return getListPipelineRunsMethod;
  }

  private static volatile io.grpc.MethodDescriptor<ai.michelangelo.api.v2.WatchPipelineRunsRequest,
      ai.michelangelo.api.v2.PipelineRunWatchEvent> getWatchPipelineRunsMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "WatchPipelineRuns",
      requestType = ai.michelangelo.api.v2.WatchPipelineRunsRequest.class,
      responseType = ai.michelangelo.api.v2.PipelineRunWatchEvent.class,
      methodType = io.grpc.MethodDescriptor.MethodType.SERVER_STREAMING)
  public static io.grpc.MethodDescriptor<ai.michelangelo.api.v2.WatchPipelineRunsRequest,
      ai.michelangelo.api.v2.PipelineRunWatchEvent> getWatchPipelineRunsMethod() {
    io.grpc.MethodDescriptor<ai.michelangelo.api.v2.WatchPipelineRunsRequest, ai.michelangelo.api.v2.PipelineRunWatchEvent> getWatchPipelineRunsMethod;
    if ((getWatchPipelineRunsMethod = PipelineRunServiceGrpc.getWatchPipelineRunsMethod) == null) {
      synchronized (PipelineRunServiceGrpc.class) {
        if ((getWatchPipelineRunsMethod = PipelineRunServiceGrpc.getWatchPipelineRunsMethod) == null) {
          PipelineRunServiceGrpc.getWatchPipelineRunsMethod = getWatchPipelineRunsMethod =
              io.grpc.MethodDescriptor.<ai.michelangelo.api.v2.WatchPipelineRunsRequest, ai.michelangelo.api.v2.PipelineRunWatchEvent>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.SERVER_STREAMING)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "WatchPipelineRuns"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.WatchPipelineRunsRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.PipelineRunWatchEvent.getDefaultInstance()))
              .setSchemaDescriptor(new PipelineRunServiceMethodDescriptorSupplier("WatchPipelineRuns"))
              .build();
        }
      }
    }
    return getWatchPipelineRunsMethod;
  }

  /**
   * Creates a new async stub that supports all call types for the service
   */
  public static PipelineRunServiceStub newStub(io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<PipelineRunServiceStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<PipelineRunServiceStub>() {
        @java.lang.Override
        public PipelineRunServiceStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new PipelineRunServiceStub(channel, callOptions);
        }
      };
    return PipelineRunServiceStub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports unary and streaming output calls on the service
   */
  public static PipelineRunServiceBlockingStub newBlockingStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<PipelineRunServiceBlockingStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<PipelineRunServiceBlockingStub>() {
        @java.lang.Override
        public PipelineRunServiceBlockingStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new PipelineRunServiceBlockingStub(channel, callOptions);
        }
      };
    return PipelineRunServiceBlockingStub.newStub(factory, channel);
  }

  /**
   * Creates a new ListenableFuture-style stub that supports unary calls on the service
   */
  public static PipelineRunServiceFutureStub newFutureStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<PipelineRunServiceFutureStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<PipelineRunServiceFutureStub>() {
        @java.lang.Override
        public PipelineRunServiceFutureStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new PipelineRunServiceFutureStub(channel, callOptions);
        }
      };
    return PipelineRunServiceFutureStub.newStub(factory, channel);
  }

  /**
   * <pre>
   * PipelineRunService manages pipeline runs. Writes use optimistic concurrency on
   * metadata.resource_version; reads and watches follow the Kubernetes API conventions.
   * </pre>
   */
  public interface AsyncService {

    /**
     * <pre>
     * CreatePipelineRun stores a new pipeline run. The server sets uid, creation_timestamp,
     * resource_version and generation; an existing name gives ALREADY_EXISTS.
     * </pre>
     */
    default void createPipelineRun(ai.michelangelo.api.v2.CreatePipelineRunRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.PipelineRun> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getCreatePipelineRunMethod(), responseObserver);
    }

    /**
     * <pre>
     * GetPipelineRun returns one pipeline run; NOT_FOUND when it does not exist.
     * </pre>
     */
    default void getPipelineRun(ai.michelangelo.api.v2.GetPipelineRunRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.PipelineRun> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getGetPipelineRunMethod(), responseObserver);
    }

    /**
     * <pre>
     * UpdatePipelineRun replaces the spec, metadata labels, annotations and finalizers of
     * a pipeline run. A stale metadata.resource_version gives ABORTED; status is ignored.
     * </pre>
     */
    default void updatePipelineRun(ai.michelangelo.api.v2.UpdatePipelineRunRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.PipelineRun> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getUpdatePipelineRunMethod(), responseObserver);
    }

    /**
     * <pre>
     * UpdatePipelineRunStatus replaces only the status of a pipeline run, with the same
     * optimistic concurrency as UpdatePipelineRun.
     * </pre>
     */
    default void updatePipelineRunStatus(ai.michelangelo.api.v2.UpdatePipelineRunStatusRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.PipelineRun> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getUpdatePipelineRunStatusMethod(), responseObserver);
    }

    /**
     * <pre>
     * DeletePipelineRun removes a pipeline run. With finalizers present it only sets
     * metadata.deletion_timestamp and returns the object, which stays until its
     * finalizers are removed.
     * </pre>
     */
    default void deletePipelineRun(ai.michelangelo.api.v2.DeletePipelineRunRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.PipelineRun> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getDeletePipelineRunMethod(), responseObserver);
    }

    /**
     * <pre>
     * DeletePipelineRunCollection deletes every pipeline run in a namespace matching the
     * list options and returns what it deleted.
     * </pre>
     */
    default void deletePipelineRunCollection(ai.michelangelo.api.v2.DeletePipelineRunCollectionRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.PipelineRunList> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getDeletePipelineRunCollectionMethod(), responseObserver);
    }

    /**
     * <pre>
     * ListPipelineRuns returns one page of pipeline runs; follow metadata.continue_token
     * for the next page. An empty namespace lists all namespaces.
     * </pre>
     */
    default void listPipelineRuns(ai.michelangelo.api.v2.ListPipelineRunsRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.PipelineRunList> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getListPipelineRunsMethod(), responseObserver);
    }

    /**
     * <pre>
     * WatchPipelineRuns streams every change to pipeline runs after the given resource
     * version, in order. A version older than the server keeps gives OUT_OF_RANGE:
     * list again and watch from the list's version.
     * </pre>
     */
    default void watchPipelineRuns(ai.michelangelo.api.v2.WatchPipelineRunsRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.PipelineRunWatchEvent> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getWatchPipelineRunsMethod(), responseObserver);
    }
  }

  /**
   * Base class for the server implementation of the service PipelineRunService.
   * <pre>
   * PipelineRunService manages pipeline runs. Writes use optimistic concurrency on
   * metadata.resource_version; reads and watches follow the Kubernetes API conventions.
   * </pre>
   */
  public static abstract class PipelineRunServiceImplBase
      implements io.grpc.BindableService, AsyncService {

    @java.lang.Override public final io.grpc.ServerServiceDefinition bindService() {
      return PipelineRunServiceGrpc.bindService(this);
    }
  }

  /**
   * A stub to allow clients to do asynchronous rpc calls to service PipelineRunService.
   * <pre>
   * PipelineRunService manages pipeline runs. Writes use optimistic concurrency on
   * metadata.resource_version; reads and watches follow the Kubernetes API conventions.
   * </pre>
   */
  public static final class PipelineRunServiceStub
      extends io.grpc.stub.AbstractAsyncStub<PipelineRunServiceStub> {
    private PipelineRunServiceStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected PipelineRunServiceStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new PipelineRunServiceStub(channel, callOptions);
    }

    /**
     * <pre>
     * CreatePipelineRun stores a new pipeline run. The server sets uid, creation_timestamp,
     * resource_version and generation; an existing name gives ALREADY_EXISTS.
     * </pre>
     */
    public void createPipelineRun(ai.michelangelo.api.v2.CreatePipelineRunRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.PipelineRun> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getCreatePipelineRunMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * GetPipelineRun returns one pipeline run; NOT_FOUND when it does not exist.
     * </pre>
     */
    public void getPipelineRun(ai.michelangelo.api.v2.GetPipelineRunRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.PipelineRun> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getGetPipelineRunMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * UpdatePipelineRun replaces the spec, metadata labels, annotations and finalizers of
     * a pipeline run. A stale metadata.resource_version gives ABORTED; status is ignored.
     * </pre>
     */
    public void updatePipelineRun(ai.michelangelo.api.v2.UpdatePipelineRunRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.PipelineRun> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getUpdatePipelineRunMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * UpdatePipelineRunStatus replaces only the status of a pipeline run, with the same
     * optimistic concurrency as UpdatePipelineRun.
     * </pre>
     */
    public void updatePipelineRunStatus(ai.michelangelo.api.v2.UpdatePipelineRunStatusRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.PipelineRun> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getUpdatePipelineRunStatusMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * DeletePipelineRun removes a pipeline run. With finalizers present it only sets
     * metadata.deletion_timestamp and returns the object, which stays until its
     * finalizers are removed.
     * </pre>
     */
    public void deletePipelineRun(ai.michelangelo.api.v2.DeletePipelineRunRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.PipelineRun> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getDeletePipelineRunMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * DeletePipelineRunCollection deletes every pipeline run in a namespace matching the
     * list options and returns what it deleted.
     * </pre>
     */
    public void deletePipelineRunCollection(ai.michelangelo.api.v2.DeletePipelineRunCollectionRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.PipelineRunList> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getDeletePipelineRunCollectionMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * ListPipelineRuns returns one page of pipeline runs; follow metadata.continue_token
     * for the next page. An empty namespace lists all namespaces.
     * </pre>
     */
    public void listPipelineRuns(ai.michelangelo.api.v2.ListPipelineRunsRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.PipelineRunList> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getListPipelineRunsMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * WatchPipelineRuns streams every change to pipeline runs after the given resource
     * version, in order. A version older than the server keeps gives OUT_OF_RANGE:
     * list again and watch from the list's version.
     * </pre>
     */
    public void watchPipelineRuns(ai.michelangelo.api.v2.WatchPipelineRunsRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.PipelineRunWatchEvent> responseObserver) {
      io.grpc.stub.ClientCalls.asyncServerStreamingCall(
          getChannel().newCall(getWatchPipelineRunsMethod(), getCallOptions()), request, responseObserver);
    }
  }

  /**
   * A stub to allow clients to do synchronous rpc calls to service PipelineRunService.
   * <pre>
   * PipelineRunService manages pipeline runs. Writes use optimistic concurrency on
   * metadata.resource_version; reads and watches follow the Kubernetes API conventions.
   * </pre>
   */
  public static final class PipelineRunServiceBlockingStub
      extends io.grpc.stub.AbstractBlockingStub<PipelineRunServiceBlockingStub> {
    private PipelineRunServiceBlockingStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected PipelineRunServiceBlockingStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new PipelineRunServiceBlockingStub(channel, callOptions);
    }

    /**
     * <pre>
     * CreatePipelineRun stores a new pipeline run. The server sets uid, creation_timestamp,
     * resource_version and generation; an existing name gives ALREADY_EXISTS.
     * </pre>
     */
    public ai.michelangelo.api.v2.PipelineRun createPipelineRun(ai.michelangelo.api.v2.CreatePipelineRunRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getCreatePipelineRunMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * GetPipelineRun returns one pipeline run; NOT_FOUND when it does not exist.
     * </pre>
     */
    public ai.michelangelo.api.v2.PipelineRun getPipelineRun(ai.michelangelo.api.v2.GetPipelineRunRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getGetPipelineRunMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * UpdatePipelineRun replaces the spec, metadata labels, annotations and finalizers of
     * a pipeline run. A stale metadata.resource_version gives ABORTED; status is ignored.
     * </pre>
     */
    public ai.michelangelo.api.v2.PipelineRun updatePipelineRun(ai.michelangelo.api.v2.UpdatePipelineRunRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getUpdatePipelineRunMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * UpdatePipelineRunStatus replaces only the status of a pipeline run, with the same
     * optimistic concurrency as UpdatePipelineRun.
     * </pre>
     */
    public ai.michelangelo.api.v2.PipelineRun updatePipelineRunStatus(ai.michelangelo.api.v2.UpdatePipelineRunStatusRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getUpdatePipelineRunStatusMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * DeletePipelineRun removes a pipeline run. With finalizers present it only sets
     * metadata.deletion_timestamp and returns the object, which stays until its
     * finalizers are removed.
     * </pre>
     */
    public ai.michelangelo.api.v2.PipelineRun deletePipelineRun(ai.michelangelo.api.v2.DeletePipelineRunRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getDeletePipelineRunMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * DeletePipelineRunCollection deletes every pipeline run in a namespace matching the
     * list options and returns what it deleted.
     * </pre>
     */
    public ai.michelangelo.api.v2.PipelineRunList deletePipelineRunCollection(ai.michelangelo.api.v2.DeletePipelineRunCollectionRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getDeletePipelineRunCollectionMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * ListPipelineRuns returns one page of pipeline runs; follow metadata.continue_token
     * for the next page. An empty namespace lists all namespaces.
     * </pre>
     */
    public ai.michelangelo.api.v2.PipelineRunList listPipelineRuns(ai.michelangelo.api.v2.ListPipelineRunsRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getListPipelineRunsMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * WatchPipelineRuns streams every change to pipeline runs after the given resource
     * version, in order. A version older than the server keeps gives OUT_OF_RANGE:
     * list again and watch from the list's version.
     * </pre>
     */
    public java.util.Iterator<ai.michelangelo.api.v2.PipelineRunWatchEvent> watchPipelineRuns(
        ai.michelangelo.api.v2.WatchPipelineRunsRequest request) {
      return io.grpc.stub.ClientCalls.blockingServerStreamingCall(
          getChannel(), getWatchPipelineRunsMethod(), getCallOptions(), request);
    }
  }

  /**
   * A stub to allow clients to do ListenableFuture-style rpc calls to service PipelineRunService.
   * <pre>
   * PipelineRunService manages pipeline runs. Writes use optimistic concurrency on
   * metadata.resource_version; reads and watches follow the Kubernetes API conventions.
   * </pre>
   */
  public static final class PipelineRunServiceFutureStub
      extends io.grpc.stub.AbstractFutureStub<PipelineRunServiceFutureStub> {
    private PipelineRunServiceFutureStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected PipelineRunServiceFutureStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new PipelineRunServiceFutureStub(channel, callOptions);
    }

    /**
     * <pre>
     * CreatePipelineRun stores a new pipeline run. The server sets uid, creation_timestamp,
     * resource_version and generation; an existing name gives ALREADY_EXISTS.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<ai.michelangelo.api.v2.PipelineRun> createPipelineRun(
        ai.michelangelo.api.v2.CreatePipelineRunRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getCreatePipelineRunMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * GetPipelineRun returns one pipeline run; NOT_FOUND when it does not exist.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<ai.michelangelo.api.v2.PipelineRun> getPipelineRun(
        ai.michelangelo.api.v2.GetPipelineRunRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getGetPipelineRunMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * UpdatePipelineRun replaces the spec, metadata labels, annotations and finalizers of
     * a pipeline run. A stale metadata.resource_version gives ABORTED; status is ignored.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<ai.michelangelo.api.v2.PipelineRun> updatePipelineRun(
        ai.michelangelo.api.v2.UpdatePipelineRunRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getUpdatePipelineRunMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * UpdatePipelineRunStatus replaces only the status of a pipeline run, with the same
     * optimistic concurrency as UpdatePipelineRun.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<ai.michelangelo.api.v2.PipelineRun> updatePipelineRunStatus(
        ai.michelangelo.api.v2.UpdatePipelineRunStatusRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getUpdatePipelineRunStatusMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * DeletePipelineRun removes a pipeline run. With finalizers present it only sets
     * metadata.deletion_timestamp and returns the object, which stays until its
     * finalizers are removed.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<ai.michelangelo.api.v2.PipelineRun> deletePipelineRun(
        ai.michelangelo.api.v2.DeletePipelineRunRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getDeletePipelineRunMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * DeletePipelineRunCollection deletes every pipeline run in a namespace matching the
     * list options and returns what it deleted.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<ai.michelangelo.api.v2.PipelineRunList> deletePipelineRunCollection(
        ai.michelangelo.api.v2.DeletePipelineRunCollectionRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getDeletePipelineRunCollectionMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * ListPipelineRuns returns one page of pipeline runs; follow metadata.continue_token
     * for the next page. An empty namespace lists all namespaces.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<ai.michelangelo.api.v2.PipelineRunList> listPipelineRuns(
        ai.michelangelo.api.v2.ListPipelineRunsRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getListPipelineRunsMethod(), getCallOptions()), request);
    }
  }

  private static final int METHODID_CREATE_PIPELINE_RUN = 0;
  private static final int METHODID_GET_PIPELINE_RUN = 1;
  private static final int METHODID_UPDATE_PIPELINE_RUN = 2;
  private static final int METHODID_UPDATE_PIPELINE_RUN_STATUS = 3;
  private static final int METHODID_DELETE_PIPELINE_RUN = 4;
  private static final int METHODID_DELETE_PIPELINE_RUN_COLLECTION = 5;
  private static final int METHODID_LIST_PIPELINE_RUNS = 6;
  private static final int METHODID_WATCH_PIPELINE_RUNS = 7;

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
        case METHODID_CREATE_PIPELINE_RUN:
          serviceImpl.createPipelineRun((ai.michelangelo.api.v2.CreatePipelineRunRequest) request,
              (io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.PipelineRun>) responseObserver);
          break;
        case METHODID_GET_PIPELINE_RUN:
          serviceImpl.getPipelineRun((ai.michelangelo.api.v2.GetPipelineRunRequest) request,
              (io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.PipelineRun>) responseObserver);
          break;
        case METHODID_UPDATE_PIPELINE_RUN:
          serviceImpl.updatePipelineRun((ai.michelangelo.api.v2.UpdatePipelineRunRequest) request,
              (io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.PipelineRun>) responseObserver);
          break;
        case METHODID_UPDATE_PIPELINE_RUN_STATUS:
          serviceImpl.updatePipelineRunStatus((ai.michelangelo.api.v2.UpdatePipelineRunStatusRequest) request,
              (io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.PipelineRun>) responseObserver);
          break;
        case METHODID_DELETE_PIPELINE_RUN:
          serviceImpl.deletePipelineRun((ai.michelangelo.api.v2.DeletePipelineRunRequest) request,
              (io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.PipelineRun>) responseObserver);
          break;
        case METHODID_DELETE_PIPELINE_RUN_COLLECTION:
          serviceImpl.deletePipelineRunCollection((ai.michelangelo.api.v2.DeletePipelineRunCollectionRequest) request,
              (io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.PipelineRunList>) responseObserver);
          break;
        case METHODID_LIST_PIPELINE_RUNS:
          serviceImpl.listPipelineRuns((ai.michelangelo.api.v2.ListPipelineRunsRequest) request,
              (io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.PipelineRunList>) responseObserver);
          break;
        case METHODID_WATCH_PIPELINE_RUNS:
          serviceImpl.watchPipelineRuns((ai.michelangelo.api.v2.WatchPipelineRunsRequest) request,
              (io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.PipelineRunWatchEvent>) responseObserver);
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
          getCreatePipelineRunMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              ai.michelangelo.api.v2.CreatePipelineRunRequest,
              ai.michelangelo.api.v2.PipelineRun>(
                service, METHODID_CREATE_PIPELINE_RUN)))
        .addMethod(
          getGetPipelineRunMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              ai.michelangelo.api.v2.GetPipelineRunRequest,
              ai.michelangelo.api.v2.PipelineRun>(
                service, METHODID_GET_PIPELINE_RUN)))
        .addMethod(
          getUpdatePipelineRunMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              ai.michelangelo.api.v2.UpdatePipelineRunRequest,
              ai.michelangelo.api.v2.PipelineRun>(
                service, METHODID_UPDATE_PIPELINE_RUN)))
        .addMethod(
          getUpdatePipelineRunStatusMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              ai.michelangelo.api.v2.UpdatePipelineRunStatusRequest,
              ai.michelangelo.api.v2.PipelineRun>(
                service, METHODID_UPDATE_PIPELINE_RUN_STATUS)))
        .addMethod(
          getDeletePipelineRunMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              ai.michelangelo.api.v2.DeletePipelineRunRequest,
              ai.michelangelo.api.v2.PipelineRun>(
                service, METHODID_DELETE_PIPELINE_RUN)))
        .addMethod(
          getDeletePipelineRunCollectionMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              ai.michelangelo.api.v2.DeletePipelineRunCollectionRequest,
              ai.michelangelo.api.v2.PipelineRunList>(
                service, METHODID_DELETE_PIPELINE_RUN_COLLECTION)))
        .addMethod(
          getListPipelineRunsMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              ai.michelangelo.api.v2.ListPipelineRunsRequest,
              ai.michelangelo.api.v2.PipelineRunList>(
                service, METHODID_LIST_PIPELINE_RUNS)))
        .addMethod(
          getWatchPipelineRunsMethod(),
          io.grpc.stub.ServerCalls.asyncServerStreamingCall(
            new MethodHandlers<
              ai.michelangelo.api.v2.WatchPipelineRunsRequest,
              ai.michelangelo.api.v2.PipelineRunWatchEvent>(
                service, METHODID_WATCH_PIPELINE_RUNS)))
        .build();
  }

  private static abstract class PipelineRunServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoFileDescriptorSupplier, io.grpc.protobuf.ProtoServiceDescriptorSupplier {
    PipelineRunServiceBaseDescriptorSupplier() {}

    @java.lang.Override
    public com.google.protobuf.Descriptors.FileDescriptor getFileDescriptor() {
      return ai.michelangelo.api.v2.PipelineRunSvcProto.getDescriptor();
    }

    @java.lang.Override
    public com.google.protobuf.Descriptors.ServiceDescriptor getServiceDescriptor() {
      return getFileDescriptor().findServiceByName("PipelineRunService");
    }
  }

  private static final class PipelineRunServiceFileDescriptorSupplier
      extends PipelineRunServiceBaseDescriptorSupplier {
    PipelineRunServiceFileDescriptorSupplier() {}
  }

  private static final class PipelineRunServiceMethodDescriptorSupplier
      extends PipelineRunServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoMethodDescriptorSupplier {
    private final java.lang.String methodName;

    PipelineRunServiceMethodDescriptorSupplier(java.lang.String methodName) {
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
      synchronized (PipelineRunServiceGrpc.class) {
        result = serviceDescriptor;
        if (result == null) {
          serviceDescriptor = result = io.grpc.ServiceDescriptor.newBuilder(SERVICE_NAME)
              .setSchemaDescriptor(new PipelineRunServiceFileDescriptorSupplier())
              .addMethod(getCreatePipelineRunMethod())
              .addMethod(getGetPipelineRunMethod())
              .addMethod(getUpdatePipelineRunMethod())
              .addMethod(getUpdatePipelineRunStatusMethod())
              .addMethod(getDeletePipelineRunMethod())
              .addMethod(getDeletePipelineRunCollectionMethod())
              .addMethod(getListPipelineRunsMethod())
              .addMethod(getWatchPipelineRunsMethod())
              .build();
        }
      }
    }
    return result;
  }
}
