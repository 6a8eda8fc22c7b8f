package io.lambdajca.it;

import java.io.IOException;

import io.lambdajca.api.InvocationRequest;
import io.lambdajca.api.LambdaConnection;
import io.lambdajca.api.LambdaConnectionFactory;
import io.lambdajca.api.LambdaException;
import jakarta.annotation.Resource;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Invokes the echo function through the adapter and answers "OK" or the exception's class and message. */
@WebServlet("/invoke")
public class InvokeServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Resource(lookup = LambdaEnvironment.SHORT_TIMEOUT_JNDI)
    private LambdaConnectionFactory lambda;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setContentType("text/plain");
        try (LambdaConnection c = lambda.getConnection()) {
            String out = c.invoke(InvocationRequest.builder("echo").payload("{\"ping\":1}").build()).payloadAsString();
            resp.getWriter().write("OK " + out);
        } catch (LambdaException e) {
            resp.getWriter().write(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }
}
