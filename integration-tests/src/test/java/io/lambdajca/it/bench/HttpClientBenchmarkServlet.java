package io.lambdajca.it.bench;

import java.io.IOException;
import java.net.URI;
import java.util.Arrays;

import io.lambdajca.api.LambdaConnectionFactory;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Runs {@link HttpClientBenchmark} in the server and answers its figures as text. The connection definition's pool
 * (60) is larger than the most callers (16), so that no caller waits for a connection.
 */
@WebServlet("/clients")
public class HttpClientBenchmarkServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Resource(lookup = "java:/lambda/LargePool")
    private LambdaConnectionFactory lambda;

    @Resource
    @SuppressWarnings("serial") // injected by the container; this servlet is never serialized
    private ManagedThreadFactory threads;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        try {
            String report = new HttpClientBenchmark(lambda, threads, URI.create(req.getParameter("endpoint")),
                    req.getParameter("accessKey"), req.getParameter("secretKey"))
                    .run(req.getParameter("client"), ints(req.getParameter("callers")), ints(req.getParameter("sizes")),
                            Integer.parseInt(req.getParameter("warmup")), Integer.parseInt(req.getParameter("round")),
                            Integer.parseInt(req.getParameter("rounds")));
            resp.setContentType("text/plain");
            resp.getWriter().write(report);
        } catch (Exception e) {
            throw new IOException(e);
        }
    }

    private static int[] ints(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(",")).mapToInt(Integer::parseInt).toArray();
    }
}
