package ai.michelangelo.api.v2;

import static io.grpc.MethodDescriptor.generateFullMethodName;

/**
 * <pre>
 * RayJobService manages Ray jobs. Writes use optimistic concurrency on
 * metadata.resource_version; reads and watches follow the Kubernetes API conventions.
 * </pre>
 */
@javax.annotation.Generated(
    value = "by gRPC proto compiler (version 1.60.0)",
    comments = "Source: michelangelo/api/v2/ray_job_svc.proto")
@io.grpc.stub.annotations.GrpcGenerated
public final class RayJobServiceGrpc {

  private RayJobServiceGrpc() {}

  public static final java.lang.String SERVICE_NAME = "michelangelo.api.v2.RayJobService";

  // Static method descriptors that strictly reflect the proto.
  private static volatile io.grpc.MethodDescriptor<ai.michelangelo.api.v2.CreateRayJobRequest,
      ai.michelangelo.api.v2.RayJob> getCreateRayJobMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "CreateRayJob",
      requestType = ai.michelangelo.api.v2.CreateRayJobRequest.class,
      responseType = ai.michelangelo.api.v2.RayJob.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<ai.michelangelo.api.v2.CreateRayJobRequest,
      ai.michelangelo.api.v2.RayJob> getCreateRayJobMethod() {
    io.grpc.MethodDescriptor<ai.michelangelo.api.v2.CreateRayJobRequest, ai.michelangelo.api.v2.RayJob> getCreateRayJobMethod;
    if ((getCreateRayJobMethod = RayJobServiceGrpc.getCreateRayJobMethod) == null) {
      synchronized (RayJobServiceGrpc.class) {
        if ((getCreateRayJobMethod = RayJobServiceGrpc.getCreateRayJobMethod) == null) {
          RayJobServiceGrpc.getCreateRayJobMethod = getCreateRayJobMethod =
              io.grpc.MethodDescriptor.<ai.michelangelo.api.v2.CreateRayJobRequest, ai.michelangelo.api.v2.RayJob>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "CreateRayJob"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.CreateRayJobRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.RayJob.getDefaultInstance()))
              .setSchemaDescriptor(new RayJobServiceMethodDescriptorSupplier("CreateRayJob"))
              .build();
        }
      }
    }
    return getCreateRayJobMethod;
  }

  private static volatile io.grpc.MethodDescriptor<ai.michelangelo.api.v2.GetRayJobRequest,
      ai.michelangelo.api.v2.RayJob> getGetRayJobMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "GetRayJob",
      requestType = ai.michelangelo.api.v2.GetRayJobRequest.class,
      responseType = ai.michelangelo.api.v2.RayJob.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<ai.michelangelo.api.v2.GetRayJobRequest,
      ai.michelangelo.api.v2.RayJob> getGetRayJobMethod() {
    io.grpc.MethodDescriptor<ai.michelangelo.api.v2.GetRayJobRequest, ai.michelangelo.api.v2.RayJob> getGetRayJobMethod;
    if ((getGetRayJobMethod = RayJobServiceGrpc.getGetRayJobMethod) == null) {
      synchronized (RayJobServiceGrpc.class) {
        if ((getGetRayJobMethod = RayJobServiceGrpc.getGetRayJobMethod) == null) {
          RayJobServiceGrpc.getGetRayJobMethod = getGetRayJobMethod =
              io.grpc.MethodDescriptor.<ai.michelangelo.api.v2.GetRayJobRequest, ai.michelangelo.api.v2.RayJob>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "GetRayJob"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.GetRayJobRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.RayJob.getDefaultInstance()))
              .setSchemaDescriptor(new RayJobServiceMethodDescriptorSupplier("GetRayJob"))
              .build();
        }
      }
    }
    return getGetRayJobMethod;
  }

  private static volatile io.grpc.MethodDescriptor<ai.michelangelo.api.v2.UpdateRayJobRequest,
      ai.michelangelo.api.v2.RayJob> getUpdateRayJobMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "UpdateRayJob",
      requestType = ai.michelangelo.api.v2.UpdateRayJobRequest.class,
      responseType = ai.michelangelo.api.v2.RayJob.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<ai.michelangelo.api.v2.UpdateRayJobRequest,
      ai.michelangelo.api.v2.RayJob> getUpdateRayJobMethod() {
    io.grpc.MethodDescriptor<ai.michelangelo.api.v2.UpdateRayJobRequest, ai.michelangelo.api.v2.RayJob> getUpdateRayJobMethod;
    if ((getUpdateRayJobMethod = RayJobServiceGrpc.getUpdateRayJobMethod) == null) {
      synchronized (RayJobServiceGrpc.class) {
        if ((getUpdateRayJobMethod = RayJobServiceGrpc.getUpdateRayJobMethod) == null) {
          RayJobServiceGrpc.getUpdateRayJobMethod = getUpdateRayJobMethod =
              io.grpc.MethodDescriptor.<ai.michelangelo.api.v2.UpdateRayJobRequest, ai.michelangelo.api.v2.RayJob>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "UpdateRayJob"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.UpdateRayJobRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.RayJob.getDefaultInstance()))
              .setSchemaDescriptor(new RayJobServiceMethodDescriptorSupplier("UpdateRayJob"))
              .build();
        }
      }
    }
    return getUpdateRayJobMethod;
  }

  private static volatile io.grpc.MethodDescriptor<ai.michelangelo.api.v2.UpdateRayJobStatusRequest,
      ai.michelangelo.api.v2.RayJob> getUpdateRayJobStatusMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "UpdateRayJobStatus",
      requestType = ai.michelangelo.api.v2.UpdateRayJobStatusRequest.class,
      responseType = ai.michelangelo.api.v2.RayJob.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<ai.michelangelo.api.v2.UpdateRayJobStatusRequest,
      ai.michelangelo.api.v2.RayJob> getUpdateRayJobStatusMethod() {
    io.grpc.MethodDescriptor<ai.michelangelo.api.v2.UpdateRayJobStatusRequest, ai.michelangelo.api.v2.RayJob> getUpdateRayJobStatusMethod;
    if ((getUpdateRayJobStatusMethod = RayJobServiceGrpc.getUpdateRayJobStatusMethod) == null) {
      synchronized (RayJobServiceGrpc.class) {
        if ((getUpdateRayJobStatusMethod = RayJobServiceGrpc.getUpdateRayJobStatusMethod) == null) {
          RayJobServiceGrpc.getUpdateRayJobStatusMethod = getUpdateRayJobStatusMethod =
              io.grpc.MethodDescriptor.<ai.michelangelo.api.v2.UpdateRayJobStatusRequest, ai.michelangelo.api.v2.RayJob>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "UpdateRayJobStatus"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.UpdateRayJobStatusRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.RayJob.getDefaultInstance()))
              .setSchemaDescriptor(new RayJobServiceMethodDescriptorSupplier("UpdateRayJobStatus"))
              .build();
        }
      }
    }
    return getUpdateRayJobStatusMethod;
  }

  private static volatile io.grpc.MethodDescriptor<ai.michelangelo.api.v2.DeleteRayJobRequest,
      ai.michelangelo.api.v2.RayJob> getDeleteRayJobMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "DeleteRayJob",
      requestType = ai.michelangelo.api.v2.DeleteRayJobRequest.class,
      responseType = ai.michelangelo.api.v2.RayJob.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<ai.michelangelo.api.v2.DeleteRayJobRequest,
      ai.michelangelo.api.v2.RayJob> getDeleteRayJobMethod() {
    io.grpc.MethodDescriptor<ai.michelangelo.api.v2.DeleteRayJobRequest, ai.michelangelo.api.v2.RayJob> getDeleteRayJobMethod;
    if ((getDeleteRayJobMethod = RayJobServiceGrpc.getDeleteRayJobMethod) == null) {
      synchronized (RayJobServiceGrpc.class) {
        if ((getDeleteRayJobMethod = RayJobServiceGrpc.getDeleteRayJobMethod) == null) {
          RayJobServiceGrpc.getDeleteRayJobMethod = getDeleteRayJobMethod =
              io.grpc.MethodDescriptor.<ai.michelangelo.api.v2.DeleteRayJobRequest, ai.michelangelo.api.v2.RayJob>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "DeleteRayJob"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.DeleteRayJobRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.RayJob.getDefaultInstance()))
              .setSchemaDescriptor(new RayJobServiceMethodDescriptorSupplier("DeleteRayJob"))
              .build();
        }
      }
    }
    return getDeleteRayJobMethod;
  }

  private static volatile io.grpc.MethodDescriptor<ai.michelangelo.api.v2.DeleteRayJobCollectionRequest,
      ai.michelangelo.api.v2.RayJobList> getDeleteRayJobCollectionMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "DeleteRayJobCollection",
      requestType = ai.michelangelo.api.v2.DeleteRayJobCollectionRequest.class,
      responseType = ai.michelangelo.api.v2.RayJobList.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<ai.michelangelo.api.v2.DeleteRayJobCollectionRequest,
      ai.michelangelo.api.v2.RayJobList> getDeleteRayJobCollectionMethod() {
    io.grpc.MethodDescriptor<ai.michelangelo.api.v2.DeleteRayJobCollectionRequest, ai.michelangelo.api.v2.RayJobList> getDeleteRayJobCollectionMethod;
    if ((getDeleteRayJobCollectionMethod = RayJobServiceGrpc.getDeleteRayJobCollectionMethod) == null) {
      synchronized (RayJobServiceGrpc.class) {
        if ((getDeleteRayJobCollectionMethod = RayJobServiceGrpc.getDeleteRayJobCollectionMethod) == null) {
          RayJobServiceGrpc.getDeleteRayJobCollectionMethod = getDeleteRayJobCollectionMethod =
              io.grpc.MethodDescriptor.<ai.michelangelo.api.v2.DeleteRayJobCollectionRequest, ai.michelangelo.api.v2.RayJobList>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "DeleteRayJobCollection"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.DeleteRayJobCollectionRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.RayJobList.getDefaultInstance()))
              .setSchemaDescriptor(new RayJobServiceMethodDescriptorSupplier("DeleteRayJobCollection"))
              .build();
        }
      }
    }
    return getDeleteRayJobCollectionMethod;
  }

  private static volatile io.grpc.MethodDescriptor<ai.michelangelo.api.v2.ListRayJobsRequest,
      ai.michelangelo.api.v2.RayJobList> getListRayJobsMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ListRayJobs",
      requestType = ai.michelangelo.api.v2.ListRayJobsRequest.class,
      responseType = ai.michelangelo.api.v2.RayJobList.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<ai.michelangelo.api.v2.ListRayJobsRequest,
      ai.michelangelo.api.v2.RayJobList> getListRayJobsMethod() {
    io.grpc.MethodDescriptor<ai.michelangelo.api.v2.ListRayJobsRequest, ai.michelangelo.api.v2.RayJobList> getListRayJobsMethod;
    if ((getListRayJobsMethod = RayJobServiceGrpc.getListRayJobsMethod) == null) {
      synchronized (RayJobServiceGrpc.class) {
        if ((getListRayJobsMethod = RayJobServiceGrpc.getListRayJobsMethod) == null) {
          RayJobServiceGrpc.getListRayJobsMethod = getListRayJobsMethod =
              io.grpc.MethodDescriptor.<ai.michelangelo.api.v2.ListRayJobsRequest, ai.michelangelo.api.v2.RayJobList>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ListRayJobs"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.ListRayJobsRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.RayJobList.getDefaultInstance()))
              .setSchemaDescriptor(new RayJobServiceMethodDescriptorSupplier("ListRayJobs"))
              .build();
        }
      }
    }
    return getListRayJobsMethod;
  }

  private static volatile io.grpc.MethodDescriptor<ai.michelangelo.api.v2.WatchRayJobsRequest,
      ai.michelangelo.api.v2.RayJobWatchEvent> getWatchRayJobsMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "WatchRayJobs",
      requestType = ai.michelangelo.api.v2.WatchRayJobsRequest.class,
      responseType = ai.michelangelo.api.v2.RayJobWatchEvent.class,
      methodType = io.grpc.MethodDescriptor.MethodType.SERVER_STREAMING)
  public static io.grpc.MethodDescriptor<ai.michelangelo.api.v2.WatchRayJobsRequest,
      ai.michelangelo.api.v2.RayJobWatchEvent> getWatchRayJobsMethod() {
    io.grpc.MethodDescriptor<ai.michelangelo.api.v2.WatchRayJobsRequest, ai.michelangelo.api.v2.RayJobWatchEvent> getWatchRayJobsMethod;
    if ((getWatchRayJobsMethod = RayJobServiceGrpc.getWatchRayJobsMethod) == null) {
      synchronized (RayJobServiceGrpc.class) {
        if ((getWatchRayJobsMethod = RayJobServiceGrpc.getWatchRayJobsMethod) == null) {
          RayJobServiceGrpc.getWatchRayJobsMethod = getWatchRayJobsMethod =
              io.grpc.MethodDescriptor.<ai.michelangelo.api.v2.WatchRayJobsRequest, ai.michelangelo.api.v2.RayJobWatchEvent>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.SERVER_STREAMING)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "WatchRayJobs"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.WatchRayJobsRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.RayJobWatchEvent.getDefaultInstance()))
              .setSchemaDescriptor(new RayJobServiceMethodDescriptorSupplier("WatchRayJobs"))
              .build();
        }
      }
    }
    return getWatchRayJobsMethod;
  }

  /**
   * Creates a new async stub that supports all call types for the service
   */
  public static RayJobServiceStub newStub(io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<RayJobServiceStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<RayJobServiceStub>() {
        @java.lang.Override
        public RayJobServiceStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new RayJobServiceStub(channel, callOptions);
        }
      };
    return RayJobServiceStub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports unary and streaming output calls on the service
   */
  public static RayJobServiceBlockingStub newBlockingStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<RayJobServiceBlockingStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<RayJobServiceBlockingStub>() {
        @java.lang.Override
        public RayJobServiceBlockingStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new RayJobServiceBlockingStub(channel, callOptions);
        }
      };
    return RayJobServiceBlockingStub.newStub(factory, channel);
  }

  /**
   * Creates a new ListenableFuture-style stub that supports unary calls on the service
   */
  public static RayJobServiceFutureStub newFutureStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<RayJobServiceFutureStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<RayJobServiceFutureStub>() {
        @java.lang.Override
        public RayJobServiceFutureStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new RayJobServiceFutureStub(channel, callOptions);
        }
      };
    return RayJobServiceFutureStub.newStub(factory, channel);
  }

  /**
   * <pre>
   * RayJobService manages Ray jobs. Writes use optimistic concurrency on
   * metadata.resource_version; reads and watches follow the Kubernetes API conventions.
   * </pre>
   */
  public interface AsyncService {

    /**
     * <pre>
     * CreateRayJob stores a new Ray job. The server sets uid, creation_timestamp,
     * resource_version and generation; an existing name gives ALREADY_EXISTS.
     * </pre>
     */
    default void createRayJob(ai.michelangelo.api.v2.CreateRayJobRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.RayJob> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getCreateRayJobMethod(), responseObserver);
    }

    /**
     * <pre>
     * GetRayJob returns one Ray job; NOT_FOUND when it does not exist.
     * </pre>
     */
    default void getRayJob(ai.michelangelo.api.v2.GetRayJobRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.RayJob> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getGetRayJobMethod(), responseObserver);
    }

    /**
     * <pre>
     * UpdateRayJob replaces the spec, metadata labels, annotations and finalizers of
     * a Ray job. A stale metadata.resource_version gives ABORTED; status is ignored.
     * </pre>
     */
    default void updateRayJob(ai.michelangelo.api.v2.UpdateRayJobRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.RayJob> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getUpdateRayJobMethod(), responseObserver);
    }

    /**
     * <pre>
     * UpdateRayJobStatus replaces only the status of a Ray job, with the same
     * optimistic concurrency as UpdateRayJob.
     * </pre>
     */
    default void updateRayJobStatus(ai.michelangelo.api.v2.UpdateRayJobStatusRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.RayJob> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getUpdateRayJobStatusMethod(), responseObserver);
    }

    /**
     * <pre>
     * DeleteRayJob removes a Ray job. With finalizers present it only sets
     * metadata.deletion_timestamp and returns the object, which stays until its
     * finalizers are removed.
     * </pre>
     */
    default void deleteRayJob(ai.michelangelo.api.v2.DeleteRayJobRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.RayJob> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getDeleteRayJobMethod(), responseObserver);
    }

    /**
     * <pre>
     * DeleteRayJobCollection deletes every Ray job in a namespace matching the
     * list options and returns what it deleted.
     * </pre>
     */
    default void deleteRayJobCollection(ai.michelangelo.api.v2.DeleteRayJobCollectionRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.RayJobList> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getDeleteRayJobCollectionMethod(), responseObserver);
    }

    /**
     * <pre>
     * ListRayJobs returns one page of Ray jobs; follow metadata.continue_token
     * for the next page. An empty namespace lists all namespaces.
     * </pre>
     */
    default void listRayJobs(ai.michelangelo.api.v2.ListRayJobsRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.RayJobList> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getListRayJobsMethod(), responseObserver);
    }

    /**
     * <pre>
     * WatchRayJobs streams every change to Ray jobs after the given resource
     * version, in order. A version older than the server keeps gives OUT_OF_RANGE:
     * list again and watch from the list's version.
     * </pre>
     */
    default void watchRayJobs(ai.michelangelo.api.v2.WatchRayJobsRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.RayJobWatchEvent> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getWatchRayJobsMethod(), responseObserver);
    }
  }

  /**
   * Base class for the server implementation of the service RayJobService.
   * <pre>
   * RayJobService manages Ray jobs. Writes use optimistic concurrency on
   * metadata.resource_version; reads and watches follow the Kubernetes API conventions.
   * </pre>
   */
  public static abstract class RayJobServiceImplBase
      implements io.grpc.BindableService, AsyncService {

    @java.lang.Override public final io.grpc.ServerServiceDefinition bindService() {
      return RayJobServiceGrpc.bindService(this);
    }
  }

  /**
   * A stub to allow clients to do asynchronous rpc calls to service RayJobService.
   * <pre>
   * RayJobService manages Ray jobs. Writes use optimistic concurrency on
   * metadata.resource_version; reads and watches follow the Kubernetes API conventions.
   * </pre>
   */
  public static final class RayJobServiceStub
      extends io.grpc.stub.AbstractAsyncStub<RayJobServiceStub> {
    private RayJobServiceStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected RayJobServiceStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new RayJobServiceStub(channel, callOptions);
    }

    /**
     * <pre>
     * CreateRayJob stores a new Ray job. The server sets uid, creation_timestamp,
     * resource_version and generation; an existing name gives ALREADY_EXISTS.
     * </pre>
     */
    public void createRayJob(ai.michelangelo.api.v2.CreateRayJobRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.RayJob> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getCreateRayJobMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * GetRayJob returns one Ray job; NOT_FOUND when it does not exist.
     * </pre>
     */
    public void getRayJob(ai.michelangelo.api.v2.GetRayJobRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.RayJob> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getGetRayJobMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * UpdateRayJob replaces the spec, metadata labels, annotations and finalizers of
     * a Ray job. A stale metadata.resource_version gives ABORTED; status is ignored.
     * </pre>
     */
    public void updateRayJob(ai.michelangelo.api.v2.UpdateRayJobRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.RayJob> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getUpdateRayJobMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * UpdateRayJobStatus replaces only the status of a Ray job, with the same
     * optimistic concurrency as UpdateRayJob.
     * </pre>
     */
    public void updateRayJobStatus(ai.michelangelo.api.v2.UpdateRayJobStatusRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.RayJob> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getUpdateRayJobStatusMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * DeleteRayJob removes a Ray job. With finalizers present it only sets
     * metadata.deletion_timestamp and returns the object, which stays until its
     * finalizers are removed.
     * </pre>
     */
    public void deleteRayJob(ai.michelangelo.api.v2.DeleteRayJobRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.RayJob> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getDeleteRayJobMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * DeleteRayJobCollection deletes every Ray job in a namespace matching the
     * list options and returns what it deleted.
     * </pre>
     */
    public void deleteRayJobCollection(ai.michelangelo.api.v2.DeleteRayJobCollectionRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.RayJobList> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getDeleteRayJobCollectionMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * ListRayJobs returns one page of Ray jobs; follow metadata.continue_token
     * for the next page. An empty namespace lists all namespaces.
     * </pre>
     */
    public void listRayJobs(ai.michelangelo.api.v2.ListRayJobsRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.RayJobList> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getListRayJobsMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * WatchRayJobs streams every change to Ray jobs after the given resource
     * version, in order. A version older than the server keeps gives OUT_OF_RANGE:
     * list again and watch from the list's version.
     * </pre>
     */
    public void watchRayJobs(ai.michelangelo.api.v2.WatchRayJobsRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.RayJobWatchEvent> responseObserver) {
      io.grpc.stub.ClientCalls.asyncServerStreamingCall(
          getChannel().newCall(getWatchRayJobsMethod(), getCallOptions()), request, responseObserver);
    }
  }

  /**
   * A stub to allow clients to do synchronous rpc calls to service RayJobService.
   * <pre>
   * RayJobService manages Ray jobs. Writes use optimistic concurrency on
   * metadata.resource_version; reads and watches follow the Kubernetes API conventions.
   * </pre>
   */
  public static final class RayJobServiceBlockingStub
      extends io.grpc.stub.AbstractBlockingStub<RayJobServiceBlockingStub> {
    private RayJobServiceBlockingStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected RayJobServiceBlockingStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new RayJobServiceBlockingStub(channel, callOptions);
    }

    /**
     * <pre>
     * CreateRayJob stores a new Ray job. The server sets uid, creation_timestamp,
     * resource_version and generation; an existing name gives ALREADY_EXISTS.
     * </pre>
     */
    public ai.michelangelo.api.v2.RayJob createRayJob(ai.michelangelo.api.v2.CreateRayJobRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getCreateRayJobMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * GetRayJob returns one Ray job; NOT_FOUND when it does not exist.
     * </pre>
     */
    public ai.michelangelo.api.v2.RayJob getRayJob(ai.michelangelo.api.v2.GetRayJobRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getGetRayJobMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * UpdateRayJob replaces the spec, metadata labels, annotations and finalizers of
     * a Ray job. A stale metadata.resource_version gives ABORTED; status is ignored.
     * </pre>
     */
    public ai.michelangelo.api.v2.RayJob updateRayJob(ai.michelangelo.api.v2.UpdateRayJobRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getUpdateRayJobMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * UpdateRayJobStatus replaces only the status of a Ray job, with the same
     * optimistic concurrency as UpdateRayJob.
     * </pre>
     */
    public ai.michelangelo.api.v2.RayJob updateRayJobStatus(ai.michelangelo.api.v2.UpdateRayJobStatusRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getUpdateRayJobStatusMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * DeleteRayJob removes a Ray job. With finalizers present it only sets
     * metadata.deletion_timestamp and returns the object, which stays until its
     * finalizers are removed.
     * </pre>
     */
    public ai.michelangelo.api.v2.RayJob deleteRayJob(ai.michelangelo.api.v2.DeleteRayJobRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getDeleteRayJobMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * DeleteRayJobCollection deletes every Ray job in a namespace matching the
     * list options and returns what it deleted.
     * </pre>
     */
    public ai.michelangelo.api.v2.RayJobList deleteRayJobCollection(ai.michelangelo.api.v2.DeleteRayJobCollectionRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getDeleteRayJobCollectionMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * ListRayJobs returns one page of Ray jobs; follow metadata.continue_token
     * for the next page. An empty namespace lists all namespaces.
     * </pre>
     */
    public ai.michelangelo.api.v2.RayJobList listRayJobs(ai.michelangelo.api.v2.ListRayJobsRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getListRayJobsMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * WatchRayJobs streams every change to Ray jobs after the given resource
     * version, in order. A version older than the server keeps gives OUT_OF_RANGE:
     * list again and watch from the list's version.
     * </pre>
     */
    public java.util.Iterator<ai.michelangelo.api.v2.RayJobWatchEvent> watchRayJobs(
        ai.michelangelo.api.v2.WatchRayJobsRequest request) {
      return io.grpc.stub.ClientCalls.blockingServerStreamingCall(
          getChannel(), getWatchRayJobsMethod(), getCallOptions(), request);
    }
  }

  /**
   * A stub to allow clients to do ListenableFuture-style rpc calls to service RayJobService.
   * <pre>
   * RayJobService manages Ray jobs. Writes use optimistic concurrency on
   * metadata.resource_version; reads and watches follow the Kubernetes API conventions.
   * </pre>
   */
  public static final class RayJobServiceFutureStub
      extends io.grpc.stub.AbstractFutureStub<RayJobServiceFutureStub> {
    private RayJobServiceFutureStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected RayJobServiceFutureStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new RayJobServiceFutureStub(channel, callOptions);
    }

    /**
     * <pre>
     * CreateRayJob stores a new Ray job. The server sets uid, creation_timestamp,
     * resource_version and generation; an existing name gives ALREADY_EXISTS.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<ai.michelangelo.api.v2.RayJob> createRayJob(
        ai.michelangelo.api.v2.CreateRayJobRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getCreateRayJobMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * GetRayJob returns one Ray job; NOT_FOUND when it does not exist.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<ai.michelangelo.api.v2.RayJob> getRayJob(
        ai.michelangelo.api.v2.GetRayJobRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getGetRayJobMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * UpdateRayJob replaces the spec, metadata labels, annotations and finalizers of
     * a Ray job. A stale metadata.resource_version gives ABORTED; status is ignored.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<ai.michelangelo.api.v2.RayJob> updateRayJob(
        ai.michelangelo.api.v2.UpdateRayJobRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getUpdateRayJobMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * UpdateRayJobStatus replaces only the status of a Ray job, with the same
     * optimistic concurrency as UpdateRayJob.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<ai.michelangelo.api.v2.RayJob> updateRayJobStatus(
        ai.michelangelo.api.v2.UpdateRayJobStatusRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getUpdateRayJobStatusMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * DeleteRayJob removes a Ray job. With finalizers present it only sets
     * metadata.deletion_timestamp and returns the object, which stays until its
     * finalizers are removed.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<ai.michelangelo.api.v2.RayJob> deleteRayJob(
        ai.michelangelo.api.v2.DeleteRayJobRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getDeleteRayJobMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * DeleteRayJobCollection deletes every Ray job in a namespace matching the
     * list options and returns what it deleted.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<ai.michelangelo.api.v2.RayJobList> deleteRayJobCollection(
        ai.michelangelo.api.v2.DeleteRayJobCollectionRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getDeleteRayJobCollectionMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * ListRayJobs returns one page of Ray jobs; follow metadata.continue_token
     * for the next page. An empty namespace lists all namespaces.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<ai.michelangelo.api.v2.RayJobList> listRayJobs(
        ai.michelangelo.api.v2.ListRayJobsRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getListRayJobsMethod(), getCallOptions()), request);
    }
  }

  private static final int METHODID_CREATE_RAY_JOB = 0;
  private static final int METHODID_GET_RAY_JOB = 1;
  private static final int METHODID_UPDATE_RAY_JOB = 2;
  private static final int METHODID_UPDATE_RAY_JOB_STATUS = 3;
  private static final int METHODID_DELETE_RAY_JOB = 4;
  private static final int METHODID_DELETE_RAY_JOB_COLLECTION = 5;
  private static final int METHODID_LIST_RAY_JOBS = 6;
  private static final int METHODID_WATCH_RAY_JOBS = 7;

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
        case METHODID_CREATE_RAY_JOB:
          serviceImpl.createRayJob((ai.michelangelo.api.v2.CreateRayJobRequest) request,
              (io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.RayJob>) responseObserver);
          break;
        case METHODID_GET_RAY_JOB:
          serviceImpl.getRayJob((ai.michelangelo.api.v2.GetRayJobRequest) request,
              (io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.RayJob>) responseObserver);
          break;
        case METHODID_UPDATE_RAY_JOB:
          serviceImpl.updateRayJob((ai.michelangelo.api.v2.UpdateRayJobRequest) request,
              (io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.RayJob>) responseObserver);
          break;
        case METHODID_UPDATE_RAY_JOB_STATUS:
          serviceImpl.updateRayJobStatus((ai.michelangelo.api.v2.UpdateRayJobStatusRequest) request,
              (io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.RayJob>) responseObserver);
          break;
        case METHODID_DELETE_RAY_JOB:
          serviceImpl.deleteRayJob((ai.michelangelo.api.v2.DeleteRayJobRequest) request,
              (io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.RayJob>) responseObserver);
          break;
        case METHODID_DELETE_RAY_JOB_COLLECTION:
          serviceImpl.deleteRayJobCollection((ai.michelangelo.api.v2.DeleteRayJobCollectionRequest) request,
              (io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.RayJobList>) responseObserver);
          break;
        case METHODID_LIST_RAY_JOBS:
          serviceImpl.listRayJobs((ai.michelangelo.api.v2.ListRayJobsRequest) request,
              (io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.RayJobList>) responseObserver);
          break;
        case METHODID_WATCH_RAY_JOBS:
          serviceImpl.watchRayJobs((ai.michelangelo.api.v2.WatchRayJobsRequest) request,
              (io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.RayJobWatchEvent>) responseObserver);
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
          getCreateRayJobMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              ai.michelangelo.api.v2.CreateRayJobRequest,
              ai.michelangelo.api.v2.RayJob>(
                service, METHODID_CREATE_RAY_JOB)))
        .addMethod(
          getGetRayJobMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              ai.michelangelo.api.v2.GetRayJobRequest,
              ai.michelangelo.api.v2.RayJob>(
                service, METHODID_GET_RAY_JOB)))
        .addMethod(
          getUpdateRayJobMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              ai.michelangelo.api.v2.UpdateRayJobRequest,
              ai.michelangelo.api.v2.RayJob>(
                service, METHODID_UPDATE_RAY_JOB)))
        .addMethod(
          getUpdateRayJobStatusMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              ai.michelangelo.api.v2.UpdateRayJobStatusRequest,
              ai.michelangelo.api.v2.RayJob>(
                service, METHODID_UPDATE_RAY_JOB_STATUS)))
        .addMethod(
          getDeleteRayJobMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              ai.michelangelo.api.v2.DeleteRayJobRequest,
              ai.michelangelo.api.v2.RayJob>(
                service, METHODID_DELETE_RAY_JOB)))
        .addMethod(
          getDeleteRayJobCollectionMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              ai.michelangelo.api.v2.DeleteRayJobCollectionRequest,
              ai.michelangelo.api.v2.RayJobList>(
                service, METHODID_DELETE_RAY_JOB_COLLECTION)))
        .addMethod(
          getListRayJobsMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              ai.michelangelo.api.v2.ListRayJobsRequest,
              ai.michelangelo.api.v2.RayJobList>(
                service, METHODID_LIST_RAY_JOBS)))
        .addMethod(
          getWatchRayJobsMethod(),
          io.grpc.stub.ServerCalls.asyncServerStreamingCall(
            new MethodHandlers<
              ai.michelangelo.api.v2.WatchRayJobsRequest,
              ai.michelangelo.api.v2.RayJobWatchEvent>(
                service, METHODID_WATCH_RAY_JOBS)))
        .build();
  }

  private static abstract class RayJobServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoFileDescriptorSupplier, io.grpc.protobuf.ProtoServiceDescriptorSupplier {
    RayJobServiceBaseDescriptorSupplier() {}

    @java.lang.Override
    public com.google.protobuf.Descriptors.FileDescriptor getFileDescriptor() {
      return ai.michelangelo.api.v2.RayJobSvcProto.getDescriptor();
    }

    @java.lang.Override
    public com.google.protobuf.Descriptors.ServiceDescriptor getServiceDescriptor() {
      return getFileDescriptor().findServiceByName("RayJobService");
    }
  }

  private static final class RayJobServiceFileDescriptorSupplier
      extends RayJobServiceBaseDescriptorSupplier {
    RayJobServiceFileDescriptorSupplier() {}
  }

  private static final class RayJobServiceMethodDescriptorSupplier
      extends RayJobServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoMethodDescriptorSupplier {
    private final java.lang.String methodName;

    RayJobServiceMethodDescriptorSupplier(java.lang.String methodName) {
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
      synchronized (RayJobServiceGrpc.class) {
        result = serviceDescriptor;
        if (result == null) {
          serviceDescriptor = result = io.grpc.ServiceDescriptor.newBuilder(SERVICE_NAME)
              .setSchemaDescriptor(new RayJobServiceFileDescriptorSupplier())
              .addMethod(getCreateRayJobMethod())
              .addMethod(getGetRayJobMethod())
              .addMethod(getUpdateRayJobMethod())
              .addMethod(getUpdateRayJobStatusMethod())
              .addMethod(getDeleteRayJobMethod())
              .addMethod(getDeleteRayJobCollectionMethod())
              .addMethod(getListRayJobsMethod())
              .addMethod(getWatchRayJobsMethod())
              .build();
        }
      }
    }
    return result;
  }
}
