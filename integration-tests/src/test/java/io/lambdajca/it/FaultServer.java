package io.lambdajca.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Arrays;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.CRC32;

/**
 * A Lambda endpoint that goes wrong in one way per port, as a broken proxy, load balancer or network would: a raw
 * socket server on 127.0.0.1 (one ephemeral port per {@link Fault}, one thread per connection) that answers every
 * request with a valid Lambda answer, or, while told {@link #faulty(Fault, boolean) faulty}, with its fault. It counts
 * the requests each fault answered. Healthy by default, so that the adapter's warm-up at activation passes quickly.
 * Client side only; {@link #close()} ends every connection and thread.
 */
final class FaultServer implements AutoCloseable {

    /** How one port goes wrong. The proxy cases send no AWS headers; the others answer as Lambda would. */
    enum Fault {
        /** A proxy's HTML 502 page, no AWS headers. */
        HTML_502,
        /** A JSON 500 with a request id but no error type (no x-amzn-ErrorType, no __type). */
        JSON_500,
        /** A 400 whose body claims to be JSON but is not. */
        GARBAGE_400,
        /** A captive portal's HTML page, with status 200. */
        HTML_200,
        /** A proxy's 429 in plain text: no AWS error code. */
        PLAIN_429,
        /** A 200 whose Content-Length promises more than is sent before the connection closes. */
        TRUNCATED,
        /** A 200 of which part is sent, then the connection is reset (RST). */
        RESET,
        /** A valid 200 whose x-amz-crc32 does not match its body. */
        CHECKSUM,
        /** A 200 whose body comes one byte every 500 ms, never finishing in time. */
        DRIP,
        /** Accepts the request and never answers. */
        SILENT,
        /** Like SILENT, for an invocation (which must not be sent twice). */
        SILENT_INVOKE;

        /** The connection definition's pool name. */
        String pool() {
            StringBuilder b = new StringBuilder("Fault");
            for (String part : name().toLowerCase(Locale.ROOT).split("_")) {
                b.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
            return b.toString();
        }

        String jndi() {
            return "java:/lambda/" + pool();
        }
    }

    static final long DRIP_INTERVAL_MILLIS = 500;
    private static final String ARN = "arn:aws:lambda:us-east-1:123456789012:function:";

    private final Map<Fault, ServerSocket> listeners = new EnumMap<>(Fault.class);
    private final Map<Fault, AtomicInteger> faultyAnswers = new EnumMap<>(Fault.class);
    private final Set<Fault> faulty = ConcurrentHashMap.newKeySet();
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    private FaultServer() {
    }

    static FaultServer start() throws IOException {
        FaultServer server = new FaultServer();
        try {
            for (Fault fault : Fault.values()) {
                ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
                server.listeners.put(fault, socket);
                server.faultyAnswers.put(fault, new AtomicInteger());
                Thread acceptor = new Thread(() -> server.accept(fault, socket), "fault-accept-" + fault);
                acceptor.setDaemon(true);
                acceptor.start();
            }
        } catch (IOException e) {
            server.close();
            throw e;
        }
        return server;
    }

    /** The endpoint URL of that fault's port. */
    String endpoint(Fault fault) {
        return "http://127.0.0.1:" + listeners.get(fault).getLocalPort();
    }

    /** Whether that port answers with its fault from now on (for requests whose head arrives after this). */
    void faulty(Fault fault, boolean on) {
        if (on) {
            faulty.add(fault);
        } else {
            faulty.remove(fault);
        }
    }

    /** How many requests that port answered with its fault. */
    int faultyAnswers(Fault fault) {
        return faultyAnswers.get(fault).get();
    }

    @Override
    public void close() {
        closed = true;
        for (ServerSocket s : listeners.values()) {
            quietly(s);
        }
        for (Socket s : open) {
            quietly(s);
        }
    }

    private void accept(Fault fault, ServerSocket listener) {
        while (!closed) {
            try {
                Socket socket = listener.accept();
                open.add(socket);
                Thread t = new Thread(() -> serve(fault, socket), "fault-" + fault);
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    /** Answers the requests of one connection until the client or a fault ends it. */
    private void serve(Fault fault, Socket socket) {
        try (socket) {
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            while (!closed) {
                Request request = Request.read(in, out);
                if (request == null) {
                    return;
                }
                if (!faulty.contains(fault)) {
                    send(out, 200, "OK", "application/json", validAnswer(request), lambdaHeaders(request));
                    continue;
                }
                faultyAnswers.get(fault).incrementAndGet();
                if (!answerWithFault(fault, request, socket, in, out)) {
                    return;
                }
            }
        } catch (IOException e) {
            // the client went away, or close() ended the connection
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            open.remove(socket);
        }
    }

    /** Sends the fault; true when the connection can carry on. */
    private boolean answerWithFault(Fault fault, Request request, Socket socket, InputStream in, OutputStream out)
            throws IOException, InterruptedException {
        switch (fault) {
            case HTML_502:
                send(out, 502, "Bad Gateway", "text/html", ("<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n"
                        + "<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n"
                        + "</body>\r\n</html>\r\n").getBytes(StandardCharsets.US_ASCII), "Server: nginx\r\n");
                return true;
            case JSON_500:
                send(out, 500, "Internal Server Error", "application/json",
                        "{\"message\":\"Internal server error\"}".getBytes(StandardCharsets.UTF_8),
                        "x-amzn-RequestId: " + UUID.randomUUID() + "\r\n");
                return true;
            case GARBAGE_400:
                send(out, 400, "Bad Request", "application/json",
                        "Bad Request \u0001\u0002 {{not json at all".getBytes(StandardCharsets.ISO_8859_1),
                        "Server: proxy\r\n");
                return true;
            case HTML_200:
                send(out, 200, "OK", "text/html", ("<html><head><title>Log in to the guest network</title></head>"
                        + "<body>Accept the terms to continue</body></html>").getBytes(StandardCharsets.US_ASCII),
                        "Server: portal\r\n");
                return true;
            case PLAIN_429:
                send(out, 429, "Too Many Requests", "text/plain",
                        "Too Many Requests: slow down".getBytes(StandardCharsets.US_ASCII), "Server: proxy\r\n");
                return true;
            case TRUNCATED: {
                byte[] body = validAnswer(request);
                out.write(head(200, "OK", "application/json", body.length, lambdaHeaders(request)));
                out.write(body, 0, body.length / 3);
                out.flush();
                return false; // closed (FIN) with two thirds of the body missing
            }
            case RESET: {
                byte[] body = validAnswer(request);
                out.write(head(200, "OK", "application/json", body.length, lambdaHeaders(request)));
                out.write(body, 0, body.length / 3);
                out.flush();
                socket.setSoLinger(true, 0); // close() now sends RST
                return false;
            }
            case CHECKSUM: {
                byte[] body = validAnswer(request);
                CRC32 crc = new CRC32();
                crc.update(body);
                send(out, 200, "OK", "application/json", body, lambdaHeaders(request).replace("x-amz-crc32: "
                        + crc.getValue(), "x-amz-crc32: " + (crc.getValue() ^ 0x5a5a)));
                return true;
            }
            case DRIP: {
                byte[] body = validAnswer(request);
                byte[] padded = new byte[body.length + 10_000];
                System.arraycopy(body, 0, padded, 0, body.length);
                Arrays.fill(padded, body.length, padded.length, (byte) ' ');
                out.write(head(200, "OK", "application/json", padded.length, lambdaHeaders(request)));
                out.flush();
                for (byte b : padded) {
                    out.write(b);
                    out.flush();
                    Thread.sleep(DRIP_INTERVAL_MILLIS); // the fault itself: a byte every 500 ms
                }
                return false;
            }
            case SILENT:
            case SILENT_INVOKE:
                while (in.read() >= 0) {
                    // never answers; ends when the client gives up or the server closes
                }
                return false;
            default:
                throw new IllegalStateException(fault.name());
        }
    }

    /** A valid GetFunction, ListFunctions or Invoke answer for the request. */
    private static byte[] validAnswer(Request request) {
        String json;
        if (request.path().endsWith("/invocations")) {
            json = "{\"ok\":true}";
        } else if (request.path().startsWith("/2015-03-31/functions/") && request.path().length() > 22) {
            json = "{\"Configuration\":" + configuration(request.functionName()) + ",\"Code\":{\"RepositoryType\":"
                    + "\"S3\",\"Location\":\"https://example.invalid/code.zip\"}}";
        } else {
            json = "{\"Functions\":[" + configuration("healthy") + "]}";
        }
        return json.getBytes(StandardCharsets.UTF_8);
    }

    private static String configuration(String name) {
        return "{\"FunctionName\":\"" + name + "\",\"FunctionArn\":\"" + ARN + name + "\",\"Runtime\":\"java17\","
                + "\"Handler\":\"example.Handler\",\"MemorySize\":128,\"Timeout\":3,\"CodeSize\":1024,"
                + "\"LastModified\":\"2026-01-01T00:00:00.000+0000\",\"Version\":\"$LATEST\"}";
    }

    /** The headers Lambda sends with an answer (the checksum is of the valid body). */
    private static String lambdaHeaders(Request request) {
        byte[] body = validAnswer(request);
        CRC32 crc = new CRC32();
        crc.update(body);
        String headers = "x-amzn-RequestId: " + UUID.randomUUID() + "\r\nx-amz-crc32: " + crc.getValue() + "\r\n";
        return request.path().endsWith("/invocations") ? headers + "X-Amz-Executed-Version: $LATEST\r\n" : headers;
    }

    private static void send(OutputStream out, int status, String reason, String type, byte[] body, String headers)
            throws IOException {
        out.write(head(status, reason, type, body.length, headers));
        out.write(body);
        out.flush();
    }

    private static byte[] head(int status, String reason, String type, int length, String headers) {
        return ("HTTP/1.1 " + status + " " + reason + "\r\nContent-Type: " + type + "\r\nContent-Length: " + length
                + "\r\n" + headers + "\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    private static void quietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // closing anyway
        }
    }

    /** A request's path (its body read and dropped), as far as HTTP/1.1 with Content-Length needs. */
    private record Request(String path) {

        String functionName() {
            String rest = path.substring("/2015-03-31/functions/".length());
            int end = rest.indexOf('/');
            return end < 0 ? rest : rest.substring(0, end);
        }

        /** The next request on the connection, or null at its end; a 100-continue is granted. */
        static Request read(InputStream in, OutputStream out) throws IOException {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            int matched = 0;
            while (matched < 4) {
                int b = in.read();
                if (b < 0) {
                    return null;
                }
                head.write(b);
                matched = b == (matched % 2 == 0 ? '\r' : '\n') ? matched + 1 : b == '\r' ? 1 : 0;
            }
            String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
            String[] requestLine = lines[0].split(" ");
            int length = 0;
            for (String line : lines) {
                String lower = line.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Integer.parseInt(line.substring(15).trim());
                } else if (lower.startsWith("expect:") && lower.contains("100-continue")) {
                    out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                }
            }
            in.readNBytes(length);
            String target = requestLine[1];
            int query = target.indexOf('?');
            return new Request(query < 0 ? target : target.substring(0, query));
        }
    }
}
