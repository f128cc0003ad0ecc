package io.vocedge.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback TCP relay in front of a real server (PostgreSQL) that a test can take down and bring back, so the
 * client sees exactly what a stopped server looks like - established connections reset, new ones refused - without
 * stopping a server other tests share. {@link #down()} closes the listening socket and every relayed connection;
 * {@link #up()} listens on the same port again.
 */
public final class TcpOutage implements AutoCloseable {
    private final String targetHost;
    private final int targetPort;
    private final int port;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile ServerSocket server;

    public TcpOutage(String targetHost, int targetPort) {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.port = FreePorts.next();
        up();
    }

    /** In front of the PostgreSQL server of {@code VOC_TEST_PG}; {@link #jdbcUrl} gives a database's URL through it. */
    public static TcpOutage forPostgres() {
        String[] hostPort =
                System.getenv().getOrDefault("VOC_TEST_PG", "127.0.0.1:5432").split(":");
        return new TcpOutage(hostPort[0], Integer.parseInt(hostPort[1]));
    }

    public int port() {
        return port;
    }

    /** The database's JDBC URL with the host and port replaced by this relay's. */
    public String jdbcUrl(PostgresDatabase db) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + db.name();
    }

    /** Listens again (same port) and relays new connections. */
    public synchronized void up() {
        if (server != null) {
            return;
        }
        try {
            ServerSocket s = new ServerSocket();
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
            server = s;
            Thread.ofPlatform().daemon(true).name("tcp-outage-accept-" + port).start(() -> accept(s));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port, e);
        }
    }

    /** The server "stops": the listener closes (connects are refused) and every relayed connection is cut. */
    public synchronized void down() {
        ServerSocket s = server;
        server = null;
        closeQuietly(s);
        for (Socket c : open) {
            closeQuietly(c);
        }
        open.clear();
    }

    private void accept(ServerSocket s) {
        while (!s.isClosed()) {
            try {
                Socket client = s.accept();
                Socket target = new Socket(targetHost, targetPort);
                open.add(client);
                open.add(target);
                pump(client, target);
                pump(target, client);
            } catch (IOException e) {
                if (!s.isClosed()) {
                    continue;
                }
                return;
            }
        }
    }

    private void pump(Socket from, Socket to) {
        Thread.ofPlatform().daemon(true).name("tcp-outage-pump-" + port).start(() -> {
            byte[] buf = new byte[16 * 1024];
            try (InputStream in = from.getInputStream();
                    OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buf)) >= 0) {
                    out.write(buf, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // cut: fall through and close both sides
            } finally {
                closeQuietly(from);
                closeQuietly(to);
                open.remove(from);
                open.remove(to);
            }
        });
    }

    private static void closeQuietly(java.io.Closeable c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() {
        down();
    }
}
