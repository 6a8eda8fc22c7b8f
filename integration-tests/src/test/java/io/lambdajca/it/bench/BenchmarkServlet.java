package io.lambdajca.it.bench;

import java.io.IOException;
import java.net.URI;

import io.lambdajca.api.LambdaConnectionFactory;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;

/**
 * Runs {@link AdapterBenchmark} (or, given {@code megabytes}, {@link StreamingBenchmark}) in the server and answers its
 * figures as text.
 */
@WebServlet("/benchmark")
public class BenchmarkServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** A pool of 60, as many connections as the raw SDK client's 50 and more than the callers (at most 16). */
    @Resource(lookup = "java:/lambda/LargePool")
    private LambdaConnectionFactory lambda;

    @Resource
    @SuppressWarnings("serial") // injected by the container; this servlet is never serialized
    private ManagedThreadFactory threads;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        try {
            if (req.getParameter("megabytes") != null) {
                String report = new StreamingBenchmark(lambda, URI.create(req.getParameter("endpoint")),
                        req.getParameter("accessKey"), req.getParameter("secretKey"),
                        () -> NettyNioAsyncHttpClient.builder().maxConcurrency(50).build())
                        .run(Integer.parseInt(req.getParameter("megabytes")),
                                Integer.parseInt(req.getParameter("firstBytes")),
                                Integer.parseInt(req.getParameter("rounds")));
                resp.setContentType("text/plain");
                resp.getWriter().write(report);
                return;
            }
            if (req.getParameter("sweep") != null) {
                String report = new AdapterBenchmark(lambda, threads, URI.create(req.getParameter("endpoint")),
                        req.getParameter("accessKey"), req.getParameter("secretKey"))
                        .sweep(AdapterBenchmark.Sweep.of(req::getParameter));
                resp.setContentType("text/plain");
                resp.getWriter().write(report);
                return;
            }
            String report = new AdapterBenchmark(lambda, threads, URI.create(req.getParameter("endpoint")),
                    req.getParameter("accessKey"), req.getParameter("secretKey"))
                    .run(Integer.parseInt(req.getParameter("warmup")), Integer.parseInt(req.getParameter("round")),
                            Integer.parseInt(req.getParameter("rounds")));
            resp.setContentType("text/plain");
            resp.getWriter().write(report);
        } catch (Exception e) {
            throw new IOException(e);
        }
    }
}
