package io.lambdajca.adapter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * An HTTP forward proxy for tests, on 127.0.0.1: it tunnels {@code CONNECT host:port} and relays requests in absolute
 * form ({@code POST http://host:port/path}), as an HTTP client configured with a proxy sends them, to the origin in
 * origin form ({@code POST /path}), one request per connection ({@code Connection: close}). It reaches a
 * target host through {@code routes} (host name to address), so that a test can name an endpoint that only the proxy
 * can reach. Each connection's first line is recorded. One started {@link #requiring} credentials answers a request
 * without them (its {@code Proxy-Authorization}) 407 with a {@code Basic} challenge, as a corporate proxy does, and
 * passes the header on to no origin. One that {@link #inspectingTls inspects TLS}, as some companies' proxies do, ends
 * each tunnel's TLS itself, with a certificate of its own CA for the host asked for, and relays what it decrypts to
 * the origin in plain HTTP. Closing it closes every connection.
 */
final class ForwardProxy implements AutoCloseable {

    private static final int MAX_HEAD = 64 * 1024;

    private final ServerSocket server;
    private final Map<String, String> routes;
    /** The Proxy-Authorization header's value a request must carry, or null for none. */
    private final String authorization;
    /** The TLS with which the proxy ends each tunnel's TLS itself, or null to pass the tunnel's bytes through. */
    private final SSLContext inspecting;
    private final List<String> firstLines = new CopyOnWriteArrayList<>();
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();

    private ForwardProxy(Map<String, String> routes, String authorization, SSLContext inspecting)
            throws IOException {
        this.routes = Map.copyOf(routes);
        this.authorization = authorization;
        this.inspecting = inspecting;
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "forward-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** A proxy reaching each host of {@code routes} at its address (other hosts as themselves). */
    static ForwardProxy start(Map<String, String> routes) throws IOException {
        return new ForwardProxy(routes, null, null);
    }

    /** A proxy like {@link #start} that serves only requests with this user's Basic credentials. */
    static ForwardProxy requiring(String user, String password, Map<String, String> routes) throws IOException {
        return new ForwardProxy(routes, basic(user, password), null);
    }

    /**
     * A proxy like {@link #requiring} that ends each tunnel's TLS with {@code tls} (its certificate the one the client
     * must trust for the host it asks for) and reaches the origin in plain HTTP.
     */
    static ForwardProxy inspectingTls(SSLContext tls, String user, String password, Map<String, String> routes)
            throws IOException {
        return new ForwardProxy(routes, basic(user, password), tls);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    int port() {
        return server.getLocalPort();
    }

    /** The first line of each connection the proxy was asked for, in order. */
    List<String> firstLines() {
        return List.copyOf(firstLines);
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                open.add(client);
                daemon(() -> serve(client), "forward-proxy-serve");
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try {
            InputStream in = client.getInputStream();
            byte[] head = head(in);
            String text = new String(head, StandardCharsets.ISO_8859_1);
            String firstLine = text.substring(0, text.indexOf("\r\n"));
            firstLines.add(firstLine);
            String[] parts = firstLine.split(" ");
            boolean tunnel = parts[0].equals("CONNECT");
            if (authorization != null && !authorization.equals(header(text, "Proxy-Authorization"))) {
                String length = header(text, "Content-Length");
                in.readNBytes(length == null ? 0 : Integer.parseInt(length.trim())); // read whole, then answered
                client.getOutputStream().write(("HTTP/1.1 407 Proxy Authentication Required\r\n"
                        + "Proxy-Authenticate: Basic realm=\"lambdajca-test\"\r\nContent-Length: 0\r\n"
                        + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                close(client);
                return;
            }
            URI target = URI.create(tunnel ? "tcp://" + parts[1] : parts[1]);
            Socket upstream = new Socket(routes.getOrDefault(target.getHost(), target.getHost()), target.getPort());
            open.add(upstream);
            if (tunnel) {
                client.getOutputStream().write("HTTP/1.1 200 Connection established\r\n\r\n"
                        .getBytes(StandardCharsets.ISO_8859_1));
            } else {
                upstream.getOutputStream().write(originForm(text, parts));
            }
            Socket downstream = tunnel && inspecting != null ? endTls(client) : client;
            daemon(() -> pipe(upstream, downstream), "forward-proxy-down");
            pipe(downstream, upstream);
        } catch (IOException | RuntimeException e) {
            close(client);
        }
    }

    /** The client's side of a tunnel with its TLS ended here: the proxy answers the handshake as the origin. */
    private Socket endTls(Socket client) throws IOException {
        SSLSocket secure = (SSLSocket) inspecting.getSocketFactory().createSocket(client,
                client.getInetAddress().getHostAddress(), client.getPort(), true);
        open.add(secure);
        secure.setUseClientMode(false);
        secure.startHandshake();
        return secure;
    }

    /**
     * The head of a request for its origin: the request line with the path and query only, its own connection
     * headers replaced by {@code Connection: close}, so that each request comes to the proxy on a new connection.
     */
    private static byte[] originForm(String head, String[] requestLine) {
        String uri = requestLine[1];
        int path = uri.indexOf('/', uri.indexOf("://") + 3);
        StringBuilder out = new StringBuilder(requestLine[0]).append(' ')
                .append(path < 0 ? "/" : uri.substring(path)).append(' ').append(requestLine[2]).append("\r\n");
        for (String header : head.substring(head.indexOf("\r\n") + 2, head.length() - 4).split("\r\n")) {
            String name = header.substring(0, Math.max(0, header.indexOf(':'))).trim();
            if (!name.isEmpty() && !name.equalsIgnoreCase("Connection") && !name.equalsIgnoreCase("Proxy-Connection")
                    && !name.equalsIgnoreCase("Proxy-Authorization")) {
                out.append(header).append("\r\n");
            }
        }
        return out.append("Connection: close\r\n\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** The value of the head's first header of that name, or null. */
    private static String header(String head, String name) {
        for (String line : head.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                return line.substring(colon + 1).trim();
            }
        }
        return null;
    }

    /** The request line and headers, through the empty line. */
    private static byte[] head(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0 || head.size() == MAX_HEAD) {
                throw new IOException("no complete request head");
            }
            head.write(b);
            matched = b == "\r\n\r\n".charAt(matched) ? matched + 1 : b == '\r' ? 1 : 0;
        }
        return head.toByteArray();
    }

    private void pipe(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException ended) {
            // one side closed
        } finally {
            close(from);
            close(to);
        }
    }

    private void close(Socket socket) {
        open.remove(socket);
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing
        }
    }

    private static void daemon(Runnable task, String name) {
        Thread t = new Thread(task, name);
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : open) {
            close(s);
        }
    }
}
