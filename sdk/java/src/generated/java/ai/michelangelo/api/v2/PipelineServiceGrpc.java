package ai.michelangelo.api.v2;

import static io.grpc.MethodDescriptor.generateFullMethodName;

/**
 * <pre>
 * PipelineService manages pipelines. Writes use optimistic concurrency on
 * metadata.resource_version; reads and watches follow the Kubernetes API conventions.
 * </pre>
 */
@javax.annotation.Generated(
    value = "by gRPC proto compiler (version 1.60.0)",
    comments = "Source: michelangelo/api/v2/pipeline_svc.proto")
@io.grpc.stub.annotations.GrpcGenerated
public final class PipelineServiceGrpc {

  private PipelineServiceGrpc() {}

  public static final java.lang.String SERVICE_NAME = "michelangelo.api.v2.PipelineService";

  // Static method descriptors that strictly reflect the proto.
  private static volatile io.grpc.MethodDescriptor<ai.michelangelo.api.v2.CreatePipelineRequest,
      ai.michelangelo.api.v2.Pipeline> getCreatePipelineMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "CreatePipeline",
      requestType = ai.michelangelo.api.v2.CreatePipelineRequest.class,
      responseType = ai.michelangelo.api.v2.Pipeline.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<ai.michelangelo.api.v2.CreatePipelineRequest,
      ai.michelangelo.api.v2.Pipeline> getCreatePipelineMethod() {
    io.grpc.MethodDescriptor<ai.michelangelo.api.v2.CreatePipelineRequest, ai.michelangelo.api.v2.Pipeline> getCreatePipelineMethod;
    if ((getCreatePipelineMethod = PipelineServiceGrpc.getCreatePipelineMethod) == null) {
      synchronized (PipelineServiceGrpc.class) {
        if ((getCreatePipelineMethod = PipelineServiceGrpc.getCreatePipelineMethod) == null) {
          PipelineServiceGrpc.getCreatePipelineMethod = getCreatePipelineMethod =
              io.grpc.MethodDescriptor.<ai.michelangelo.api.v2.CreatePipelineRequest, ai.michelangelo.api.v2.Pipeline>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "CreatePipeline"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.CreatePipelineRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.Pipeline.getDefaultInstance()))
              .setSchemaDescriptor(new PipelineServiceMethodDescriptorSupplier("CreatePipeline"))
              .build();
        }
      }
    }
    return getCreatePipelineMethod;
  }

  private static volatile io.grpc.MethodDescriptor<ai.michelangelo.api.v2.GetPipelineRequest,
      ai.michelangelo.api.v2.Pipeline> getGetPipelineMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "GetPipeline",
      requestType = ai.michelangelo.api.v2.GetPipelineRequest.class,
      responseType = ai.michelangelo.api.v2.Pipeline.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<ai.michelangelo.api.v2.GetPipelineRequest,
      ai.michelangelo.api.v2.Pipeline> getGetPipelineMethod() {
    io.grpc.MethodDescriptor<ai.michelangelo.api.v2.GetPipelineRequest, ai.michelangelo.api.v2.Pipeline> getGetPipelineMethod;
    if ((getGetPipelineMethod = PipelineServiceGrpc.getGetPipelineMethod) == null) {
      synchronized (PipelineServiceGrpc.class) {
        if ((getGetPipelineMethod = PipelineServiceGrpc.getGetPipelineMethod) == null) {
          PipelineServiceGrpc.getGetPipelineMethod = getGetPipelineMethod =
              io.grpc.MethodDescriptor.<ai.michelangelo.api.v2.GetPipelineRequest, ai.michelangelo.api.v2.Pipeline>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "GetPipeline"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.GetPipelineRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.Pipeline.getDefaultInstance()))
              .setSchemaDescriptor(new PipelineServiceMethodDescriptorSupplier("GetPipeline"))
              .build();
        }
      }
    }
    return getGetPipelineMethod;
  }

  private static volatile io.grpc.MethodDescriptor<ai.michelangelo.api.v2.UpdatePipelineRequest,
      ai.michelangelo.api.v2.Pipeline> getUpdatePipelineMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "UpdatePipeline",
      requestType = ai.michelangelo.api.v2.UpdatePipelineRequest.class,
      responseType = ai.michelangelo.api.v2.Pipeline.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<ai.michelangelo.api.v2.UpdatePipelineRequest,
      ai.michelangelo.api.v2.Pipeline> getUpdatePipelineMethod() {
    io.grpc.MethodDescriptor<ai.michelangelo.api.v2.UpdatePipelineRequest, ai.michelangelo.api.v2.Pipeline> getUpdatePipelineMethod;
    if ((getUpdatePipelineMethod = PipelineServiceGrpc.getUpdatePipelineMethod) == null) {
      synchronized (PipelineServiceGrpc.class) {
        if ((getUpdatePipelineMethod = PipelineServiceGrpc.getUpdatePipelineMethod) == null) {
          PipelineServiceGrpc.getUpdatePipelineMethod = getUpdatePipelineMethod =
              io.grpc.MethodDescriptor.<ai.michelangelo.api.v2.UpdatePipelineRequest, ai.michelangelo.api.v2.Pipeline>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "UpdatePipeline"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.UpdatePipelineRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.Pipeline.getDefaultInstance()))
              .setSchemaDescriptor(new PipelineServiceMethodDescriptorSupplier("UpdatePipeline"))
              .build();
        }
      }
    }
    return getUpdatePipelineMethod;
  }

  private static volatile io.grpc.MethodDescriptor<ai.michelangelo.api.v2.UpdatePipelineStatusRequest,
      ai.michelangelo.api.v2.Pipeline> getUpdatePipelineStatusMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "UpdatePipelineStatus",
      requestType = ai.michelangelo.api.v2.UpdatePipelineStatusRequest.class,
      responseType = ai.michelangelo.api.v2.Pipeline.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<ai.michelangelo.api.v2.UpdatePipelineStatusRequest,
      ai.michelangelo.api.v2.Pipeline> getUpdatePipelineStatusMethod() {
    io.grpc.MethodDescriptor<ai.michelangelo.api.v2.UpdatePipelineStatusRequest, ai.michelangelo.api.v2.Pipeline> getUpdatePipelineStatusMethod;
    if ((getUpdatePipelineStatusMethod = PipelineServiceGrpc.getUpdatePipelineStatusMethod) == null) {
      synchronized (PipelineServiceGrpc.class) {
        if ((getUpdatePipelineStatusMethod = PipelineServiceGrpc.getUpdatePipelineStatusMethod) == null) {
          PipelineServiceGrpc.getUpdatePipelineStatusMethod = getUpdatePipelineStatusMethod =
              io.grpc.MethodDescriptor.<ai.michelangelo.api.v2.UpdatePipelineStatusRequest, ai.michelangelo.api.v2.Pipeline>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "UpdatePipelineStatus"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.UpdatePipelineStatusRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.Pipeline.getDefaultInstance()))
              .setSchemaDescriptor(new PipelineServiceMethodDescriptorSupplier("UpdatePipelineStatus"))
              .build();
        }
      }
    }
    return getUpdatePipelineStatusMethod;
  }

  private static volatile io.grpc.MethodDescriptor<ai.michelangelo.api.v2.DeletePipelineRequest,
      ai.michelangelo.api.v2.Pipeline> getDeletePipelineMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "DeletePipeline",
      requestType = ai.michelangelo.api.v2.DeletePipelineRequest.class,
      responseType = ai.michelangelo.api.v2.Pipeline.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<ai.michelangelo.api.v2.DeletePipelineRequest,
      ai.michelangelo.api.v2.Pipeline> getDeletePipelineMethod() {
    io.grpc.MethodDescriptor<ai.michelangelo.api.v2.DeletePipelineRequest, ai.michelangelo.api.v2.Pipeline> getDeletePipelineMethod;
    if ((getDeletePipelineMethod = PipelineServiceGrpc.getDeletePipelineMethod) == null) {
      synchronized (PipelineServiceGrpc.class) {
        if ((getDeletePipelineMethod = PipelineServiceGrpc.getDeletePipelineMethod) == null) {
          PipelineServiceGrpc.getDeletePipelineMethod = getDeletePipelineMethod =
              io.grpc.MethodDescriptor.<ai.michelangelo.api.v2.DeletePipelineRequest, ai.michelangelo.api.v2.Pipeline>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "DeletePipeline"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.DeletePipelineRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.Pipeline.getDefaultInstance()))
              .setSchemaDescriptor(new PipelineServiceMethodDescriptorSupplier("DeletePipeline"))
              .build();
        }
      }
    }
    return getDeletePipelineMethod;
  }

  private static volatile io.grpc.MethodDescriptor<ai.michelangelo.api.v2.DeletePipelineCollectionRequest,
      ai.michelangelo.api.v2.PipelineList> getDeletePipelineCollectionMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "DeletePipelineCollection",
      requestType = ai.michelangelo.api.v2.DeletePipelineCollectionRequest.class,
      responseType = ai.michelangelo.api.v2.PipelineList.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<ai.michelangelo.api.v2.DeletePipelineCollectionRequest,
      ai.michelangelo.api.v2.PipelineList> getDeletePipelineCollectionMethod() {
    io.grpc.MethodDescriptor<ai.michelangelo.api.v2.DeletePipelineCollectionRequest, ai.michelangelo.api.v2.PipelineList> getDeletePipelineCollectionMethod;
    if ((getDeletePipelineCollectionMethod = PipelineServiceGrpc.getDeletePipelineCollectionMethod) == null) {
      synchronized (PipelineServiceGrpc.class) {
        if ((getDeletePipelineCollectionMethod = PipelineServiceGrpc.getDeletePipelineCollectionMethod) == null) {
          PipelineServiceGrpc.getDeletePipelineCollectionMethod = getDeletePipelineCollectionMethod =
              io.grpc.MethodDescriptor.<ai.michelangelo.api.v2.DeletePipelineCollectionRequest, ai.michelangelo.api.v2.PipelineList>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "DeletePipelineCollection"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.DeletePipelineCollectionRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.PipelineList.getDefaultInstance()))
              .setSchemaDescriptor(new PipelineServiceMethodDescriptorSupplier("DeletePipelineCollection"))
              .build();
        }
      }
    }
    return getDeletePipelineCollectionMethod;
  }

  private static volatile io.grpc.MethodDescriptor<ai.michelangelo.api.v2.ListPipelinesRequest,
      ai.michelangelo.api.v2.PipelineList> getListPipelinesMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ListPipelines",
      requestType = ai.michelangelo.api.v2.ListPipelinesRequest.class,
      responseType = ai.michelangelo.api.v2.PipelineList.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<ai.michelangelo.api.v2.ListPipelinesRequest,
      ai.michelangelo.api.v2.PipelineList> getListPipelinesMethod() {
    io.grpc.MethodDescriptor<ai.michelangelo.api.v2.ListPipelinesRequest, ai.michelangelo.api.v2.PipelineList> getListPipelinesMethod;
    if ((getListPipelinesMethod = PipelineServiceGrpc.getListPipelinesMethod) == null) {
      synchronized (PipelineServiceGrpc.class) {
        if ((getListPipelinesMethod = PipelineServiceGrpc.getListPipelinesMethod) == null) {
          PipelineServiceGrpc.getListPipelinesMethod = getListPipelinesMethod =
              io.grpc.MethodDescriptor.<ai.michelangelo.api.v2.ListPipelinesRequest, ai.michelangelo.api.v2.PipelineList>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ListPipelines"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.ListPipelinesRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.PipelineList.getDefaultInstance()))
              .setSchemaDescriptor(new PipelineServiceMethodDescriptorSupplier("ListPipelines"))
              .build();
        }
      }
    }
    return getListPipelinesMethod;
  }

  private static volatile io.grpc.MethodDescriptor<ai.michelangelo.api.v2.WatchPipelinesRequest,
      ai.michelangelo.api.v2.PipelineWatchEvent> getWatchPipelinesMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "WatchPipelines",
      requestType = ai.michelangelo.api.v2.WatchPipelinesRequest.class,
      responseType = ai.michelangelo.api.v2.PipelineWatchEvent.class,
      methodType = io.grpc.MethodDescriptor.MethodType.SERVER_STREAMING)
  public static io.grpc.MethodDescriptor<ai.michelangelo.api.v2.WatchPipelinesRequest,
      ai.michelangelo.api.v2.PipelineWatchEvent> getWatchPipelinesMethod() {
    io.grpc.MethodDescriptor<ai.michelangelo.api.v2.WatchPipelinesRequest, ai.michelangelo.api.v2.PipelineWatchEvent> getWatchPipelinesMethod;
    if ((getWatchPipelinesMethod = PipelineServiceGrpc.getWatchPipelinesMethod) == null) {
      synchronized (PipelineServiceGrpc.class) {
        if ((getWatchPipelinesMethod = PipelineServiceGrpc.getWatchPipelinesMethod) == null) {
          PipelineServiceGrpc.getWatchPipelinesMethod = getWatchPipelinesMethod =
              io.grpc.MethodDescriptor.<ai.michelangelo.api.v2.WatchPipelinesRequest, ai.michelangelo.api.v2.PipelineWatchEvent>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.SERVER_STREAMING)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "WatchPipelines"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.WatchPipelinesRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.PipelineWatchEvent.getDefaultInstance()))
              .setSchemaDescriptor(new PipelineServiceMethodDescriptorSupplier("WatchPipelines"))
              .build();
        }
      }
    }
    return getWatchPipelinesMethod;
  }

  /**
   * Creates a new async stub that supports all call types for the service
   */
  public static PipelineServiceStub newStub(io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<PipelineServiceStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<PipelineServiceStub>() {
        @java.lang.Override
        public PipelineServiceStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new PipelineServiceStub(channel, callOptions);
        }
      };
    return PipelineServiceStub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports unary and streaming output calls on the service
   */
  public static PipelineServiceBlockingStub newBlockingStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<PipelineServiceBlockingStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<PipelineServiceBlockingStub>() {
        @java.lang.Override
        public PipelineServiceBlockingStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new PipelineServiceBlockingStub(channel, callOptions);
        }
      };
    return PipelineServiceBlockingStub.newStub(factory, channel);
  }

  /**
   * Creates a new ListenableFuture-style stub that supports unary calls on the service
   */
  public static PipelineServiceFutureStub newFutureStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<PipelineServiceFutureStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<PipelineServiceFutureStub>() {
        @java.lang.Override
        public PipelineServiceFutureStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new PipelineServiceFutureStub(channel, callOptions);
        }
      };
    return PipelineServiceFutureStub.newStub(factory, channel);
  }

  /**
   * <pre>
   * PipelineService manages pipelines. Writes use optimistic concurrency on
   * metadata.resource_version; reads and watches follow the Kubernetes API conventions.
   * </pre>
   */
  public interface AsyncService {

    /**
     * <pre>
     * CreatePipeline stores a new pipeline. The server sets uid, creation_timestamp,
     * resource_version and generation; an existing name gives ALREADY_EXISTS.
     * </pre>
     */
    default void createPipeline(ai.michelangelo.api.v2.CreatePipelineRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.Pipeline> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getCreatePipelineMethod(), responseObserver);
    }

    /**
     * <pre>
     * GetPipeline returns one pipeline; NOT_FOUND when it does not exist.
     * </pre>
     */
    default void getPipeline(ai.michelangelo.api.v2.GetPipelineRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.Pipeline> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getGetPipelineMethod(), responseObserver);
    }

    /**
     * <pre>
     * UpdatePipeline replaces the spec, metadata labels, annotations and finalizers of
     * a pipeline. A stale metadata.resource_version gives ABORTED; status is ignored.
     * </pre>
     */
    default void updatePipeline(ai.michelangelo.api.v2.UpdatePipelineRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.Pipeline> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getUpdatePipelineMethod(), responseObserver);
    }

    /**
     * <pre>
     * UpdatePipelineStatus replaces only the status of a pipeline, with the same
     * optimistic concurrency as UpdatePipeline.
     * </pre>
     */
    default void updatePipelineStatus(ai.michelangelo.api.v2.UpdatePipelineStatusRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.Pipeline> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getUpdatePipelineStatusMethod(), responseObserver);
    }

    /**
     * <pre>
     * DeletePipeline removes a pipeline. With finalizers present it only sets
     * metadata.deletion_timestamp and returns the object, which stays until its
     * finalizers are removed.
     * </pre>
     */
    default void deletePipeline(ai.michelangelo.api.v2.DeletePipelineRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.Pipeline> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getDeletePipelineMethod(), responseObserver);
    }

    /**
     * <pre>
     * DeletePipelineCollection deletes every pipeline in a namespace matching the
     * list options and returns what it deleted.
     * </pre>
     */
    default void deletePipelineCollection(ai.michelangelo.api.v2.DeletePipelineCollectionRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.PipelineList> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getDeletePipelineCollectionMethod(), responseObserver);
    }

    /**
     * <pre>
     * ListPipelines returns one page of pipelines; follow metadata.continue_token
     * for the next page. An empty namespace lists all namespaces.
     * </pre>
     */
    default void listPipelines(ai.michelangelo.api.v2.ListPipelinesRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.PipelineList> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getListPipelinesMethod(), responseObserver);
    }

    /**
     * <pre>
     * WatchPipelines streams every change to pipelines after the given resource
     * version, in order. A version older than the server keeps gives OUT_OF_RANGE:
     * list again and watch from the list's version.
     * </pre>
     */
    default void watchPipelines(ai.michelangelo.api.v2.WatchPipelinesRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.PipelineWatchEvent> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getWatchPipelinesMethod(), responseObserver);
    }
  }

  /**
   * Base class for the server implementation of the service PipelineService.
   * <pre>
   * PipelineService manages pipelines. Writes use optimistic concurrency on
   * metadata.resource_version; reads and watches follow the Kubernetes API conventions.
   * </pre>
   */
  public static abstract class PipelineServiceImplBase
      implements io.grpc.BindableService, AsyncService {

    @java.lang.Override public final io.grpc.ServerServiceDefinition bindService() {
      return PipelineServiceGrpc.bindService(this);
    }
  }

  /**
   * A stub to allow clients to do asynchronous rpc calls to service PipelineService.
   * <pre>
   * PipelineService manages pipelines. Writes use optimistic concurrency on
   * metadata.resource_version; reads and watches follow the Kubernetes API conventions.
   * </pre>
   */
  public static final class PipelineServiceStub
      extends io.grpc.stub.AbstractAsyncStub<PipelineServiceStub> {
    private PipelineServiceStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected PipelineServiceStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new PipelineServiceStub(channel, callOptions);
    }

    /**
     * <pre>
     * CreatePipeline stores a new pipeline. The server sets uid, creation_timestamp,
     * resource_version and generation; an existing name gives ALREADY_EXISTS.
     * </pre>
     */
    public void createPipeline(ai.michelangelo.api.v2.CreatePipelineRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.Pipeline> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getCreatePipelineMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * GetPipeline returns one pipeline; NOT_FOUND when it does not exist.
     * </pre>
     */
    public void getPipeline(ai.michelangelo.api.v2.GetPipelineRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.Pipeline> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getGetPipelineMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * UpdatePipeline replaces the spec, metadata labels, annotations and finalizers of
     * a pipeline. A stale metadata.resource_version gives ABORTED; status is ignored.
     * </pre>
     */
    public void updatePipeline(ai.michelangelo.api.v2.UpdatePipelineRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.Pipeline> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getUpdatePipelineMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * UpdatePipelineStatus replaces only the status of a pipeline, with the same
     * optimistic concurrency as UpdatePipeline.
     * </pre>
     */
    public void updatePipelineStatus(ai.michelangelo.api.v2.UpdatePipelineStatusRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.Pipeline> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getUpdatePipelineStatusMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * DeletePipeline removes a pipeline. With finalizers present it only sets
     * metadata.deletion_timestamp and returns the object, which stays until its
     * finalizers are removed.
     * </pre>
     */
    public void deletePipeline(ai.michelangelo.api.v2.DeletePipelineRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.Pipeline> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getDeletePipelineMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * DeletePipelineCollection deletes every pipeline in a namespace matching the
     * list options and returns what it deleted.
     * </pre>
     */
    public void deletePipelineCollection(ai.michelangelo.api.v2.DeletePipelineCollectionRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.PipelineList> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getDeletePipelineCollectionMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * ListPipelines returns one page of pipelines; follow metadata.continue_token
     * for the next page. An empty namespace lists all namespaces.
     * </pre>
     */
    public void listPipelines(ai.michelangelo.api.v2.ListPipelinesRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.PipelineList> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getListPipelinesMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * WatchPipelines streams every change to pipelines after the given resource
     * version, in order. A version older than the server keeps gives OUT_OF_RANGE:
     * list again and watch from the list's version.
     * </pre>
     */
    public void watchPipelines(ai.michelangelo.api.v2.WatchPipelinesRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.PipelineWatchEvent> responseObserver) {
      io.grpc.stub.ClientCalls.asyncServerStreamingCall(
          getChannel().newCall(getWatchPipelinesMethod(), getCallOptions()), request, responseObserver);
    }
  }

  /**
   * A stub to allow clients to do synchronous rpc calls to service PipelineService.
   * <pre>
   * PipelineService manages pipelines. Writes use optimistic concurrency on
   * metadata.resource_version; reads and watches follow the Kubernetes API conventions.
   * </pre>
   */
  public static final class PipelineServiceBlockingStub
      extends io.grpc.stub.AbstractBlockingStub<PipelineServiceBlockingStub> {
    private PipelineServiceBlockingStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected PipelineServiceBlockingStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new PipelineServiceBlockingStub(channel, callOptions);
    }

    /**
     * <pre>
     * CreatePipeline stores a new pipeline. The server sets uid, creation_timestamp,
     * resource_version and generation; an existing name gives ALREADY_EXISTS.
     * </pre>
     */
    public ai.michelangelo.api.v2.Pipeline createPipeline(ai.michelangelo.api.v2.CreatePipelineRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getCreatePipelineMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * GetPipeline returns one pipeline; NOT_FOUND when it does not exist.
     * </pre>
     */
    public ai.michelangelo.api.v2.Pipeline getPipeline(ai.michelangelo.api.v2.GetPipelineRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getGetPipelineMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * UpdatePipeline replaces the spec, metadata labels, annotations and finalizers of
     * a pipeline. A stale metadata.resource_version gives ABORTED; status is ignored.
     * </pre>
     */
    public ai.michelangelo.api.v2.Pipeline updatePipeline(ai.michelangelo.api.v2.UpdatePipelineRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getUpdatePipelineMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * UpdatePipelineStatus replaces only the status of a pipeline, with the same
     * optimistic concurrency as UpdatePipeline.
     * </pre>
     */
    public ai.michelangelo.api.v2.Pipeline updatePipelineStatus(ai.michelangelo.api.v2.UpdatePipelineStatusRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getUpdatePipelineStatusMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * DeletePipeline removes a pipeline. With finalizers present it only sets
     * metadata.deletion_timestamp and returns the object, which stays until its
     * finalizers are removed.
     * </pre>
     */
    public ai.michelangelo.api.v2.Pipeline deletePipeline(ai.michelangelo.api.v2.DeletePipelineRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getDeletePipelineMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * DeletePipelineCollection deletes every pipeline in a namespace matching the
     * list options and returns what it deleted.
     * </pre>
     */
    public ai.michelangelo.api.v2.PipelineList deletePipelineCollection(ai.michelangelo.api.v2.DeletePipelineCollectionRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getDeletePipelineCollectionMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * ListPipelines returns one page of pipelines; follow metadata.continue_token
     * for the next page. An empty namespace lists all namespaces.
     * </pre>
     */
    public ai.michelangelo.api.v2.PipelineList listPipelines(ai.michelangelo.api.v2.ListPipelinesRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getListPipelinesMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * WatchPipelines streams every change to pipelines after the given resource
     * version, in order. A version older than the server keeps gives OUT_OF_RANGE:
     * list again and watch from the list's version.
     * </pre>
     */
    public java.util.Iterator<ai.michelangelo.api.v2.PipelineWatchEvent> watchPipelines(
        ai.michelangelo.api.v2.WatchPipelinesRequest request) {
      return io.grpc.stub.ClientCalls.blockingServerStreamingCall(
          getChannel(), getWatchPipelinesMethod(), getCallOptions(), request);
    }
  }

  /**
   * A stub to allow clients to do ListenableFuture-style rpc calls to service PipelineService.
   * <pre>
   * PipelineService manages pipelines. Writes use optimistic concurrency on
   * metadata.resource_version; reads and watches follow the Kubernetes API conventions.
   * </pre>
   */
  public static final class PipelineServiceFutureStub
      extends io.grpc.stub.AbstractFutureStub<PipelineServiceFutureStub> {
    private PipelineServiceFutureStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected PipelineServiceFutureStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new PipelineServiceFutureStub(channel, callOptions);
    }

    /**
     * <pre>
     * CreatePipeline stores a new pipeline. The server sets uid, creation_timestamp,
     * resource_version and generation; an existing name gives ALREADY_EXISTS.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<ai.michelangelo.api.v2.Pipeline> createPipeline(
        ai.michelangelo.api.v2.CreatePipelineRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getCreatePipelineMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * GetPipeline returns one pipeline; NOT_FOUND when it does not exist.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<ai.michelangelo.api.v2.Pipeline> getPipeline(
        ai.michelangelo.api.v2.GetPipelineRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getGetPipelineMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * UpdatePipeline replaces the spec, metadata labels, annotations and finalizers of
     * a pipeline. A stale metadata.resource_version gives ABORTED; status is ignored.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<ai.michelangelo.api.v2.Pipeline> updatePipeline(
        ai.michelangelo.api.v2.UpdatePipelineRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getUpdatePipelineMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * UpdatePipelineStatus replaces only the status of a pipeline, with the same
     * optimistic concurrency as UpdatePipeline.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<ai.michelangelo.api.v2.Pipeline> updatePipelineStatus(
        ai.michelangelo.api.v2.UpdatePipelineStatusRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getUpdatePipelineStatusMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * DeletePipeline removes a pipeline. With finalizers present it only sets
     * metadata.deletion_timestamp and returns the object, which stays until its
     * finalizers are removed.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<ai.michelangelo.api.v2.Pipeline> deletePipeline(
        ai.michelangelo.api.v2.DeletePipelineRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getDeletePipelineMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * DeletePipelineCollection deletes every pipeline in a namespace matching the
     * list options and returns what it deleted.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<ai.michelangelo.api.v2.PipelineList> deletePipelineCollection(
        ai.michelangelo.api.v2.DeletePipelineCollectionRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getDeletePipelineCollectionMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * ListPipelines returns one page of pipelines; follow metadata.continue_token
     * for the next page. An empty namespace lists all namespaces.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<ai.michelangelo.api.v2.PipelineList> listPipelines(
        ai.michelangelo.api.v2.ListPipelinesRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getListPipelinesMethod(), getCallOptions()), request);
    }
  }

  private static final int METHODID_CREATE_PIPELINE = 0;
  private static final int METHODID_GET_PIPELINE = 1;
  private static final int METHODID_UPDATE_PIPELINE = 2;
  private static final int METHODID_UPDATE_PIPELINE_STATUS = 3;
  private static final int METHODID_DELETE_PIPELINE = 4;
  private static final int METHODID_DELETE_PIPELINE_COLLECTION = 5;
  private static final int METHODID_LIST_PIPELINES = 6;
  private static final int METHODID_WATCH_PIPELINES = 7;

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
        case METHODID_CREATE_PIPELINE:
          serviceImpl.createPipeline((ai.michelangelo.api.v2.CreatePipelineRequest) request,
              (io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.Pipeline>) responseObserver);
          break;
        case METHODID_GET_PIPELINE:
          serviceImpl.getPipeline((ai.michelangelo.api.v2.GetPipelineRequest) request,
              (io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.Pipeline>) responseObserver);
          break;
        case METHODID_UPDATE_PIPELINE:
          serviceImpl.updatePipeline((ai.michelangelo.api.v2.UpdatePipelineRequest) request,
              (io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.Pipeline>) responseObserver);
          break;
        case METHODID_UPDATE_PIPELINE_STATUS:
          serviceImpl.updatePipelineStatus((ai.michelangelo.api.v2.UpdatePipelineStatusRequest) request,
              (io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.Pipeline>) responseObserver);
          break;
        case METHODID_DELETE_PIPELINE:
          serviceImpl.deletePipeline((ai.michelangelo.api.v2.DeletePipelineRequest) request,
              (io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.Pipeline>) responseObserver);
          break;
        case METHODID_DELETE_PIPELINE_COLLECTION:
          serviceImpl.deletePipelineCollection((ai.michelangelo.api.v2.DeletePipelineCollectionRequest) request,
              (io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.PipelineList>) responseObserver);
          break;
        case METHODID_LIST_PIPELINES:
          serviceImpl.listPipelines((ai.michelangelo.api.v2.ListPipelinesRequest) request,
              (io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.PipelineList>) responseObserver);
          break;
        case METHODID_WATCH_PIPELINES:
          serviceImpl.watchPipelines((ai.michelangelo.api.v2.WatchPipelinesRequest) request,
              (io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.PipelineWatchEvent>) responseObserver);
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
          getCreatePipelineMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              ai.michelangelo.api.v2.CreatePipelineRequest,
              ai.michelangelo.api.v2.Pipeline>(
                service, METHODID_CREATE_PIPELINE)))
        .addMethod(
          getGetPipelineMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              ai.michelangelo.api.v2.GetPipelineRequest,
              ai.michelangelo.api.v2.Pipeline>(
                service, METHODID_GET_PIPELINE)))
        .addMethod(
          getUpdatePipelineMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              ai.michelangelo.api.v2.UpdatePipelineRequest,
              ai.michelangelo.api.v2.Pipeline>(
                service, METHODID_UPDATE_PIPELINE)))
        .addMethod(
          getUpdatePipelineStatusMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              ai.michelangelo.api.v2.UpdatePipelineStatusRequest,
              ai.michelangelo.api.v2.Pipeline>(
                service, METHODID_UPDATE_PIPELINE_STATUS)))
        .addMethod(
          getDeletePipelineMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              ai.michelangelo.api.v2.DeletePipelineRequest,
              ai.michelangelo.api.v2.Pipeline>(
                service, METHODID_DELETE_PIPELINE)))
        .addMethod(
          getDeletePipelineCollectionMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              ai.michelangelo.api.v2.DeletePipelineCollectionRequest,
              ai.michelangelo.api.v2.PipelineList>(
                service, METHODID_DELETE_PIPELINE_COLLECTION)))
        .addMethod(
          getListPipelinesMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              ai.michelangelo.api.v2.ListPipelinesRequest,
              ai.michelangelo.api.v2.PipelineList>(
                service, METHODID_LIST_PIPELINES)))
        .addMethod(
          getWatchPipelinesMethod(),
          io.grpc.stub.ServerCalls.asyncServerStreamingCall(
            new MethodHandlers<
              ai.michelangelo.api.v2.WatchPipelinesRequest,
              ai.michelangelo.api.v2.PipelineWatchEvent>(
                service, METHODID_WATCH_PIPELINES)))
        .build();
  }

  private static abstract class PipelineServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoFileDescriptorSupplier, io.grpc.protobuf.ProtoServiceDescriptorSupplier {
    PipelineServiceBaseDescriptorSupplier() {}

    @java.lang.Override
    public com.google.protobuf.Descriptors.FileDescriptor getFileDescriptor() {
      return ai.michelangelo.api.v2.PipelineSvcProto.getDescriptor();
    }

    @java.lang.Override
    public com.google.protobuf.Descriptors.ServiceDescriptor getServiceDescriptor() {
      return getFileDescriptor().findServiceByName("PipelineService");
    }
  }

  private static final class PipelineServiceFileDescriptorSupplier
      extends PipelineServiceBaseDescriptorSupplier {
    PipelineServiceFileDescriptorSupplier() {}
  }

  private static final class PipelineServiceMethodDescriptorSupplier
      extends PipelineServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoMethodDescriptorSupplier {
    private final java.lang.String methodName;

    PipelineServiceMethodDescriptorSupplier(java.lang.String methodName) {
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
      synchronized (PipelineServiceGrpc.class) {
        result = serviceDescriptor;
        if (result == null) {
          serviceDescriptor = result = io.grpc.ServiceDescriptor.newBuilder(SERVICE_NAME)
              .setSchemaDescriptor(new PipelineServiceFileDescriptorSupplier())
              .addMethod(getCreatePipelineMethod())
              .addMethod(getGetPipelineMethod())
              .addMethod(getUpdatePipelineMethod())
              .addMethod(getUpdatePipelineStatusMethod())
              .addMethod(getDeletePipelineMethod())
              .addMethod(getDeletePipelineCollectionMethod())
              .addMethod(getListPipelinesMethod())
              .addMethod(getWatchPipelinesMethod())
              .build();
        }
      }
    }
    return result;
  }
}
