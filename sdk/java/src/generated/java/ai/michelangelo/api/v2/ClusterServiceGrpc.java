package ai.michelangelo.api.v2;

import static io.grpc.MethodDescriptor.generateFullMethodName;

/**
 * <pre>
 * ClusterService manages clusters. Writes use optimistic concurrency on
 * metadata.resource_version; reads and watches follow the Kubernetes API conventions.
 * </pre>
 */
@javax.annotation.Generated(
    value = "by gRPC proto compiler (version 1.60.0)",
    comments = "Source: michelangelo/api/v2/cluster_svc.proto")
@io.grpc.stub.annotations.GrpcGenerated
public final class ClusterServiceGrpc {

  private ClusterServiceGrpc() {}

  public static final java.lang.String SERVICE_NAME = "michelangelo.api.v2.ClusterService";

  // Static method descriptors that strictly reflect the proto.
  private static volatile io.grpc.MethodDescriptor<ai.michelangelo.api.v2.CreateClusterRequest,
      ai.michelangelo.api.v2.Cluster> getCreateClusterMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "CreateCluster",
      requestType = ai.michelangelo.api.v2.CreateClusterRequest.class,
      responseType = ai.michelangelo.api.v2.Cluster.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<ai.michelangelo.api.v2.CreateClusterRequest,
      ai.michelangelo.api.v2.Cluster> getCreateClusterMethod() {
    io.grpc.MethodDescriptor<ai.michelangelo.api.v2.CreateClusterRequest, ai.michelangelo.api.v2.Cluster> getCreateClusterMethod;
    if ((getCreateClusterMethod = ClusterServiceGrpc.getCreateClusterMethod) == null) {
      synchronized (ClusterServiceGrpc.class) {
        if ((getCreateClusterMethod = ClusterServiceGrpc.getCreateClusterMethod) == null) {
          ClusterServiceGrpc.getCreateClusterMethod = getCreateClusterMethod =
              io.grpc.MethodDescriptor.<ai.michelangelo.api.v2.CreateClusterRequest, ai.michelangelo.api.v2.Cluster>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "CreateCluster"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.CreateClusterRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.Cluster.getDefaultInstance()))
              .setSchemaDescriptor(new ClusterServiceMethodDescriptorSupplier("CreateCluster"))
              .build();
        }
      }
    }
    return getCreateClusterMethod;
  }

  private static volatile io.grpc.MethodDescriptor<ai.michelangelo.api.v2.GetClusterRequest,
      ai.michelangelo.api.v2.Cluster> getGetClusterMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "GetCluster",
      requestType = ai.michelangelo.api.v2.GetClusterRequest.class,
      responseType = ai.michelangelo.api.v2.Cluster.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<ai.michelangelo.api.v2.GetClusterRequest,
      ai.michelangelo.api.v2.Cluster> getGetClusterMethod() {
    io.grpc.MethodDescriptor<ai.michelangelo.api.v2.GetClusterRequest, ai.michelangelo.api.v2.Cluster> getGetClusterMethod;
    if ((getGetClusterMethod = ClusterServiceGrpc.getGetClusterMethod) == null) {
      synchronized (ClusterServiceGrpc.class) {
        if ((getGetClusterMethod = ClusterServiceGrpc.getGetClusterMethod) == null) {
          ClusterServiceGrpc.getGetClusterMethod = getGetClusterMethod =
              io.grpc.MethodDescriptor.<ai.michelangelo.api.v2.GetClusterRequest, ai.michelangelo.api.v2.Cluster>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "GetCluster"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.GetClusterRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.Cluster.getDefaultInstance()))
              .setSchemaDescriptor(new ClusterServiceMethodDescriptorSupplier("GetCluster"))
              .build();
        }
      }
    }
    return getGetClusterMethod;
  }

  private static volatile io.grpc.MethodDescriptor<ai.michelangelo.api.v2.UpdateClusterRequest,
      ai.michelangelo.api.v2.Cluster> getUpdateClusterMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "UpdateCluster",
      requestType = ai.michelangelo.api.v2.UpdateClusterRequest.class,
      responseType = ai.michelangelo.api.v2.Cluster.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<ai.michelangelo.api.v2.UpdateClusterRequest,
      ai.michelangelo.api.v2.Cluster> getUpdateClusterMethod() {
    io.grpc.MethodDescriptor<ai.michelangelo.api.v2.UpdateClusterRequest, ai.michelangelo.api.v2.Cluster> getUpdateClusterMethod;
    if ((getUpdateClusterMethod = ClusterServiceGrpc.getUpdateClusterMethod) == null) {
      synchronized (ClusterServiceGrpc.class) {
        if ((getUpdateClusterMethod = ClusterServiceGrpc.getUpdateClusterMethod) == null) {
          ClusterServiceGrpc.getUpdateClusterMethod = getUpdateClusterMethod =
              io.grpc.MethodDescriptor.<ai.michelangelo.api.v2.UpdateClusterRequest, ai.michelangelo.api.v2.Cluster>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "UpdateCluster"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.UpdateClusterRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.Cluster.getDefaultInstance()))
              .setSchemaDescriptor(new ClusterServiceMethodDescriptorSupplier("UpdateCluster"))
              .build();
        }
      }
    }
    return getUpdateClusterMethod;
  }

  private static volatile io.grpc.MethodDescriptor<ai.michelangelo.api.v2.UpdateClusterStatusRequest,
      ai.michelangelo.api.v2.Cluster> getUpdateClusterStatusMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "UpdateClusterStatus",
      requestType = ai.michelangelo.api.v2.UpdateClusterStatusRequest.class,
      responseType = ai.michelangelo.api.v2.Cluster.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<ai.michelangelo.api.v2.UpdateClusterStatusRequest,
      ai.michelangelo.api.v2.Cluster> getUpdateClusterStatusMethod() {
    io.grpc.MethodDescriptor<ai.michelangelo.api.v2.UpdateClusterStatusRequest, ai.michelangelo.api.v2.Cluster> getUpdateClusterStatusMethod;
    if ((getUpdateClusterStatusMethod = ClusterServiceGrpc.getUpdateClusterStatusMethod) == null) {
      synchronized (ClusterServiceGrpc.class) {
        if ((getUpdateClusterStatusMethod = ClusterServiceGrpc.getUpdateClusterStatusMethod) == null) {
          ClusterServiceGrpc.getUpdateClusterStatusMethod = getUpdateClusterStatusMethod =
              io.grpc.MethodDescriptor.<ai.michelangelo.api.v2.UpdateClusterStatusRequest, ai.michelangelo.api.v2.Cluster>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "UpdateClusterStatus"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.UpdateClusterStatusRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.Cluster.getDefaultInstance()))
              .setSchemaDescriptor(new ClusterServiceMethodDescriptorSupplier("UpdateClusterStatus"))
              .build();
        }
      }
    }
    return getUpdateClusterStatusMethod;
  }

  private static volatile io.grpc.MethodDescriptor<ai.michelangelo.api.v2.DeleteClusterRequest,
      ai.michelangelo.api.v2.Cluster> getDeleteClusterMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "DeleteCluster",
      requestType = ai.michelangelo.api.v2.DeleteClusterRequest.class,
      responseType = ai.michelangelo.api.v2.Cluster.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<ai.michelangelo.api.v2.DeleteClusterRequest,
      ai.michelangelo.api.v2.Cluster> getDeleteClusterMethod() {
    io.grpc.MethodDescriptor<ai.michelangelo.api.v2.DeleteClusterRequest, ai.michelangelo.api.v2.Cluster> getDeleteClusterMethod;
    if ((getDeleteClusterMethod = ClusterServiceGrpc.getDeleteClusterMethod) == null) {
      synchronized (ClusterServiceGrpc.class) {
        if ((getDeleteClusterMethod = ClusterServiceGrpc.getDeleteClusterMethod) == null) {
          ClusterServiceGrpc.getDeleteClusterMethod = getDeleteClusterMethod =
              io.grpc.MethodDescriptor.<ai.michelangelo.api.v2.DeleteClusterRequest, ai.michelangelo.api.v2.Cluster>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "DeleteCluster"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.DeleteClusterRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.Cluster.getDefaultInstance()))
              .setSchemaDescriptor(new ClusterServiceMethodDescriptorSupplier("DeleteCluster"))
              .build();
        }
      }
    }
    return getDeleteClusterMethod;
  }

  private static volatile io.grpc.MethodDescriptor<ai.michelangelo.api.v2.DeleteClusterCollectionRequest,
      ai.michelangelo.api.v2.ClusterList> getDeleteClusterCollectionMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "DeleteClusterCollection",
      requestType = ai.michelangelo.api.v2.DeleteClusterCollectionRequest.class,
      responseType = ai.michelangelo.api.v2.ClusterList.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<ai.michelangelo.api.v2.DeleteClusterCollectionRequest,
      ai.michelangelo.api.v2.ClusterList> getDeleteClusterCollectionMethod() {
    io.grpc.MethodDescriptor<ai.michelangelo.api.v2.DeleteClusterCollectionRequest, ai.michelangelo.api.v2.ClusterList> getDeleteClusterCollectionMethod;
    if ((getDeleteClusterCollectionMethod = ClusterServiceGrpc.getDeleteClusterCollectionMethod) == null) {
      synchronized (ClusterServiceGrpc.class) {
        if ((getDeleteClusterCollectionMethod = ClusterServiceGrpc.getDeleteClusterCollectionMethod) == null) {
          ClusterServiceGrpc.getDeleteClusterCollectionMethod = getDeleteClusterCollectionMethod =
              io.grpc.MethodDescriptor.<ai.michelangelo.api.v2.DeleteClusterCollectionRequest, ai.michelangelo.api.v2.ClusterList>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "DeleteClusterCollection"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.DeleteClusterCollectionRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.ClusterList.getDefaultInstance()))
              .setSchemaDescriptor(new ClusterServiceMethodDescriptorSupplier("DeleteClusterCollection"))
              .build();
        }
      }
    }
    return getDeleteClusterCollectionMethod;
  }

  private static volatile io.grpc.MethodDescriptor<ai.michelangelo.api.v2.ListClustersRequest,
      ai.michelangelo.api.v2.ClusterList> getListClustersMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ListClusters",
      requestType = ai.michelangelo.api.v2.ListClustersRequest.class,
      responseType = ai.michelangelo.api.v2.ClusterList.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<ai.michelangelo.api.v2.ListClustersRequest,
      ai.michelangelo.api.v2.ClusterList> getListClustersMethod() {
    io.grpc.MethodDescriptor<ai.michelangelo.api.v2.ListClustersRequest, ai.michelangelo.api.v2.ClusterList> getListClustersMethod;
    if ((getListClustersMethod = ClusterServiceGrpc.getListClustersMethod) == null) {
      synchronized (ClusterServiceGrpc.class) {
        if ((getListClustersMethod = ClusterServiceGrpc.getListClustersMethod) == null) {
          ClusterServiceGrpc.getListClustersMethod = getListClustersMethod =
              io.grpc.MethodDescriptor.<ai.michelangelo.api.v2.ListClustersRequest, ai.michelangelo.api.v2.ClusterList>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ListClusters"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.ListClustersRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.ClusterList.getDefaultInstance()))
              .setSchemaDescriptor(new ClusterServiceMethodDescriptorSupplier("ListClusters"))
              .build();
        }
      }
    }
    return getListClustersMethod;
  }

  private static volatile io.grpc.MethodDescriptor<ai.michelangelo.api.v2.WatchClustersRequest,
      ai.michelangelo.api.v2.ClusterWatchEvent> getWatchClustersMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "WatchClusters",
      requestType = ai.michelangelo.api.v2.WatchClustersRequest.class,
      responseType = ai.michelangelo.api.v2.ClusterWatchEvent.class,
      methodType = io.grpc.MethodDescriptor.MethodType.SERVER_STREAMING)
  public static io.grpc.MethodDescriptor<ai.michelangelo.api.v2.WatchClustersRequest,
      ai.michelangelo.api.v2.ClusterWatchEvent> getWatchClustersMethod() {
    io.grpc.MethodDescriptor<ai.michelangelo.api.v2.WatchClustersRequest, ai.michelangelo.api.v2.ClusterWatchEvent> getWatchClustersMethod;
    if ((getWatchClustersMethod = ClusterServiceGrpc.getWatchClustersMethod) == null) {
      synchronized (ClusterServiceGrpc.class) {
        if ((getWatchClustersMethod = ClusterServiceGrpc.getWatchClustersMethod) == null) {
          ClusterServiceGrpc.getWatchClustersMethod = getWatchClustersMethod =
              io.grpc.MethodDescriptor.<ai.michelangelo.api.v2.WatchClustersRequest, ai.michelangelo.api.v2.ClusterWatchEvent>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.SERVER_STREAMING)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "WatchClusters"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.WatchClustersRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.ClusterWatchEvent.getDefaultInstance()))
              .setSchemaDescriptor(new ClusterServiceMethodDescriptorSupplier("WatchClusters"))
              .build();
        }
      }
    }
    return getWatchClustersMethod;
  }

  /**
   * Creates a new async stub that supports all call types for the service
   */
  public static ClusterServiceStub newStub(io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<ClusterServiceStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<ClusterServiceStub>() {
        @java.lang.Override
        public ClusterServiceStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new ClusterServiceStub(channel, callOptions);
        }
      };
    return ClusterServiceStub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports unary and streaming output calls on the service
   */
  public static ClusterServiceBlockingStub newBlockingStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<ClusterServiceBlockingStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<ClusterServiceBlockingStub>() {
        @java.lang.Override
        public ClusterServiceBlockingStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new ClusterServiceBlockingStub(channel, callOptions);
        }
      };
    return ClusterServiceBlockingStub.newStub(factory, channel);
  }

  /**
   * Creates a new ListenableFuture-style stub that supports unary calls on the service
   */
  public static ClusterServiceFutureStub newFutureStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<ClusterServiceFutureStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<ClusterServiceFutureStub>() {
        @java.lang.Override
        public ClusterServiceFutureStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new ClusterServiceFutureStub(channel, callOptions);
        }
      };
    return ClusterServiceFutureStub.newStub(factory, channel);
  }

  /**
   * <pre>
   * ClusterService manages clusters. Writes use optimistic concurrency on
   * metadata.resource_version; reads and watches follow the Kubernetes API conventions.
   * </pre>
   */
  public interface AsyncService {

    /**
     * <pre>
     * CreateCluster stores a new cluster. The server sets uid, creation_timestamp,
     * resource_version and generation; an existing name gives ALREADY_EXISTS.
     * </pre>
     */
    default void createCluster(ai.michelangelo.api.v2.CreateClusterRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.Cluster> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getCreateClusterMethod(), responseObserver);
    }

    /**
     * <pre>
     * GetCluster returns one cluster; NOT_FOUND when it does not exist.
     * </pre>
     */
    default void getCluster(ai.michelangelo.api.v2.GetClusterRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.Cluster> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getGetClusterMethod(), responseObserver);
    }

    /**
     * <pre>
     * UpdateCluster replaces the spec, metadata labels, annotations and finalizers of
     * a cluster. A stale metadata.resource_version gives ABORTED; status is ignored.
     * </pre>
     */
    default void updateCluster(ai.michelangelo.api.v2.UpdateClusterRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.Cluster> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getUpdateClusterMethod(), responseObserver);
    }

    /**
     * <pre>
     * UpdateClusterStatus replaces only the status of a cluster, with the same
     * optimistic concurrency as UpdateCluster.
     * </pre>
     */
    default void updateClusterStatus(ai.michelangelo.api.v2.UpdateClusterStatusRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.Cluster> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getUpdateClusterStatusMethod(), responseObserver);
    }

    /**
     * <pre>
     * DeleteCluster removes a cluster. With finalizers present it only sets
     * metadata.deletion_timestamp and returns the object, which stays until its
     * finalizers are removed.
     * </pre>
     */
    default void deleteCluster(ai.michelangelo.api.v2.DeleteClusterRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.Cluster> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getDeleteClusterMethod(), responseObserver);
    }

    /**
     * <pre>
     * DeleteClusterCollection deletes every cluster in a namespace matching the
     * list options and returns what it deleted.
     * </pre>
     */
    default void deleteClusterCollection(ai.michelangelo.api.v2.DeleteClusterCollectionRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.ClusterList> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getDeleteClusterCollectionMethod(), responseObserver);
    }

    /**
     * <pre>
     * ListClusters returns one page of clusters; follow metadata.continue_token
     * for the next page. An empty namespace lists all namespaces.
     * </pre>
     */
    default void listClusters(ai.michelangelo.api.v2.ListClustersRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.ClusterList> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getListClustersMethod(), responseObserver);
    }

    /**
     * <pre>
     * WatchClusters streams every change to clusters after the given resource
     * version, in order. A version older than the server keeps gives OUT_OF_RANGE:
     * list again and watch from the list's version.
     * </pre>
     */
    default void watchClusters(ai.michelangelo.api.v2.WatchClustersRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.ClusterWatchEvent> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getWatchClustersMethod(), responseObserver);
    }
  }

  /**
   * Base class for the server implementation of the service ClusterService.
   * <pre>
   * ClusterService manages clusters. Writes use optimistic concurrency on
   * metadata.resource_version; reads and watches follow the Kubernetes API conventions.
   * </pre>
   */
  public static abstract class ClusterServiceImplBase
      implements io.grpc.BindableService, AsyncService {

    @java.lang.Override public final io.grpc.ServerServiceDefinition bindService() {
      return ClusterServiceGrpc.bindService(this);
    }
  }

  /**
   * A stub to allow clients to do asynchronous rpc calls to service ClusterService.
   * <pre>
   * ClusterService manages clusters. Writes use optimistic concurrency on
   * metadata.resource_version; reads and watches follow the Kubernetes API conventions.
   * </pre>
   */
  public static final class ClusterServiceStub
      extends io.grpc.stub.AbstractAsyncStub<ClusterServiceStub> {
    private ClusterServiceStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected ClusterServiceStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new ClusterServiceStub(channel, callOptions);
    }

    /**
     * <pre>
     * CreateCluster stores a new cluster. The server sets uid, creation_timestamp,
     * resource_version and generation; an existing name gives ALREADY_EXISTS.
     * </pre>
     */
    public void createCluster(ai.michelangelo.api.v2.CreateClusterRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.Cluster> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getCreateClusterMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * GetCluster returns one cluster; NOT_FOUND when it does not exist.
     * </pre>
     */
    public void getCluster(ai.michelangelo.api.v2.GetClusterRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.Cluster> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getGetClusterMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * UpdateCluster replaces the spec, metadata labels, annotations and finalizers of
     * a cluster. A stale metadata.resource_version gives ABORTED; status is ignored.
     * </pre>
     */
    public void updateCluster(ai.michelangelo.api.v2.UpdateClusterRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.Cluster> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getUpdateClusterMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * UpdateClusterStatus replaces only the status of a cluster, with the same
     * optimistic concurrency as UpdateCluster.
     * </pre>
     */
    public void updateClusterStatus(ai.michelangelo.api.v2.UpdateClusterStatusRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.Cluster> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getUpdateClusterStatusMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * DeleteCluster removes a cluster. With finalizers present it only sets
     * metadata.deletion_timestamp and returns the object, which stays until its
     * finalizers are removed.
     * </pre>
     */
    public void deleteCluster(ai.michelangelo.api.v2.DeleteClusterRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.Cluster> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getDeleteClusterMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * DeleteClusterCollection deletes every cluster in a namespace matching the
     * list options and returns what it deleted.
     * </pre>
     */
    public void deleteClusterCollection(ai.michelangelo.api.v2.DeleteClusterCollectionRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.ClusterList> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getDeleteClusterCollectionMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * ListClusters returns one page of clusters; follow metadata.continue_token
     * for the next page. An empty namespace lists all namespaces.
     * </pre>
     */
    public void listClusters(ai.michelangelo.api.v2.ListClustersRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.ClusterList> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getListClustersMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * WatchClusters streams every change to clusters after the given resource
     * version, in order. A version older than the server keeps gives OUT_OF_RANGE:
     * list again and watch from the list's version.
     * </pre>
     */
    public void watchClusters(ai.michelangelo.api.v2.WatchClustersRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.ClusterWatchEvent> responseObserver) {
      io.grpc.stub.ClientCalls.asyncServerStreamingCall(
          getChannel().newCall(getWatchClustersMethod(), getCallOptions()), request, responseObserver);
    }
  }

  /**
   * A stub to allow clients to do synchronous rpc calls to service ClusterService.
   * <pre>
   * ClusterService manages clusters. Writes use optimistic concurrency on
   * metadata.resource_version; reads and watches follow the Kubernetes API conventions.
   * </pre>
   */
  public static final class ClusterServiceBlockingStub
      extends io.grpc.stub.AbstractBlockingStub<ClusterServiceBlockingStub> {
    private ClusterServiceBlockingStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected ClusterServiceBlockingStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new ClusterServiceBlockingStub(channel, callOptions);
    }

    /**
     * <pre>
     * CreateCluster stores a new cluster. The server sets uid, creation_timestamp,
     * resource_version and generation; an existing name gives ALREADY_EXISTS.
     * </pre>
     */
    public ai.michelangelo.api.v2.Cluster createCluster(ai.michelangelo.api.v2.CreateClusterRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getCreateClusterMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * GetCluster returns one cluster; NOT_FOUND when it does not exist.
     * </pre>
     */
    public ai.michelangelo.api.v2.Cluster getCluster(ai.michelangelo.api.v2.GetClusterRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getGetClusterMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * UpdateCluster replaces the spec, metadata labels, annotations and finalizers of
     * a cluster. A stale metadata.resource_version gives ABORTED; status is ignored.
     * </pre>
     */
    public ai.michelangelo.api.v2.Cluster updateCluster(ai.michelangelo.api.v2.UpdateClusterRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getUpdateClusterMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * UpdateClusterStatus replaces only the status of a cluster, with the same
     * optimistic concurrency as UpdateCluster.
     * </pre>
     */
    public ai.michelangelo.api.v2.Cluster updateClusterStatus(ai.michelangelo.api.v2.UpdateClusterStatusRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getUpdateClusterStatusMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * DeleteCluster removes a cluster. With finalizers present it only sets
     * metadata.deletion_timestamp and returns the object, which stays until its
     * finalizers are removed.
     * </pre>
     */
    public ai.michelangelo.api.v2.Cluster deleteCluster(ai.michelangelo.api.v2.DeleteClusterRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getDeleteClusterMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * DeleteClusterCollection deletes every cluster in a namespace matching the
     * list options and returns what it deleted.
     * </pre>
     */
    public ai.michelangelo.api.v2.ClusterList deleteClusterCollection(ai.michelangelo.api.v2.DeleteClusterCollectionRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getDeleteClusterCollectionMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * ListClusters returns one page of clusters; follow metadata.continue_token
     * for the next page. An empty namespace lists all namespaces.
     * </pre>
     */
    public ai.michelangelo.api.v2.ClusterList listClusters(ai.michelangelo.api.v2.ListClustersRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getListClustersMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * WatchClusters streams every change to clusters after the given resource
     * version, in order. A version older than the server keeps gives OUT_OF_RANGE:
     * list again and watch from the list's version.
     * </pre>
     */
    public java.util.Iterator<ai.michelangelo.api.v2.ClusterWatchEvent> watchClusters(
        ai.michelangelo.api.v2.WatchClustersRequest request) {
      return io.grpc.stub.ClientCalls.blockingServerStreamingCall(
          getChannel(), getWatchClustersMethod(), getCallOptions(), request);
    }
  }

  /**
   * A stub to allow clients to do ListenableFuture-style rpc calls to service ClusterService.
   * <pre>
   * ClusterService manages clusters. Writes use optimistic concurrency on
   * metadata.resource_version; reads and watches follow the Kubernetes API conventions.
   * </pre>
   */
  public static final class ClusterServiceFutureStub
      extends io.grpc.stub.AbstractFutureStub<ClusterServiceFutureStub> {
    private ClusterServiceFutureStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected ClusterServiceFutureStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new ClusterServiceFutureStub(channel, callOptions);
    }

    /**
     * <pre>
     * CreateCluster stores a new cluster. The server sets uid, creation_timestamp,
     * resource_version and generation; an existing name gives ALREADY_EXISTS.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<ai.michelangelo.api.v2.Cluster> createCluster(
        ai.michelangelo.api.v2.CreateClusterRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getCreateClusterMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * GetCluster returns one cluster; NOT_FOUND when it does not exist.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<ai.michelangelo.api.v2.Cluster> getCluster(
        ai.michelangelo.api.v2.GetClusterRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getGetClusterMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * UpdateCluster replaces the spec, metadata labels, annotations and finalizers of
     * a cluster. A stale metadata.resource_version gives ABORTED; status is ignored.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<ai.michelangelo.api.v2.Cluster> updateCluster(
        ai.michelangelo.api.v2.UpdateClusterRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getUpdateClusterMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * UpdateClusterStatus replaces only the status of a cluster, with the same
     * optimistic concurrency as UpdateCluster.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<ai.michelangelo.api.v2.Cluster> updateClusterStatus(
        ai.michelangelo.api.v2.UpdateClusterStatusRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getUpdateClusterStatusMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * DeleteCluster removes a cluster. With finalizers present it only sets
     * metadata.deletion_timestamp and returns the object, which stays until its
     * finalizers are removed.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<ai.michelangelo.api.v2.Cluster> deleteCluster(
        ai.michelangelo.api.v2.DeleteClusterRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getDeleteClusterMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * DeleteClusterCollection deletes every cluster in a namespace matching the
     * list options and returns what it deleted.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<ai.michelangelo.api.v2.ClusterList> deleteClusterCollection(
        ai.michelangelo.api.v2.DeleteClusterCollectionRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getDeleteClusterCollectionMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * ListClusters returns one page of clusters; follow metadata.continue_token
     * for the next page. An empty namespace lists all namespaces.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<ai.michelangelo.api.v2.ClusterList> listClusters(
        ai.michelangelo.api.v2.ListClustersRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getListClustersMethod(), getCallOptions()), request);
    }
  }

  private static final int METHODID_CREATE_CLUSTER = 0;
  private static final int METHODID_GET_CLUSTER = 1;
  private static final int METHODID_UPDATE_CLUSTER = 2;
  private static final int METHODID_UPDATE_CLUSTER_STATUS = 3;
  private static final int METHODID_DELETE_CLUSTER = 4;
  private static final int METHODID_DELETE_CLUSTER_COLLECTION = 5;
  private static final int METHODID_LIST_CLUSTERS = 6;
  private static final int METHODID_WATCH_CLUSTERS = 7;

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
        case METHODID_CREATE_CLUSTER:
          serviceImpl.createCluster((ai.michelangelo.api.v2.CreateClusterRequest) request,
              (io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.Cluster>) responseObserver);
          break;
        case METHODID_GET_CLUSTER:
          serviceImpl.getCluster((ai.michelangelo.api.v2.GetClusterRequest) request,
              (io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.Cluster>) responseObserver);
          break;
        case METHODID_UPDATE_CLUSTER:
          serviceImpl.updateCluster((ai.michelangelo.api.v2.UpdateClusterRequest) request,
              (io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.Cluster>) responseObserver);
          break;
        case METHODID_UPDATE_CLUSTER_STATUS:
          serviceImpl.updateClusterStatus((ai.michelangelo.api.v2.UpdateClusterStatusRequest) request,
              (io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.Cluster>) responseObserver);
          break;
        case METHODID_DELETE_CLUSTER:
          serviceImpl.deleteCluster((ai.michelangelo.api.v2.DeleteClusterRequest) request,
              (io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.Cluster>) responseObserver);
          break;
        case METHODID_DELETE_CLUSTER_COLLECTION:
          serviceImpl.deleteClusterCollection((ai.michelangelo.api.v2.DeleteClusterCollectionRequest) request,
              (io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.ClusterList>) responseObserver);
          break;
        case METHODID_LIST_CLUSTERS:
          serviceImpl.listClusters((ai.michelangelo.api.v2.ListClustersRequest) request,
              (io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.ClusterList>) responseObserver);
          break;
        case METHODID_WATCH_CLUSTERS:
          serviceImpl.watchClusters((ai.michelangelo.api.v2.WatchClustersRequest) request,
              (io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.ClusterWatchEvent>) responseObserver);
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
          getCreateClusterMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              ai.michelangelo.api.v2.CreateClusterRequest,
              ai.michelangelo.api.v2.Cluster>(
                service, METHODID_CREATE_CLUSTER)))
        .addMethod(
          getGetClusterMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              ai.michelangelo.api.v2.GetClusterRequest,
              ai.michelangelo.api.v2.Cluster>(
                service, METHODID_GET_CLUSTER)))
        .addMethod(
          getUpdateClusterMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              ai.michelangelo.api.v2.UpdateClusterRequest,
              ai.michelangelo.api.v2.Cluster>(
                service, METHODID_UPDATE_CLUSTER)))
        .addMethod(
          getUpdateClusterStatusMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              ai.michelangelo.api.v2.UpdateClusterStatusRequest,
              ai.michelangelo.api.v2.Cluster>(
                service, METHODID_UPDATE_CLUSTER_STATUS)))
        .addMethod(
          getDeleteClusterMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              ai.michelangelo.api.v2.DeleteClusterRequest,
              ai.michelangelo.api.v2.Cluster>(
                service, METHODID_DELETE_CLUSTER)))
        .addMethod(
          getDeleteClusterCollectionMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              ai.michelangelo.api.v2.DeleteClusterCollectionRequest,
              ai.michelangelo.api.v2.ClusterList>(
                service, METHODID_DELETE_CLUSTER_COLLECTION)))
        .addMethod(
          getListClustersMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              ai.michelangelo.api.v2.ListClustersRequest,
              ai.michelangelo.api.v2.ClusterList>(
                service, METHODID_LIST_CLUSTERS)))
        .addMethod(
          getWatchClustersMethod(),
          io.grpc.stub.ServerCalls.asyncServerStreamingCall(
            new MethodHandlers<
              ai.michelangelo.api.v2.WatchClustersRequest,
              ai.michelangelo.api.v2.ClusterWatchEvent>(
                service, METHODID_WATCH_CLUSTERS)))
        .build();
  }

  private static abstract class ClusterServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoFileDescriptorSupplier, io.grpc.protobuf.ProtoServiceDescriptorSupplier {
    ClusterServiceBaseDescriptorSupplier() {}

    @java.lang.Override
    public com.google.protobuf.Descriptors.FileDescriptor getFileDescriptor() {
      return ai.michelangelo.api.v2.ClusterSvcProto.getDescriptor();
    }

    @java.lang.Override
    public com.google.protobuf.Descriptors.ServiceDescriptor getServiceDescriptor() {
      return getFileDescriptor().findServiceByName("ClusterService");
    }
  }

  private static final class ClusterServiceFileDescriptorSupplier
      extends ClusterServiceBaseDescriptorSupplier {
    ClusterServiceFileDescriptorSupplier() {}
  }

  private static final class ClusterServiceMethodDescriptorSupplier
      extends ClusterServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoMethodDescriptorSupplier {
    private final java.lang.String methodName;

    ClusterServiceMethodDescriptorSupplier(java.lang.String methodName) {
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
      synchronized (ClusterServiceGrpc.class) {
        result = serviceDescriptor;
        if (result == null) {
          serviceDescriptor = result = io.grpc.ServiceDescriptor.newBuilder(SERVICE_NAME)
              .setSchemaDescriptor(new ClusterServiceFileDescriptorSupplier())
              .addMethod(getCreateClusterMethod())
              .addMethod(getGetClusterMethod())
              .addMethod(getUpdateClusterMethod())
              .addMethod(getUpdateClusterStatusMethod())
              .addMethod(getDeleteClusterMethod())
              .addMethod(getDeleteClusterCollectionMethod())
              .addMethod(getListClustersMethod())
              .addMethod(getWatchClustersMethod())
              .build();
        }
      }
    }
    return result;
  }
}
