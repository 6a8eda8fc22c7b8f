package io.lambdajca.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import io.lambdajca.api.InvocationStream;
import io.lambdajca.api.LambdaException;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code GET /stream?function=F&payload=P}: the EJB starts F with response streaming and this servlet copies the
 * stream to its response as it arrives, flushing each chunk, and records how the copy ended (complete, the client
 * gone, the function failed). {@code GET /stream?outcomes} answers those records, one a line.
 */
@WebServlet("/stream")
public class StreamServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    private StreamCaller caller;

    @Inject
    private StreamOutcomes outcomes;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setContentType("text/plain;charset=utf-8");
        if (req.getParameter("outcomes") != null) {
            resp.getWriter().write(String.join("\n", outcomes.all()));
            return;
        }
        String function = req.getParameter("function");
        InvocationStream stream;
        try {
            stream = caller.open(function, req.getParameter("payload"));
        } catch (LambdaException e) {
            resp.sendError(502, e.getClass().getName() + ": " + e.getMessage());
            return;
        }
        long copied = 0;
        try (InvocationStream s = stream) {
            InputStream in = s.inputStream();
            OutputStream out = resp.getOutputStream();
            byte[] buffer = new byte[8192];
            int n;
            while ((n = read(in, buffer, function, copied)) != -1) {
                try {
                    out.write(buffer, 0, n);
                    out.flush();
                } catch (IOException clientGone) {
                    outcomes.add(function + " client gone after " + copied + " bytes, stream complete: "
                            + s.isComplete());
                    return;
                }
                copied += n;
            }
            outcomes.add(function + " complete after " + copied + " bytes");
        }
    }

    private int read(InputStream in, byte[] buffer, String function, long copied) throws IOException {
        try {
            return in.read(buffer);
        } catch (LambdaException e) {
            outcomes.add(function + " failed after " + copied + " bytes: " + e.getClass().getName());
            throw e;
        }
    }
}
