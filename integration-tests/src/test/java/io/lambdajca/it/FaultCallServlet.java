package io.lambdajca.it;

import java.io.IOException;

import javax.naming.InitialContext;
import javax.naming.NamingException;

import io.lambdajca.api.InvocationRequest;
import io.lambdajca.api.LambdaConnection;
import io.lambdajca.api.LambdaConnectionFactory;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Makes one Lambda call through the connection factory named by {@code jndi} ({@code op} get, list or invoke) and
 * answers three lines: "OK" or the class of what was thrown, the milliseconds the call took (connection included),
 * and the result or the message.
 */
@WebServlet("/fault-call")
public class FaultCallServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setContentType("text/plain;charset=UTF-8");
        LambdaConnectionFactory factory;
        try {
            factory = (LambdaConnectionFactory) new InitialContext().lookup(req.getParameter("jndi"));
        } catch (NamingException e) {
            throw new IOException(e);
        }
        String op = req.getParameter("op");
        long start = System.nanoTime();
        String outcome;
        try (LambdaConnection c = factory.getConnection()) {
            Object result = switch (op) {
                case "get" -> c.getFunction("target").map(f -> f.name()).orElse("absent");
                case "list" -> c.listFunctions().size() + " function(s)";
                case "invoke" -> c.invoke(InvocationRequest.builder("target").payload("{}").build()).payloadAsString();
                default -> throw new IllegalArgumentException("op " + op);
            };
            outcome = "OK\n" + millis(start) + "\n" + result;
        } catch (RuntimeException e) { // anything at all, so that the test sees what escaped the API
            outcome = e.getClass().getName() + "\n" + millis(start) + "\n" + e.getMessage();
        }
        resp.getWriter().write(outcome);
    }

    private static long millis(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
