package io.isthmus.sim.opcua;

import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.milo.opcua.stack.core.transport.TransportProfile;
import org.eclipse.milo.opcua.stack.transport.server.OpcServerTransport;
import org.eclipse.milo.opcua.stack.transport.server.OpcServerTransportFactory;
import org.eclipse.milo.opcua.stack.transport.server.ServerApplicationContext;
import org.eclipse.milo.opcua.stack.transport.server.tcp.OpcTcpServerTransport;
import org.eclipse.milo.opcua.stack.transport.server.tcp.OpcTcpServerTransportConfig;

/**
 * Creates the opc.tcp transport on the server's own threads and remembers why a bind failed.
 *
 * <p>{@code OpcUaServer.startup()} only logs a bind failure and then fails with a bare
 * "No endpoints bound"; the recorded cause lets the caller say which address and port were busy.
 */
final class TcpTransportFactory implements OpcServerTransportFactory {

    private final OpcTcpServerTransportConfig config;
    private final AtomicReference<Exception> bindFailure = new AtomicReference<>();

    TcpTransportFactory(ServerThreads threads) {
        config = OpcTcpServerTransportConfig.newBuilder()
                .setEventLoop(threads.eventLoop())
                .setExecutor(threads.executor())
                .build();
    }

    /** Null for any other profile: Milo then skips that endpoint with a warning. */
    @Override
    public OpcServerTransport create(TransportProfile profile) {
        if (profile != TransportProfile.TCP_UASC_UABINARY) {
            return null;
        }
        return new RecordingTransport(new OpcTcpServerTransport(config));
    }

    /** The first exception a bind threw, if any. */
    Optional<Exception> bindFailure() {
        return Optional.ofNullable(bindFailure.get());
    }

    private final class RecordingTransport implements OpcServerTransport {
        private final OpcServerTransport delegate;

        RecordingTransport(OpcServerTransport delegate) {
            this.delegate = delegate;
        }

        @Override
        public void bind(ServerApplicationContext context, InetSocketAddress address) throws Exception {
            try {
                delegate.bind(context, address);
            } catch (Exception e) {
                bindFailure.compareAndSet(null, e);
                throw e;
            }
        }

        @Override
        public void unbind() throws Exception {
            delegate.unbind();
        }
    }
}
