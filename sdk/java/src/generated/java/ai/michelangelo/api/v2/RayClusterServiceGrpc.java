package ai.michelangelo.api.v2;

import static io.grpc.MethodDescriptor.generateFullMethodName;

/**
 * <pre>
 * RayClusterService manages Ray clusters. Writes use optimistic concurrency on
 * metadata.resource_version; reads and watches follow the Kubernetes API conventions.
 * </pre>
 */
@javax.annotation.Generated(
    value = "by gRPC proto compiler (version 1.60.0)",
    comments = "Source: michelangelo/api/v2/ray_cluster_svc.proto")
@io.grpc.stub.annotations.GrpcGenerated
public final class RayClusterServiceGrpc {

  private RayClusterServiceGrpc() {}

  public static final java.lang.String SERVICE_NAME = "michelangelo.api.v2.RayClusterService";

  // Static method descriptors that strictly reflect the proto.
  private static volatile io.grpc.MethodDescriptor<ai.michelangelo.api.v2.CreateRayClusterRequest,
      ai.michelangelo.api.v2.RayCluster> getCreateRayClusterMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "CreateRayCluster",
      requestType = ai.michelangelo.api.v2.CreateRayClusterRequest.class,
      responseType = ai.michelangelo.api.v2.RayCluster.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<ai.michelangelo.api.v2.CreateRayClusterRequest,
      ai.michelangelo.api.v2.RayCluster> getCreateRayClusterMethod() {
    io.grpc.MethodDescriptor<ai.michelangelo.api.v2.CreateRayClusterRequest, ai.michelangelo.api.v2.RayCluster> getCreateRayClusterMethod;
    if ((getCreateRayClusterMethod = RayClusterServiceGrpc.getCreateRayClusterMethod) == null) {
      synchronized (RayClusterServiceGrpc.class) {
        if ((getCreateRayClusterMethod = RayClusterServiceGrpc.getCreateRayClusterMethod) == null) {
          RayClusterServiceGrpc.getCreateRayClusterMethod = getCreateRayClusterMethod =
              io.grpc.MethodDescriptor.<ai.michelangelo.api.v2.CreateRayClusterRequest, ai.michelangelo.api.v2.RayCluster>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "CreateRayCluster"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.CreateRayClusterRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.RayCluster.getDefaultInstance()))
              .setSchemaDescriptor(new RayClusterServiceMethodDescriptorSupplier("CreateRayCluster"))
              .build();
        }
      }
    }
    return getCreateRayClusterMethod;
  }

  private static volatile io.grpc.MethodDescriptor<ai.michelangelo.api.v2.GetRayClusterRequest,
      ai.michelangelo.api.v2.RayCluster> getGetRayClusterMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "GetRayCluster",
      requestType = ai.michelangelo.api.v2.GetRayClusterRequest.class,
      responseType = ai.michelangelo.api.v2.RayCluster.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<ai.michelangelo.api.v2.GetRayClusterRequest,
      ai.michelangelo.api.v2.RayCluster> getGetRayClusterMethod() {
    io.grpc.MethodDescriptor<ai.michelangelo.api.v2.GetRayClusterRequest, ai.michelangelo.api.v2.RayCluster> getGetRayClusterMethod;
    if ((getGetRayClusterMethod = RayClusterServiceGrpc.getGetRayClusterMethod) == null) {
      synchronized (RayClusterServiceGrpc.class) {
        if ((getGetRayClusterMethod = RayClusterServiceGrpc.getGetRayClusterMethod) == null) {
          RayClusterServiceGrpc.getGetRayClusterMethod = getGetRayClusterMethod =
              io.grpc.MethodDescriptor.<ai.michelangelo.api.v2.GetRayClusterRequest, ai.michelangelo.api.v2.RayCluster>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "GetRayCluster"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.GetRayClusterRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.RayCluster.getDefaultInstance()))
              .setSchemaDescriptor(new RayClusterServiceMethodDescriptorSupplier("GetRayCluster"))
              .build();
        }
      }
    }
    return getGetRayClusterMethod;
  }

  private static volatile io.grpc.MethodDescriptor<ai.michelangelo.api.v2.UpdateRayClusterRequest,
      ai.michelangelo.api.v2.RayCluster> getUpdateRayClusterMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "UpdateRayCluster",
      requestType = ai.michelangelo.api.v2.UpdateRayClusterRequest.class,
      responseType = ai.michelangelo.api.v2.RayCluster.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<ai.michelangelo.api.v2.UpdateRayClusterRequest,
      ai.michelangelo.api.v2.RayCluster> getUpdateRayClusterMethod() {
    io.grpc.MethodDescriptor<ai.michelangelo.api.v2.UpdateRayClusterRequest, ai.michelangelo.api.v2.RayCluster> getUpdateRayClusterMethod;
    if ((getUpdateRayClusterMethod = RayClusterServiceGrpc.getUpdateRayClusterMethod) == null) {
      synchronized (RayClusterServiceGrpc.class) {
        if ((getUpdateRayClusterMethod = RayClusterServiceGrpc.getUpdateRayClusterMethod) == null) {
          RayClusterServiceGrpc.getUpdateRayClusterMethod = getUpdateRayClusterMethod =
              io.grpc.MethodDescriptor.<ai.michelangelo.api.v2.UpdateRayClusterRequest, ai.michelangelo.api.v2.RayCluster>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "UpdateRayCluster"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.UpdateRayClusterRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.RayCluster.getDefaultInstance()))
              .setSchemaDescriptor(new RayClusterServiceMethodDescriptorSupplier("UpdateRayCluster"))
              .build();
        }
      }
    }
    return getUpdateRayClusterMethod;
  }

  private static volatile io.grpc.MethodDescriptor<ai.michelangelo.api.v2.UpdateRayClusterStatusRequest,
      ai.michelangelo.api.v2.RayCluster> getUpdateRayClusterStatusMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "UpdateRayClusterStatus",
      requestType = ai.michelangelo.api.v2.UpdateRayClusterStatusRequest.class,
      responseType = ai.michelangelo.api.v2.RayCluster.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<ai.michelangelo.api.v2.UpdateRayClusterStatusRequest,
      ai.michelangelo.api.v2.RayCluster> getUpdateRayClusterStatusMethod() {
    io.grpc.MethodDescriptor<ai.michelangelo.api.v2.UpdateRayClusterStatusRequest, ai.michelangelo.api.v2.RayCluster> getUpdateRayClusterStatusMethod;
    if ((getUpdateRayClusterStatusMethod = RayClusterServiceGrpc.getUpdateRayClusterStatusMethod) == null) {
      synchronized (RayClusterServiceGrpc.class) {
        if ((getUpdateRayClusterStatusMethod = RayClusterServiceGrpc.getUpdateRayClusterStatusMethod) == null) {
          RayClusterServiceGrpc.getUpdateRayClusterStatusMethod = getUpdateRayClusterStatusMethod =
              io.grpc.MethodDescriptor.<ai.michelangelo.api.v2.UpdateRayClusterStatusRequest, ai.michelangelo.api.v2.RayCluster>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "UpdateRayClusterStatus"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.UpdateRayClusterStatusRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.RayCluster.getDefaultInstance()))
              .setSchemaDescriptor(new RayClusterServiceMethodDescriptorSupplier("UpdateRayClusterStatus"))
              .build();
        }
      }
    }
    return getUpdateRayClusterStatusMethod;
  }

  private static volatile io.grpc.MethodDescriptor<ai.michelangelo.api.v2.DeleteRayClusterRequest,
      ai.michelangelo.api.v2.RayCluster> getDeleteRayClusterMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "DeleteRayCluster",
      requestType = ai.michelangelo.api.v2.DeleteRayClusterRequest.class,
      responseType = ai.michelangelo.api.v2.RayCluster.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<ai.michelangelo.api.v2.DeleteRayClusterRequest,
      ai.michelangelo.api.v2.RayCluster> getDeleteRayClusterMethod() {
    io.grpc.MethodDescriptor<ai.michelangelo.api.v2.DeleteRayClusterRequest, ai.michelangelo.api.v2.RayCluster> getDeleteRayClusterMethod;
    if ((getDeleteRayClusterMethod = RayClusterServiceGrpc.getDeleteRayClusterMethod) == null) {
      synchronized (RayClusterServiceGrpc.class) {
        if ((getDeleteRayClusterMethod = RayClusterServiceGrpc.getDeleteRayClusterMethod) == null) {
          RayClusterServiceGrpc.getDeleteRayClusterMethod = getDeleteRayClusterMethod =
              io.grpc.MethodDescriptor.<ai.michelangelo.api.v2.DeleteRayClusterRequest, ai.michelangelo.api.v2.RayCluster>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "DeleteRayCluster"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.DeleteRayClusterRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.RayCluster.getDefaultInstance()))
              .setSchemaDescriptor(new RayClusterServiceMethodDescriptorSupplier("DeleteRayCluster"))
              .build();
        }
      }
    }
    return getDeleteRayClusterMethod;
  }

  private static volatile io.grpc.MethodDescriptor<ai.michelangelo.api.v2.DeleteRayClusterCollectionRequest,
      ai.michelangelo.api.v2.RayClusterList> getDeleteRayClusterCollectionMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "DeleteRayClusterCollection",
      requestType = ai.michelangelo.api.v2.DeleteRayClusterCollectionRequest.class,
      responseType = ai.michelangelo.api.v2.RayClusterList.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<ai.michelangelo.api.v2.DeleteRayClusterCollectionRequest,
      ai.michelangelo.api.v2.RayClusterList> getDeleteRayClusterCollectionMethod() {
    io.grpc.MethodDescriptor<ai.michelangelo.api.v2.DeleteRayClusterCollectionRequest, ai.michelangelo.api.v2.RayClusterList> getDeleteRayClusterCollectionMethod;
    if ((getDeleteRayClusterCollectionMethod = RayClusterServiceGrpc.getDeleteRayClusterCollectionMethod) == null) {
      synchronized (RayClusterServiceGrpc.class) {
        if ((getDeleteRayClusterCollectionMethod = RayClusterServiceGrpc.getDeleteRayClusterCollectionMethod) == null) {
          RayClusterServiceGrpc.getDeleteRayClusterCollectionMethod = getDeleteRayClusterCollectionMethod =
              io.grpc.MethodDescriptor.<ai.michelangelo.api.v2.DeleteRayClusterCollectionRequest, ai.michelangelo.api.v2.RayClusterList>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "DeleteRayClusterCollection"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.DeleteRayClusterCollectionRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.RayClusterList.getDefaultInstance()))
              .setSchemaDescriptor(new RayClusterServiceMethodDescriptorSupplier("DeleteRayClusterCollection"))
              .build();
        }
      }
    }
    return getDeleteRayClusterCollectionMethod;
  }

  private static volatile io.grpc.MethodDescriptor<ai.michelangelo.api.v2.ListRayClustersRequest,
      ai.michelangelo.api.v2.RayClusterList> getListRayClustersMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ListRayClusters",
      requestType = ai.michelangelo.api.v2.ListRayClustersRequest.class,
      responseType = ai.michelangelo.api.v2.RayClusterList.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<ai.michelangelo.api.v2.ListRayClustersRequest,
      ai.michelangelo.api.v2.RayClusterList> getListRayClustersMethod() {
    io.grpc.MethodDescriptor<ai.michelangelo.api.v2.ListRayClustersRequest, ai.michelangelo.api.v2.RayClusterList> getListRayClustersMethod;
    if ((getListRayClustersMethod = RayClusterServiceGrpc.getListRayClustersMethod) == null) {
      synchronized (RayClusterServiceGrpc.class) {
        if ((getListRayClustersMethod = RayClusterServiceGrpc.getListRayClustersMethod) == null) {
          RayClusterServiceGrpc.getListRayClustersMethod = getListRayClustersMethod =
              io.grpc.MethodDescriptor.<ai.michelangelo.api.v2.ListRayClustersRequest, ai.michelangelo.api.v2.RayClusterList>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ListRayClusters"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.ListRayClustersRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.RayClusterList.getDefaultInstance()))
              .setSchemaDescriptor(new RayClusterServiceMethodDescriptorSupplier("ListRayClusters"))
              .build();
        }
      }
    }
    return getListRayClustersMethod;
  }

  private static volatile io.grpc.MethodDescriptor<ai.michelangelo.api.v2.WatchRayClustersRequest,
      ai.michelangelo.api.v2.RayClusterWatchEvent> getWatchRayClustersMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "WatchRayClusters",
      requestType = ai.michelangelo.api.v2.WatchRayClustersRequest.class,
      responseType = ai.michelangelo.api.v2.RayClusterWatchEvent.class,
      methodType = io.grpc.MethodDescriptor.MethodType.SERVER_STREAMING)
  public static io.grpc.MethodDescriptor<ai.michelangelo.api.v2.WatchRayClustersRequest,
      ai.michelangelo.api.v2.RayClusterWatchEvent> getWatchRayClustersMethod() {
    io.grpc.MethodDescriptor<ai.michelangelo.api.v2.WatchRayClustersRequest, ai.michelangelo.api.v2.RayClusterWatchEvent> getWatchRayClustersMethod;
    if ((getWatchRayClustersMethod = RayClusterServiceGrpc.getWatchRayClustersMethod) == null) {
      synchronized (RayClusterServiceGrpc.class) {
        if ((getWatchRayClustersMethod = RayClusterServiceGrpc.getWatchRayClustersMethod) == null) {
          RayClusterServiceGrpc.getWatchRayClustersMethod = getWatchRayClustersMethod =
              io.grpc.MethodDescriptor.<ai.michelangelo.api.v2.WatchRayClustersRequest, ai.michelangelo.api.v2.RayClusterWatchEvent>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.SERVER_STREAMING)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "WatchRayClusters"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.WatchRayClustersRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.RayClusterWatchEvent.getDefaultInstance()))
              .setSchemaDescriptor(new RayClusterServiceMethodDescriptorSupplier("WatchRayClusters"))
              .build();
        }
      }
    }
    return getWatchRayClustersMethod;
  }

  /**
   * Creates a new async stub that supports all call types for the service
   */
  public static RayClusterServiceStub newStub(io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<RayClusterServiceStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<RayClusterServiceStub>() {
        @java.lang.Override
        public RayClusterServiceStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new RayClusterServiceStub(channel, callOptions);
        }
      };
    return RayClusterServiceStub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports unary and streaming output calls on the service
   */
  public static RayClusterServiceBlockingStub newBlockingStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<RayClusterServiceBlockingStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<RayClusterServiceBlockingStub>() {
        @java.lang.Override
        public RayClusterServiceBlockingStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new RayClusterServiceBlockingStub(channel, callOptions);
        }
      };
    return RayClusterServiceBlockingStub.newStub(factory, channel);
  }

  /**
   * Creates a new ListenableFuture-style stub that supports unary calls on the service
   */
  public static RayClusterServiceFutureStub newFutureStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<RayClusterServiceFutureStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<RayClusterServiceFutureStub>() {
        @java.lang.Override
        public RayClusterServiceFutureStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new RayClusterServiceFutureStub(channel, callOptions);
        }
      };
    return RayClusterServiceFutureStub.newStub(factory, channel);
  }

  /**
   * <pre>
   * RayClusterService manages Ray clusters. Writes use optimistic concurrency on
   * metadata.resource_version; reads and watches follow the Kubernetes API conventions.
   * </pre>
   */
  public interface AsyncService {

    /**
     * <pre>
     * CreateRayCluster stores a new Ray cluster. The server sets uid, creation_timestamp,
     * resource_version and generation; an existing name gives ALREADY_EXISTS.
     * </pre>
     */
    default void createRayCluster(ai.michelangelo.api.v2.CreateRayClusterRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.RayCluster> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getCreateRayClusterMethod(), responseObserver);
    }

    /**
     * <pre>
     * GetRayCluster returns one Ray cluster; NOT_FOUND when it does not exist.
     * </pre>
     */
    default void getRayCluster(ai.michelangelo.api.v2.GetRayClusterRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.RayCluster> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getGetRayClusterMethod(), responseObserver);
    }

    /**
     * <pre>
     * UpdateRayCluster replaces the spec, metadata labels, annotations and finalizers of
     * a Ray cluster. A stale metadata.resource_version gives ABORTED; status is ignored.
     * </pre>
     */
    default void updateRayCluster(ai.michelangelo.api.v2.UpdateRayClusterRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.RayCluster> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getUpdateRayClusterMethod(), responseObserver);
    }

    /**
     * <pre>
     * UpdateRayClusterStatus replaces only the status of a Ray cluster, with the same
     * optimistic concurrency as UpdateRayCluster.
     * </pre>
     */
    default void updateRayClusterStatus(ai.michelangelo.api.v2.UpdateRayClusterStatusRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.RayCluster> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getUpdateRayClusterStatusMethod(), responseObserver);
    }

    /**
     * <pre>
     * DeleteRayCluster removes a Ray cluster. With finalizers present it only sets
     * metadata.deletion_timestamp and returns the object, which stays until its
     * finalizers are removed.
     * </pre>
     */
    default void deleteRayCluster(ai.michelangelo.api.v2.DeleteRayClusterRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.RayCluster> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getDeleteRayClusterMethod(), responseObserver);
    }

    /**
     * <pre>
     * DeleteRayClusterCollection deletes every Ray cluster in a namespace matching the
     * list options and returns what it deleted.
     * </pre>
     */
    default void deleteRayClusterCollection(ai.michelangelo.api.v2.DeleteRayClusterCollectionRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.RayClusterList> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getDeleteRayClusterCollectionMethod(), responseObserver);
    }

    /**
     * <pre>
     * ListRayClusters returns one page of Ray clusters; follow metadata.continue_token
     * for the next page. An empty namespace lists all namespaces.
     * </pre>
     */
    default void listRayClusters(ai.michelangelo.api.v2.ListRayClustersRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.RayClusterList> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getListRayClustersMethod(), responseObserver);
    }

    /**
     * <pre>
     * WatchRayClusters streams every change to Ray clusters after the given resource
     * version, in order. A version older than the server keeps gives OUT_OF_RANGE:
     * list again and watch from the list's version.
     * </pre>
     */
    default void watchRayClusters(ai.michelangelo.api.v2.WatchRayClustersRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.RayClusterWatchEvent> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getWatchRayClustersMethod(), responseObserver);
    }
  }

  /**
   * Base class for the server implementation of the service RayClusterService.
   * <pre>
   * RayClusterService manages Ray clusters. Writes use optimistic concurrency on
   * metadata.resource_version; reads and watches follow the Kubernetes API conventions.
   * </pre>
   */
  public static abstract class RayClusterServiceImplBase
      implements io.grpc.BindableService, AsyncService {

    @java.lang.Override public final io.grpc.ServerServiceDefinition bindService() {
      return RayClusterServiceGrpc.bindService(this);
    }
  }

  /**
   * A stub to allow clients to do asynchronous rpc calls to service RayClusterService.
   * <pre>
   * RayClusterService manages Ray clusters. Writes use optimistic concurrency on
   * metadata.resource_version; reads and watches follow the Kubernetes API conventions.
   * </pre>
   */
  public static final class RayClusterServiceStub
      extends io.grpc.stub.AbstractAsyncStub<RayClusterServiceStub> {
    private RayClusterServiceStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected RayClusterServiceStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new RayClusterServiceStub(channel, callOptions);
    }

    /**
     * <pre>
     * CreateRayCluster stores a new Ray cluster. The server sets uid, creation_timestamp,
     * resource_version and generation; an existing name gives ALREADY_EXISTS.
     * </pre>
     */
    public void createRayCluster(ai.michelangelo.api.v2.CreateRayClusterRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.RayCluster> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getCreateRayClusterMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * GetRayCluster returns one Ray cluster; NOT_FOUND when it does not exist.
     * </pre>
     */
    public void getRayCluster(ai.michelangelo.api.v2.GetRayClusterRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.RayCluster> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getGetRayClusterMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * UpdateRayCluster replaces the spec, metadata labels, annotations and finalizers of
     * a Ray cluster. A stale metadata.resource_version gives ABORTED; status is ignored.
     * </pre>
     */
    public void updateRayCluster(ai.michelangelo.api.v2.UpdateRayClusterRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.RayCluster> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getUpdateRayClusterMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * UpdateRayClusterStatus replaces only the status of a Ray cluster, with the same
     * optimistic concurrency as UpdateRayCluster.
     * </pre>
     */
    public void updateRayClusterStatus(ai.michelangelo.api.v2.UpdateRayClusterStatusRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.RayCluster> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getUpdateRayClusterStatusMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * DeleteRayCluster removes a Ray cluster. With finalizers present it only sets
     * metadata.deletion_timestamp and returns the object, which stays until its
     * finalizers are removed.
     * </pre>
     */
    public void deleteRayCluster(ai.michelangelo.api.v2.DeleteRayClusterRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.RayCluster> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getDeleteRayClusterMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * DeleteRayClusterCollection deletes every Ray cluster in a namespace matching the
     * list options and returns what it deleted.
     * </pre>
     */
    public void deleteRayClusterCollection(ai.michelangelo.api.v2.DeleteRayClusterCollectionRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.RayClusterList> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getDeleteRayClusterCollectionMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * ListRayClusters returns one page of Ray clusters; follow metadata.continue_token
     * for the next page. An empty namespace lists all namespaces.
     * </pre>
     */
    public void listRayClusters(ai.michelangelo.api.v2.ListRayClustersRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.RayClusterList> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getListRayClustersMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * WatchRayClusters streams every change to Ray clusters after the given resource
     * version, in order. A version older than the server keeps gives OUT_OF_RANGE:
     * list again and watch from the list's version.
     * </pre>
     */
    public void watchRayClusters(ai.michelangelo.api.v2.WatchRayClustersRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.RayClusterWatchEvent> responseObserver) {
      io.grpc.stub.ClientCalls.asyncServerStreamingCall(
          getChannel().newCall(getWatchRayClustersMethod(), getCallOptions()), request, responseObserver);
    }
  }

  /**
   * A stub to allow clients to do synchronous rpc calls to service RayClusterService.
   * <pre>
   * RayClusterService manages Ray clusters. Writes use optimistic concurrency on
   * metadata.resource_version; reads and watches follow the Kubernetes API conventions.
   * </pre>
   */
  public static final class RayClusterServiceBlockingStub
      extends io.grpc.stub.AbstractBlockingStub<RayClusterServiceBlockingStub> {
    private RayClusterServiceBlockingStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected RayClusterServiceBlockingStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new RayClusterServiceBlockingStub(channel, callOptions);
    }

    /**
     * <pre>
     * CreateRayCluster stores a new Ray cluster. The server sets uid, creation_timestamp,
     * resource_version and generation; an existing name gives ALREADY_EXISTS.
     * </pre>
     */
    public ai.michelangelo.api.v2.RayCluster createRayCluster(ai.michelangelo.api.v2.CreateRayClusterRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getCreateRayClusterMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * GetRayCluster returns one Ray cluster; NOT_FOUND when it does not exist.
     * </pre>
     */
    public ai.michelangelo.api.v2.RayCluster getRayCluster(ai.michelangelo.api.v2.GetRayClusterRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getGetRayClusterMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * UpdateRayCluster replaces the spec, metadata labels, annotations and finalizers of
     * a Ray cluster. A stale metadata.resource_version gives ABORTED; status is ignored.
     * </pre>
     */
    public ai.michelangelo.api.v2.RayCluster updateRayCluster(ai.michelangelo.api.v2.UpdateRayClusterRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getUpdateRayClusterMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * UpdateRayClusterStatus replaces only the status of a Ray cluster, with the same
     * optimistic concurrency as UpdateRayCluster.
     * </pre>
     */
    public ai.michelangelo.api.v2.RayCluster updateRayClusterStatus(ai.michelangelo.api.v2.UpdateRayClusterStatusRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getUpdateRayClusterStatusMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * DeleteRayCluster removes a Ray cluster. With finalizers present it only sets
     * metadata.deletion_timestamp and returns the object, which stays until its
     * finalizers are removed.
     * </pre>
     */
    public ai.michelangelo.api.v2.RayCluster deleteRayCluster(ai.michelangelo.api.v2.DeleteRayClusterRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getDeleteRayClusterMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * DeleteRayClusterCollection deletes every Ray cluster in a namespace matching the
     * list options and returns what it deleted.
     * </pre>
     */
    public ai.michelangelo.api.v2.RayClusterList deleteRayClusterCollection(ai.michelangelo.api.v2.DeleteRayClusterCollectionRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getDeleteRayClusterCollectionMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * ListRayClusters returns one page of Ray clusters; follow metadata.continue_token
     * for the next page. An empty namespace lists all namespaces.
     * </pre>
     */
    public ai.michelangelo.api.v2.RayClusterList listRayClusters(ai.michelangelo.api.v2.ListRayClustersRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getListRayClustersMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * WatchRayClusters streams every change to Ray clusters after the given resource
     * version, in order. A version older than the server keeps gives OUT_OF_RANGE:
     * list again and watch from the list's version.
     * </pre>
     */
    public java.util.Iterator<ai.michelangelo.api.v2.RayClusterWatchEvent> watchRayClusters(
        ai.michelangelo.api.v2.WatchRayClustersRequest request) {
      return io.grpc.stub.ClientCalls.blockingServerStreamingCall(
          getChannel(), getWatchRayClustersMethod(), getCallOptions(), request);
    }
  }

  /**
   * A stub to allow clients to do ListenableFuture-style rpc calls to service RayClusterService.
   * <pre>
   * RayClusterService manages Ray clusters. Writes use optimistic concurrency on
   * metadata.resource_version; reads and watches follow the Kubernetes API conventions.
   * </pre>
   */
  public static final class RayClusterServiceFutureStub
      extends io.grpc.stub.AbstractFutureStub<RayClusterServiceFutureStub> {
    private RayClusterServiceFutureStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected RayClusterServiceFutureStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new RayClusterServiceFutureStub(channel, callOptions);
    }

    /**
     * <pre>
     * CreateRayCluster stores a new Ray cluster. The server sets uid, creation_timestamp,
     * resource_version and generation; an existing name gives ALREADY_EXISTS.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<ai.michelangelo.api.v2.RayCluster> createRayCluster(
        ai.michelangelo.api.v2.CreateRayClusterRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getCreateRayClusterMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * GetRayCluster returns one Ray cluster; NOT_FOUND when it does not exist.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<ai.michelangelo.api.v2.RayCluster> getRayCluster(
        ai.michelangelo.api.v2.GetRayClusterRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getGetRayClusterMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * UpdateRayCluster replaces the spec, metadata labels, annotations and finalizers of
     * a Ray cluster. A stale metadata.resource_version gives ABORTED; status is ignored.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<ai.michelangelo.api.v2.RayCluster> updateRayCluster(
        ai.michelangelo.api.v2.UpdateRayClusterRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getUpdateRayClusterMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * UpdateRayClusterStatus replaces only the status of a Ray cluster, with the same
     * optimistic concurrency as UpdateRayCluster.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<ai.michelangelo.api.v2.RayCluster> updateRayClusterStatus(
        ai.michelangelo.api.v2.UpdateRayClusterStatusRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getUpdateRayClusterStatusMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * DeleteRayCluster removes a Ray cluster. With finalizers present it only sets
     * metadata.deletion_timestamp and returns the object, which stays until its
     * finalizers are removed.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<ai.michelangelo.api.v2.RayCluster> deleteRayCluster(
        ai.michelangelo.api.v2.DeleteRayClusterRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getDeleteRayClusterMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * DeleteRayClusterCollection deletes every Ray cluster in a namespace matching the
     * list options and returns what it deleted.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<ai.michelangelo.api.v2.RayClusterList> deleteRayClusterCollection(
        ai.michelangelo.api.v2.DeleteRayClusterCollectionRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getDeleteRayClusterCollectionMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * ListRayClusters returns one page of Ray clusters; follow metadata.continue_token
     * for the next page. An empty namespace lists all namespaces.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<ai.michelangelo.api.v2.RayClusterList> listRayClusters(
        ai.michelangelo.api.v2.ListRayClustersRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getListRayClustersMethod(), getCallOptions()), request);
    }
  }

  private static final int METHODID_CREATE_RAY_CLUSTER = 0;
  private static final int METHODID_GET_RAY_CLUSTER = 1;
  private static final int METHODID_UPDATE_RAY_CLUSTER = 2;
  private static final int METHODID_UPDATE_RAY_CLUSTER_STATUS = 3;
  private static final int METHODID_DELETE_RAY_CLUSTER = 4;
  private static final int METHODID_DELETE_RAY_CLUSTER_COLLECTION = 5;
  private static final int METHODID_LIST_RAY_CLUSTERS = 6;
  private static final int METHODID_WATCH_RAY_CLUSTERS = 7;

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
        case METHODID_CREATE_RAY_CLUSTER:
          serviceImpl.createRayCluster((ai.michelangelo.api.v2.CreateRayClusterRequest) request,
              (io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.RayCluster>) responseObserver);
          break;
        case METHODID_GET_RAY_CLUSTER:
          serviceImpl.getRayCluster((ai.michelangelo.api.v2.GetRayClusterRequest) request,
              (io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.RayCluster>) responseObserver);
          break;
        case METHODID_UPDATE_RAY_CLUSTER:
          serviceImpl.updateRayCluster((ai.michelangelo.api.v2.UpdateRayClusterRequest) request,
              (io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.RayCluster>) responseObserver);
          break;
        case METHODID_UPDATE_RAY_CLUSTER_STATUS:
          serviceImpl.updateRayClusterStatus((ai.michelangelo.api.v2.UpdateRayClusterStatusRequest) request,
              (io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.RayCluster>) responseObserver);
          break;
        case METHODID_DELETE_RAY_CLUSTER:
          serviceImpl.deleteRayCluster((ai.michelangelo.api.v2.DeleteRayClusterRequest) request,
              (io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.RayCluster>) responseObserver);
          break;
        case METHODID_DELETE_RAY_CLUSTER_COLLECTION:
          serviceImpl.deleteRayClusterCollection((ai.michelangelo.api.v2.DeleteRayClusterCollectionRequest) request,
              (io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.RayClusterList>) responseObserver);
          break;
        case METHODID_LIST_RAY_CLUSTERS:
          serviceImpl.listRayClusters((ai.michelangelo.api.v2.ListRayClustersRequest) request,
              (io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.RayClusterList>) responseObserver);
          break;
        case METHODID_WATCH_RAY_CLUSTERS:
          serviceImpl.watchRayClusters((ai.michelangelo.api.v2.WatchRayClustersRequest) request,
              (io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.RayClusterWatchEvent>) responseObserver);
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
          getCreateRayClusterMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              ai.michelangelo.api.v2.CreateRayClusterRequest,
              ai.michelangelo.api.v2.RayCluster>(
                service, METHODID_CREATE_RAY_CLUSTER)))
        .addMethod(
          getGetRayClusterMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              ai.michelangelo.api.v2.GetRayClusterRequest,
              ai.michelangelo.api.v2.RayCluster>(
                service, METHODID_GET_RAY_CLUSTER)))
        .addMethod(
          getUpdateRayClusterMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              ai.michelangelo.api.v2.UpdateRayClusterRequest,
              ai.michelangelo.api.v2.RayCluster>(
                service, METHODID_UPDATE_RAY_CLUSTER)))
        .addMethod(
          getUpdateRayClusterStatusMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              ai.michelangelo.api.v2.UpdateRayClusterStatusRequest,
              ai.michelangelo.api.v2.RayCluster>(
                service, METHODID_UPDATE_RAY_CLUSTER_STATUS)))
        .addMethod(
          getDeleteRayClusterMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              ai.michelangelo.api.v2.DeleteRayClusterRequest,
              ai.michelangelo.api.v2.RayCluster>(
                service, METHODID_DELETE_RAY_CLUSTER)))
        .addMethod(
          getDeleteRayClusterCollectionMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              ai.michelangelo.api.v2.DeleteRayClusterCollectionRequest,
              ai.michelangelo.api.v2.RayClusterList>(
                service, METHODID_DELETE_RAY_CLUSTER_COLLECTION)))
        .addMethod(
          getListRayClustersMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              ai.michelangelo.api.v2.ListRayClustersRequest,
              ai.michelangelo.api.v2.RayClusterList>(
                service, METHODID_LIST_RAY_CLUSTERS)))
        .addMethod(
          getWatchRayClustersMethod(),
          io.grpc.stub.ServerCalls.asyncServerStreamingCall(
            new MethodHandlers<
              ai.michelangelo.api.v2.WatchRayClustersRequest,
              ai.michelangelo.api.v2.RayClusterWatchEvent>(
                service, METHODID_WATCH_RAY_CLUSTERS)))
        .build();
  }

  private static abstract class RayClusterServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoFileDescriptorSupplier, io.grpc.protobuf.ProtoServiceDescriptorSupplier {
    RayClusterServiceBaseDescriptorSupplier() {}

    @java.lang.Override
    public com.google.protobuf.Descriptors.FileDescriptor getFileDescriptor() {
      return ai.michelangelo.api.v2.RayClusterSvcProto.getDescriptor();
    }

    @java.lang.Override
    public com.google.protobuf.Descriptors.ServiceDescriptor getServiceDescriptor() {
      return getFileDescriptor().findServiceByName("RayClusterService");
    }
  }

  private static final class RayClusterServiceFileDescriptorSupplier
      extends RayClusterServiceBaseDescriptorSupplier {
    RayClusterServiceFileDescriptorSupplier() {}
  }

  private static final class RayClusterServiceMethodDescriptorSupplier
      extends RayClusterServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoMethodDescriptorSupplier {
    private final java.lang.String methodName;

    RayClusterServiceMethodDescriptorSupplier(java.lang.String methodName) {
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
      synchronized (RayClusterServiceGrpc.class) {
        result = serviceDescriptor;
        if (result == null) {
          serviceDescriptor = result = io.grpc.ServiceDescriptor.newBuilder(SERVICE_NAME)
              .setSchemaDescriptor(new RayClusterServiceFileDescriptorSupplier())
              .addMethod(getCreateRayClusterMethod())
              .addMethod(getGetRayClusterMethod())
              .addMethod(getUpdateRayClusterMethod())
              .addMethod(getUpdateRayClusterStatusMethod())
              .addMethod(getDeleteRayClusterMethod())
              .addMethod(getDeleteRayClusterCollectionMethod())
              .addMethod(getListRayClustersMethod())
              .addMethod(getWatchRayClustersMethod())
              .build();
        }
      }
    }
    return result;
  }
}
