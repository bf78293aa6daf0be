package ai.michelangelo.api.v2;

import static io.grpc.MethodDescriptor.generateFullMethodName;

/**
 * <pre>
 * SparkJobService manages Spark jobs. Writes use optimistic concurrency on
 * metadata.resource_version; reads and watches follow the Kubernetes API conventions.
 * </pre>
 */
@javax.annotation.Generated(
    value = "by gRPC proto compiler (version 1.60.0)",
    comments = "Source: michelangelo/api/v2/spark_job_svc.proto")
@io.grpc.stub.annotations.GrpcGenerated
public final class SparkJobServiceGrpc {

  private SparkJobServiceGrpc() {}

  public static final java.lang.String SERVICE_NAME = "michelangelo.api.v2.SparkJobService";

  // Static method descriptors that strictly reflect the proto.
  private static volatile io.grpc.MethodDescriptor<ai.michelangelo.api.v2.CreateSparkJobRequest,
      ai.michelangelo.api.v2.SparkJob> getCreateSparkJobMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "CreateSparkJob",
      requestType = ai.michelangelo.api.v2.CreateSparkJobRequest.class,
      responseType = ai.michelangelo.api.v2.SparkJob.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<ai.michelangelo.api.v2.CreateSparkJobRequest,
      ai.michelangelo.api.v2.SparkJob> getCreateSparkJobMethod() {
    io.grpc.MethodDescriptor<ai.michelangelo.api.v2.CreateSparkJobRequest, ai.michelangelo.api.v2.SparkJob> getCreateSparkJobMethod;
    if ((getCreateSparkJobMethod = SparkJobServiceGrpc.getCreateSparkJobMethod) == null) {
      synchronized (SparkJobServiceGrpc.class) {
        if ((getCreateSparkJobMethod = SparkJobServiceGrpc.getCreateSparkJobMethod) == null) {
          SparkJobServiceGrpc.getCreateSparkJobMethod = getCreateSparkJobMethod =
              io.grpc.MethodDescriptor.<ai.michelangelo.api.v2.CreateSparkJobRequest, ai.michelangelo.api.v2.SparkJob>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "CreateSparkJob"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.CreateSparkJobRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.SparkJob.getDefaultInstance()))
              .setSchemaDescriptor(new SparkJobServiceMethodDescriptorSupplier("CreateSparkJob"))
              .build();
        }
      }
    }
    return getCreateSparkJobMethod;
  }

  private static volatile io.grpc.MethodDescriptor<ai.michelangelo.api.v2.GetSparkJobRequest,
      ai.michelangelo.api.v2.SparkJob> getGetSparkJobMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "GetSparkJob",
      requestType = ai.michelangelo.api.v2.GetSparkJobRequest.class,
      responseType = ai.michelangelo.api.v2.SparkJob.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<ai.michelangelo.api.v2.GetSparkJobRequest,
      ai.michelangelo.api.v2.SparkJob> getGetSparkJobMethod() {
    io.grpc.MethodDescriptor<ai.michelangelo.api.v2.GetSparkJobRequest, ai.michelangelo.api.v2.SparkJob> getGetSparkJobMethod;
    if ((getGetSparkJobMethod = SparkJobServiceGrpc.getGetSparkJobMethod) == null) {
      synchronized (SparkJobServiceGrpc.class) {
        if ((getGetSparkJobMethod = SparkJobServiceGrpc.getGetSparkJobMethod) == null) {
          SparkJobServiceGrpc.getGetSparkJobMethod = getGetSparkJobMethod =
              io.grpc.MethodDescriptor.<ai.michelangelo.api.v2.GetSparkJobRequest, ai.michelangelo.api.v2.SparkJob>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "GetSparkJob"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.GetSparkJobRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.SparkJob.getDefaultInstance()))
              .setSchemaDescriptor(new SparkJobServiceMethodDescriptorSupplier("GetSparkJob"))
              .build();
        }
      }
    }
    return getGetSparkJobMethod;
  }

  private static volatile io.grpc.MethodDescriptor<ai.michelangelo.api.v2.UpdateSparkJobRequest,
      ai.michelangelo.api.v2.SparkJob> getUpdateSparkJobMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "UpdateSparkJob",
      requestType = ai.michelangelo.api.v2.UpdateSparkJobRequest.class,
      responseType = ai.michelangelo.api.v2.SparkJob.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<ai.michelangelo.api.v2.UpdateSparkJobRequest,
      ai.michelangelo.api.v2.SparkJob> getUpdateSparkJobMethod() {
    io.grpc.MethodDescriptor<ai.michelangelo.api.v2.UpdateSparkJobRequest, ai.michelangelo.api.v2.SparkJob> getUpdateSparkJobMethod;
    if ((getUpdateSparkJobMethod = SparkJobServiceGrpc.getUpdateSparkJobMethod) == null) {
      synchronized (SparkJobServiceGrpc.class) {
        if ((getUpdateSparkJobMethod = SparkJobServiceGrpc.getUpdateSparkJobMethod) == null) {
          SparkJobServiceGrpc.getUpdateSparkJobMethod = getUpdateSparkJobMethod =
              io.grpc.MethodDescriptor.<ai.michelangelo.api.v2.UpdateSparkJobRequest, ai.michelangelo.api.v2.SparkJob>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "UpdateSparkJob"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.UpdateSparkJobRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.SparkJob.getDefaultInstance()))
              .setSchemaDescriptor(new SparkJobServiceMethodDescriptorSupplier("UpdateSparkJob"))
              .build();
        }
      }
    }
    return getUpdateSparkJobMethod;
  }

  private static volatile io.grpc.MethodDescriptor<ai.michelangelo.api.v2.UpdateSparkJobStatusRequest,
      ai.michelangelo.api.v2.SparkJob> getUpdateSparkJobStatusMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "UpdateSparkJobStatus",
      requestType = ai.michelangelo.api.v2.UpdateSparkJobStatusRequest.class,
      responseType = ai.michelangelo.api.v2.SparkJob.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<ai.michelangelo.api.v2.UpdateSparkJobStatusRequest,
      ai.michelangelo.api.v2.SparkJob> getUpdateSparkJobStatusMethod() {
    io.grpc.MethodDescriptor<ai.michelangelo.api.v2.UpdateSparkJobStatusRequest, ai.michelangelo.api.v2.SparkJob> getUpdateSparkJobStatusMethod;
    if ((getUpdateSparkJobStatusMethod = SparkJobServiceGrpc.getUpdateSparkJobStatusMethod) == null) {
      synchronized (SparkJobServiceGrpc.class) {
        if ((getUpdateSparkJobStatusMethod = SparkJobServiceGrpc.getUpdateSparkJobStatusMethod) == null) {
          SparkJobServiceGrpc.getUpdateSparkJobStatusMethod = getUpdateSparkJobStatusMethod =
              io.grpc.MethodDescriptor.<ai.michelangelo.api.v2.UpdateSparkJobStatusRequest, ai.michelangelo.api.v2.SparkJob>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "UpdateSparkJobStatus"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.UpdateSparkJobStatusRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.SparkJob.getDefaultInstance()))
              .setSchemaDescriptor(new SparkJobServiceMethodDescriptorSupplier("UpdateSparkJobStatus"))
              .build();
        }
      }
    }
    return getUpdateSparkJobStatusMethod;
  }

  private static volatile io.grpc.MethodDescriptor<ai.michelangelo.api.v2.DeleteSparkJobRequest,
      ai.michelangelo.api.v2.SparkJob> getDeleteSparkJobMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "DeleteSparkJob",
      requestType = ai.michelangelo.api.v2.DeleteSparkJobRequest.class,
      responseType = ai.michelangelo.api.v2.SparkJob.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<ai.michelangelo.api.v2.DeleteSparkJobRequest,
      ai.michelangelo.api.v2.SparkJob> getDeleteSparkJobMethod() {
    io.grpc.MethodDescriptor<ai.michelangelo.api.v2.DeleteSparkJobRequest, ai.michelangelo.api.v2.SparkJob> getDeleteSparkJobMethod;
    if ((getDeleteSparkJobMethod = SparkJobServiceGrpc.getDeleteSparkJobMethod) == null) {
      synchronized (SparkJobServiceGrpc.class) {
        if ((getDeleteSparkJobMethod = SparkJobServiceGrpc.getDeleteSparkJobMethod) == null) {
          SparkJobServiceGrpc.getDeleteSparkJobMethod = getDeleteSparkJobMethod =
              io.grpc.MethodDescriptor.<ai.michelangelo.api.v2.DeleteSparkJobRequest, ai.michelangelo.api.v2.SparkJob>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "DeleteSparkJob"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.DeleteSparkJobRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.SparkJob.getDefaultInstance()))
              .setSchemaDescriptor(new SparkJobServiceMethodDescriptorSupplier("DeleteSparkJob"))
              .build();
        }
      }
    }
    return getDeleteSparkJobMethod;
  }

  private static volatile io.grpc.MethodDescriptor<ai.michelangelo.api.v2.DeleteSparkJobCollectionRequest,
      ai.michelangelo.api.v2.SparkJobList> getDeleteSparkJobCollectionMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "DeleteSparkJobCollection",
      requestType = ai.michelangelo.api.v2.DeleteSparkJobCollectionRequest.class,
      responseType = ai.michelangelo.api.v2.SparkJobList.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<ai.michelangelo.api.v2.DeleteSparkJobCollectionRequest,
      ai.michelangelo.api.v2.SparkJobList> getDeleteSparkJobCollectionMethod() {
    io.grpc.MethodDescriptor<ai.michelangelo.api.v2.DeleteSparkJobCollectionRequest, ai.michelangelo.api.v2.SparkJobList> getDeleteSparkJobCollectionMethod;
    if ((getDeleteSparkJobCollectionMethod = SparkJobServiceGrpc.getDeleteSparkJobCollectionMethod) == null) {
      synchronized (SparkJobServiceGrpc.class) {
        if ((getDeleteSparkJobCollectionMethod = SparkJobServiceGrpc.getDeleteSparkJobCollectionMethod) == null) {
          SparkJobServiceGrpc.getDeleteSparkJobCollectionMethod = getDeleteSparkJobCollectionMethod =
              io.grpc.MethodDescriptor.<ai.michelangelo.api.v2.DeleteSparkJobCollectionRequest, ai.michelangelo.api.v2.SparkJobList>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "DeleteSparkJobCollection"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.DeleteSparkJobCollectionRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.SparkJobList.getDefaultInstance()))
              .setSchemaDescriptor(new SparkJobServiceMethodDescriptorSupplier("DeleteSparkJobCollection"))
              .build();
        }
      }
    }
    return getDeleteSparkJobCollectionMethod;
  }

  private static volatile io.grpc.MethodDescriptor<ai.michelangelo.api.v2.ListSparkJobsRequest,
      ai.michelangelo.api.v2.SparkJobList> getListSparkJobsMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ListSparkJobs",
      requestType = ai.michelangelo.api.v2.ListSparkJobsRequest.class,
      responseType = ai.michelangelo.api.v2.SparkJobList.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<ai.michelangelo.api.v2.ListSparkJobsRequest,
      ai.michelangelo.api.v2.SparkJobList> getListSparkJobsMethod() {
    io.grpc.MethodDescriptor<ai.michelangelo.api.v2.ListSparkJobsRequest, ai.michelangelo.api.v2.SparkJobList> getListSparkJobsMethod;
    if ((getListSparkJobsMethod = SparkJobServiceGrpc.getListSparkJobsMethod) == null) {
      synchronized (SparkJobServiceGrpc.class) {
        if ((getListSparkJobsMethod = SparkJobServiceGrpc.getListSparkJobsMethod) == null) {
          SparkJobServiceGrpc.getListSparkJobsMethod = getListSparkJobsMethod =
              io.grpc.MethodDescriptor.<ai.michelangelo.api.v2.ListSparkJobsRequest, ai.michelangelo.api.v2.SparkJobList>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ListSparkJobs"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.ListSparkJobsRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.SparkJobList.getDefaultInstance()))
              .setSchemaDescriptor(new SparkJobServiceMethodDescriptorSupplier("ListSparkJobs"))
              .build();
        }
      }
    }
    return getListSparkJobsMethod;
  }

  private static volatile io.grpc.MethodDescriptor<ai.michelangelo.api.v2.WatchSparkJobsRequest,
      ai.michelangelo.api.v2.SparkJobWatchEvent> getWatchSparkJobsMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "WatchSparkJobs",
      requestType = ai.michelangelo.api.v2.WatchSparkJobsRequest.class,
      responseType = ai.michelangelo.api.v2.SparkJobWatchEvent.class,
      methodType = io.grpc.MethodDescriptor.MethodType.SERVER_STREAMING)
  public static io.grpc.MethodDescriptor<ai.michelangelo.api.v2.WatchSparkJobsRequest,
      ai.michelangelo.api.v2.SparkJobWatchEvent> getWatchSparkJobsMethod() {
    io.grpc.MethodDescriptor<ai.michelangelo.api.v2.WatchSparkJobsRequest, ai.michelangelo.api.v2.SparkJobWatchEvent> getWatchSparkJobsMethod;
    if ((getWatchSparkJobsMethod = SparkJobServiceGrpc.getWatchSparkJobsMethod) == null) {
      synchronized (SparkJobServiceGrpc.class) {
        if ((getWatchSparkJobsMethod = SparkJobServiceGrpc.getWatchSparkJobsMethod) == null) {
          SparkJobServiceGrpc.getWatchSparkJobsMethod = getWatchSparkJobsMethod =
              io.grpc.MethodDescriptor.<ai.michelangelo.api.v2.WatchSparkJobsRequest, ai.michelangelo.api.v2.SparkJobWatchEvent>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.SERVER_STREAMING)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "WatchSparkJobs"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.WatchSparkJobsRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.SparkJobWatchEvent.getDefaultInstance()))
              .setSchemaDescriptor(new SparkJobServiceMethodDescriptorSupplier("WatchSparkJobs"))
              .build();
        }
      }
    }
    return getWatchSparkJobsMethod;
  }

  /**
   * Creates a new async stub that supports all call types for the service
   */
  public static SparkJobServiceStub newStub(io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<SparkJobServiceStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<SparkJobServiceStub>() {
        @java.lang.Override
        public SparkJobServiceStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new SparkJobServiceStub(channel, callOptions);
        }
      };
    return SparkJobServiceStub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports unary and streaming output calls on the service
   */
  public static SparkJobServiceBlockingStub newBlockingStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<SparkJobServiceBlockingStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<SparkJobServiceBlockingStub>() {
        @java.lang.Override
        public SparkJobServiceBlockingStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new SparkJobServiceBlockingStub(channel, callOptions);
        }
      };
    return SparkJobServiceBlockingStub.newStub(factory, channel);
  }

  /**
   * Creates a new ListenableFuture-style stub that supports unary calls on the service
   */
  public static SparkJobServiceFutureStub newFutureStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<SparkJobServiceFutureStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<SparkJobServiceFutureStub>() {
        @java.lang.Override
        public SparkJobServiceFutureStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new SparkJobServiceFutureStub(channel, callOptions);
        }
      };
    return SparkJobServiceFutureStub.newStub(factory, channel);
  }

  /**
   * <pre>
   * SparkJobService manages Spark jobs. Writes use optimistic concurrency on
   * metadata.resource_version; reads and watches follow the Kubernetes API conventions.
   * </pre>
   */
  public interface AsyncService {

    /**
     * <pre>
     * CreateSparkJob stores a new Spark job. The server sets uid, creation_timestamp,
     * resource_version and generation; an existing name gives ALREADY_EXISTS.
     * </pre>
     */
    default void createSparkJob(ai.michelangelo.api.v2.CreateSparkJobRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.SparkJob> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getCreateSparkJobMethod(), responseObserver);
    }

    /**
     * <pre>
     * GetSparkJob returns one Spark job; NOT_FOUND when it does not exist.
     * </pre>
     */
    default void getSparkJob(ai.michelangelo.api.v2.GetSparkJobRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.SparkJob> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getGetSparkJobMethod(), responseObserver);
    }

    /**
     * <pre>
     * UpdateSparkJob replaces the spec, metadata labels, annotations and finalizers of
     * a Spark job. A stale metadata.resource_version gives ABORTED; status is ignored.
     * </pre>
     */
    default void updateSparkJob(ai.michelangelo.api.v2.UpdateSparkJobRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.SparkJob> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getUpdateSparkJobMethod(), responseObserver);
    }

    /**
     * <pre>
     * UpdateSparkJobStatus replaces only the status of a Spark job, with the same
     * optimistic concurrency as UpdateSparkJob.
     * </pre>
     */
    default void updateSparkJobStatus(ai.michelangelo.api.v2.UpdateSparkJobStatusRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.SparkJob> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getUpdateSparkJobStatusMethod(), responseObserver);
    }

    /**
     * <pre>
     * DeleteSparkJob removes a Spark job. With finalizers present it only sets
     * metadata.deletion_timestamp and returns the object, which stays until its
     * finalizers are removed.
     * </pre>
     */
    default void deleteSparkJob(ai.michelangelo.api.v2.DeleteSparkJobRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.SparkJob> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getDeleteSparkJobMethod(), responseObserver);
    }

    /**
     * <pre>
     * DeleteSparkJobCollection deletes every Spark job in a namespace matching the
     * list options and returns what it deleted.
     * </pre>
     */
    default void deleteSparkJobCollection(ai.michelangelo.api.v2.DeleteSparkJobCollectionRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.SparkJobList> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getDeleteSparkJobCollectionMethod(), responseObserver);
    }

    /**
     * <pre>
     * ListSparkJobs returns one page of Spark jobs; follow metadata.continue_token
     * for the next page. An empty namespace lists all namespaces.
     * </pre>
     */
    default void listSparkJobs(ai.michelangelo.api.v2.ListSparkJobsRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.SparkJobList> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getListSparkJobsMethod(), responseObserver);
    }

    /**
     * <pre>
     * WatchSparkJobs streams every change to Spark jobs after the given resource
     * version, in order. A version older than the server keeps gives OUT_OF_RANGE:
     * list again and watch from the list's version.
     * </pre>
     */
    default void watchSparkJobs(ai.michelangelo.api.v2.WatchSparkJobsRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.SparkJobWatchEvent> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getWatchSparkJobsMethod(), responseObserver);
    }
  }

  /**
   * Base class for the server implementation of the service SparkJobService.
   * <pre>
   * SparkJobService manages Spark jobs. Writes use optimistic concurrency on
   * metadata.resource_version; reads and watches follow the Kubernetes API conventions.
   * </pre>
   */
  public static abstract class SparkJobServiceImplBase
      implements io.grpc.BindableService, AsyncService {

    @java.lang.Override public final io.grpc.ServerServiceDefinition bindService() {
      return SparkJobServiceGrpc.bindService(this);
    }
  }

  /**
   * A stub to allow clients to do asynchronous rpc calls to service SparkJobService.
   * <pre>
   * SparkJobService manages Spark jobs. Writes use optimistic concurrency on
   * metadata.resource_version; reads and watches follow the Kubernetes API conventions.
   * </pre>
   */
  public static final class SparkJobServiceStub
      extends io.grpc.stub.AbstractAsyncStub<SparkJobServiceStub> {
    private SparkJobServiceStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected SparkJobServiceStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new SparkJobServiceStub(channel, callOptions);
    }

    /**
     * <pre>
     * CreateSparkJob stores a new Spark job. The server sets uid, creation_timestamp,
     * resource_version and generation; an existing name gives ALREADY_EXISTS.
     * </pre>
     */
    public void createSparkJob(ai.michelangelo.api.v2.CreateSparkJobRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.SparkJob> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getCreateSparkJobMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * GetSparkJob returns one Spark job; NOT_FOUND when it does not exist.
     * </pre>
     */
    public void getSparkJob(ai.michelangelo.api.v2.GetSparkJobRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.SparkJob> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getGetSparkJobMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * UpdateSparkJob replaces the spec, metadata labels, annotations and finalizers of
     * a Spark job. A stale metadata.resource_version gives ABORTED; status is ignored.
     * </pre>
     */
    public void updateSparkJob(ai.michelangelo.api.v2.UpdateSparkJobRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.SparkJob> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getUpdateSparkJobMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * UpdateSparkJobStatus replaces only the status of a Spark job, with the same
     * optimistic concurrency as UpdateSparkJob.
     * </pre>
     */
    public void updateSparkJobStatus(ai.michelangelo.api.v2.UpdateSparkJobStatusRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.SparkJob> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getUpdateSparkJobStatusMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * DeleteSparkJob removes a Spark job. With finalizers present it only sets
     * metadata.deletion_timestamp and returns the object, which stays until its
     * finalizers are removed.
     * </pre>
     */
    public void deleteSparkJob(ai.michelangelo.api.v2.DeleteSparkJobRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.SparkJob> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getDeleteSparkJobMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * DeleteSparkJobCollection deletes every Spark job in a namespace matching the
     * list options and returns what it deleted.
     * </pre>
     */
    public void deleteSparkJobCollection(ai.michelangelo.api.v2.DeleteSparkJobCollectionRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.SparkJobList> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getDeleteSparkJobCollectionMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * ListSparkJobs returns one page of Spark jobs; follow metadata.continue_token
     * for the next page. An empty namespace lists all namespaces.
     * </pre>
     */
    public void listSparkJobs(ai.michelangelo.api.v2.ListSparkJobsRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.SparkJobList> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getListSparkJobsMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * WatchSparkJobs streams every change to Spark jobs after the given resource
     * version, in order. A version older than the server keeps gives OUT_OF_RANGE:
     * list again and watch from the list's version.
     * </pre>
     */
    public void watchSparkJobs(ai.michelangelo.api.v2.WatchSparkJobsRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.SparkJobWatchEvent> responseObserver) {
      io.grpc.stub.ClientCalls.asyncServerStreamingCall(
          getChannel().newCall(getWatchSparkJobsMethod(), getCallOptions()), request, responseObserver);
    }
  }

  /**
   * A stub to allow clients to do synchronous rpc calls to service SparkJobService.
   * <pre>
   * SparkJobService manages Spark jobs. Writes use optimistic concurrency on
   * metadata.resource_version; reads and watches follow the Kubernetes API conventions.
   * </pre>
   */
  public static final class SparkJobServiceBlockingStub
      extends io.grpc.stub.AbstractBlockingStub<SparkJobServiceBlockingStub> {
    private SparkJobServiceBlockingStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected SparkJobServiceBlockingStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new SparkJobServiceBlockingStub(channel, callOptions);
    }

    /**
     * <pre>
     * CreateSparkJob stores a new Spark job. The server sets uid, creation_timestamp,
     * resource_version and generation; an existing name gives ALREADY_EXISTS.
     * </pre>
     */
    public ai.michelangelo.api.v2.SparkJob createSparkJob(ai.michelangelo.api.v2.CreateSparkJobRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getCreateSparkJobMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * GetSparkJob returns one Spark job; NOT_FOUND when it does not exist.
     * </pre>
     */
    public ai.michelangelo.api.v2.SparkJob getSparkJob(ai.michelangelo.api.v2.GetSparkJobRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getGetSparkJobMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * UpdateSparkJob replaces the spec, metadata labels, annotations and finalizers of
     * a Spark job. A stale metadata.resource_version gives ABORTED; status is ignored.
     * </pre>
     */
    public ai.michelangelo.api.v2.SparkJob updateSparkJob(ai.michelangelo.api.v2.UpdateSparkJobRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getUpdateSparkJobMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * UpdateSparkJobStatus replaces only the status of a Spark job, with the same
     * optimistic concurrency as UpdateSparkJob.
     * </pre>
     */
    public ai.michelangelo.api.v2.SparkJob updateSparkJobStatus(ai.michelangelo.api.v2.UpdateSparkJobStatusRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getUpdateSparkJobStatusMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * DeleteSparkJob removes a Spark job. With finalizers present it only sets
     * metadata.deletion_timestamp and returns the object, which stays until its
     * finalizers are removed.
     * </pre>
     */
    public ai.michelangelo.api.v2.SparkJob deleteSparkJob(ai.michelangelo.api.v2.DeleteSparkJobRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getDeleteSparkJobMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * DeleteSparkJobCollection deletes every Spark job in a namespace matching the
     * list options and returns what it deleted.
     * </pre>
     */
    public ai.michelangelo.api.v2.SparkJobList deleteSparkJobCollection(ai.michelangelo.api.v2.DeleteSparkJobCollectionRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getDeleteSparkJobCollectionMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * ListSparkJobs returns one page of Spark jobs; follow metadata.continue_token
     * for the next page. An empty namespace lists all namespaces.
     * </pre>
     */
    public ai.michelangelo.api.v2.SparkJobList listSparkJobs(ai.michelangelo.api.v2.ListSparkJobsRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getListSparkJobsMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * WatchSparkJobs streams every change to Spark jobs after the given resource
     * version, in order. A version older than the server keeps gives OUT_OF_RANGE:
     * list again and watch from the list's version.
     * </pre>
     */
    public java.util.Iterator<ai.michelangelo.api.v2.SparkJobWatchEvent> watchSparkJobs(
        ai.michelangelo.api.v2.WatchSparkJobsRequest request) {
      return io.grpc.stub.ClientCalls.blockingServerStreamingCall(
          getChannel(), getWatchSparkJobsMethod(), getCallOptions(), request);
    }
  }

  /**
   * A stub to allow clients to do ListenableFuture-style rpc calls to service SparkJobService.
   * <pre>
   * SparkJobService manages Spark jobs. Writes use optimistic concurrency on
   * metadata.resource_version; reads and watches follow the Kubernetes API conventions.
   * </pre>
   */
  public static final class SparkJobServiceFutureStub
      extends io.grpc.stub.AbstractFutureStub<SparkJobServiceFutureStub> {
    private SparkJobServiceFutureStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected SparkJobServiceFutureStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new SparkJobServiceFutureStub(channel, callOptions);
    }

    /**
     * <pre>
     * CreateSparkJob stores a new Spark job. The server sets uid, creation_timestamp,
     * resource_version and generation; an existing name gives ALREADY_EXISTS.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<ai.michelangelo.api.v2.SparkJob> createSparkJob(
        ai.michelangelo.api.v2.CreateSparkJobRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getCreateSparkJobMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * GetSparkJob returns one Spark job; NOT_FOUND when it does not exist.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<ai.michelangelo.api.v2.SparkJob> getSparkJob(
        ai.michelangelo.api.v2.GetSparkJobRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getGetSparkJobMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * UpdateSparkJob replaces the spec, metadata labels, annotations and finalizers of
     * a Spark job. A stale metadata.resource_version gives ABORTED; status is ignored.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<ai.michelangelo.api.v2.SparkJob> updateSparkJob(
        ai.michelangelo.api.v2.UpdateSparkJobRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getUpdateSparkJobMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * UpdateSparkJobStatus replaces only the status of a Spark job, with the same
     * optimistic concurrency as UpdateSparkJob.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<ai.michelangelo.api.v2.SparkJob> updateSparkJobStatus(
        ai.michelangelo.api.v2.UpdateSparkJobStatusRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getUpdateSparkJobStatusMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * DeleteSparkJob removes a Spark job. With finalizers present it only sets
     * metadata.deletion_timestamp and returns the object, which stays until its
     * finalizers are removed.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<ai.michelangelo.api.v2.SparkJob> deleteSparkJob(
        ai.michelangelo.api.v2.DeleteSparkJobRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getDeleteSparkJobMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * DeleteSparkJobCollection deletes every Spark job in a namespace matching the
     * list options and returns what it deleted.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<ai.michelangelo.api.v2.SparkJobList> deleteSparkJobCollection(
        ai.michelangelo.api.v2.DeleteSparkJobCollectionRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getDeleteSparkJobCollectionMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * ListSparkJobs returns one page of Spark jobs; follow metadata.continue_token
     * for the next page. An empty namespace lists all namespaces.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<ai.michelangelo.api.v2.SparkJobList> listSparkJobs(
        ai.michelangelo.api.v2.ListSparkJobsRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getListSparkJobsMethod(), getCallOptions()), request);
    }
  }

  private static final int METHODID_CREATE_SPARK_JOB = 0;
  private static final int METHODID_GET_SPARK_JOB = 1;
  private static final int METHODID_UPDATE_SPARK_JOB = 2;
  private static final int METHODID_UPDATE_SPARK_JOB_STATUS = 3;
  private static final int METHODID_DELETE_SPARK_JOB = 4;
  private static final int METHODID_DELETE_SPARK_JOB_COLLECTION = 5;
  private static final int METHODID_LIST_SPARK_JOBS = 6;
  private static final int METHODID_WATCH_SPARK_JOBS = 7;

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
        case METHODID_CREATE_SPARK_JOB:
          serviceImpl.createSparkJob((ai.michelangelo.api.v2.CreateSparkJobRequest) request,
              (io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.SparkJob>) responseObserver);
          break;
        case METHODID_GET_SPARK_JOB:
          serviceImpl.getSparkJob((ai.michelangelo.api.v2.GetSparkJobRequest) request,
              (io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.SparkJob>) responseObserver);
          break;
        case METHODID_UPDATE_SPARK_JOB:
          serviceImpl.updateSparkJob((ai.michelangelo.api.v2.UpdateSparkJobRequest) request,
              (io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.SparkJob>) responseObserver);
          break;
        case METHODID_UPDATE_SPARK_JOB_STATUS:
          serviceImpl.updateSparkJobStatus((ai.michelangelo.api.v2.UpdateSparkJobStatusRequest) request,
              (io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.SparkJob>) responseObserver);
          break;
        case METHODID_DELETE_SPARK_JOB:
          serviceImpl.deleteSparkJob((ai.michelangelo.api.v2.DeleteSparkJobRequest) request,
              (io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.SparkJob>) responseObserver);
          break;
        case METHODID_DELETE_SPARK_JOB_COLLECTION:
          serviceImpl.deleteSparkJobCollection((ai.michelangelo.api.v2.DeleteSparkJobCollectionRequest) request,
              (io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.SparkJobList>) responseObserver);
          break;
        case METHODID_LIST_SPARK_JOBS:
          serviceImpl.listSparkJobs((ai.michelangelo.api.v2.ListSparkJobsRequest) request,
              (io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.SparkJobList>) responseObserver);
          break;
        case METHODID_WATCH_SPARK_JOBS:
          serviceImpl.watchSparkJobs((ai.michelangelo.api.v2.WatchSparkJobsRequest) request,
              (io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.SparkJobWatchEvent>) responseObserver);
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
          getCreateSparkJobMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              ai.michelangelo.api.v2.CreateSparkJobRequest,
              ai.michelangelo.api.v2.SparkJob>(
                service, METHODID_CREATE_SPARK_JOB)))
        .addMethod(
          getGetSparkJobMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              ai.michelangelo.api.v2.GetSparkJobRequest,
              ai.michelangelo.api.v2.SparkJob>(
                service, METHODID_GET_SPARK_JOB)))
        .addMethod(
          getUpdateSparkJobMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              ai.michelangelo.api.v2.UpdateSparkJobRequest,
              ai.michelangelo.api.v2.SparkJob>(
                service, METHODID_UPDATE_SPARK_JOB)))
        .addMethod(
          getUpdateSparkJobStatusMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              ai.michelangelo.api.v2.UpdateSparkJobStatusRequest,
              ai.michelangelo.api.v2.SparkJob>(
                service, METHODID_UPDATE_SPARK_JOB_STATUS)))
        .addMethod(
          getDeleteSparkJobMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              ai.michelangelo.api.v2.DeleteSparkJobRequest,
              ai.michelangelo.api.v2.SparkJob>(
                service, METHODID_DELETE_SPARK_JOB)))
        .addMethod(
          getDeleteSparkJobCollectionMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              ai.michelangelo.api.v2.DeleteSparkJobCollectionRequest,
              ai.michelangelo.api.v2.SparkJobList>(
                service, METHODID_DELETE_SPARK_JOB_COLLECTION)))
        .addMethod(
          getListSparkJobsMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              ai.michelangelo.api.v2.ListSparkJobsRequest,
              ai.michelangelo.api.v2.SparkJobList>(
                service, METHODID_LIST_SPARK_JOBS)))
        .addMethod(
          getWatchSparkJobsMethod(),
          io.grpc.stub.ServerCalls.asyncServerStreamingCall(
            new MethodHandlers<
              ai.michelangelo.api.v2.WatchSparkJobsRequest,
              ai.michelangelo.api.v2.SparkJobWatchEvent>(
                service, METHODID_WATCH_SPARK_JOBS)))
        .build();
  }

  private static abstract class SparkJobServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoFileDescriptorSupplier, io.grpc.protobuf.ProtoServiceDescriptorSupplier {
    SparkJobServiceBaseDescriptorSupplier() {}

    @java.lang.Override
    public com.google.protobuf.Descriptors.FileDescriptor getFileDescriptor() {
      return ai.michelangelo.api.v2.SparkJobSvcProto.getDescriptor();
    }

    @java.lang.Override
    public com.google.protobuf.Descriptors.ServiceDescriptor getServiceDescriptor() {
      return getFileDescriptor().findServiceByName("SparkJobService");
    }
  }

  private static final class SparkJobServiceFileDescriptorSupplier
      extends SparkJobServiceBaseDescriptorSupplier {
    SparkJobServiceFileDescriptorSupplier() {}
  }

  private static final class SparkJobServiceMethodDescriptorSupplier
      extends SparkJobServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoMethodDescriptorSupplier {
    private final java.lang.String methodName;

    SparkJobServiceMethodDescriptorSupplier(java.lang.String methodName) {
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
      synchronized (SparkJobServiceGrpc.class) {
        result = serviceDescriptor;
        if (result == null) {
          serviceDescriptor = result = io.grpc.ServiceDescriptor.newBuilder(SERVICE_NAME)
              .setSchemaDescriptor(new SparkJobServiceFileDescriptorSupplier())
              .addMethod(getCreateSparkJobMethod())
              .addMethod(getGetSparkJobMethod())
              .addMethod(getUpdateSparkJobMethod())
              .addMethod(getUpdateSparkJobStatusMethod())
              .addMethod(getDeleteSparkJobMethod())
              .addMethod(getDeleteSparkJobCollectionMethod())
              .addMethod(getListSparkJobsMethod())
              .addMethod(getWatchSparkJobsMethod())
              .build();
        }
      }
    }
    return result;
  }
}
