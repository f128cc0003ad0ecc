package io.vocedge.gateway.http;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import org.eclipse.jetty.io.EndPoint;

/** Finds the network end point under TLS wrappers, and the client address of a connection. */
final class ConnectionEndpoints {
    private ConnectionEndpoints() {}

    /** The socket's own end point: TLS wraps it in a decrypting end point on which HTTP runs. */
    static EndPoint network(EndPoint ep) {
        EndPoint e = ep;
        while (e instanceof EndPoint.Wrapper w && w.unwrap() != null && w.unwrap() != e) {
            e = w.unwrap();
        }
        return e;
    }

    static boolean isNetworkLevel(EndPoint ep) {
        return network(ep) == ep;
    }

    /** The client's IP address, or null for a non-IP transport. */
    static InetAddress clientAddress(EndPoint ep) {
        SocketAddress a = ep.getRemoteSocketAddress();
        return a instanceof InetSocketAddress i ? i.getAddress() : null;
    }
}
