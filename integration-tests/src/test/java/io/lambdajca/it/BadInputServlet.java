package io.lambdajca.it;

import java.io.IOException;
import java.util.List;

import io.lambdajca.api.LambdaConnectionFactory;
import jakarta.annotation.Resource;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Runs {@link BadInputIT}'s table of bad inputs in the server for a client-side test: answers the number of rows on
 * the first line, then one line per input that was not refused as it should be.
 */
@WebServlet("/bad-input")
public class BadInputServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Resource(lookup = LambdaEnvironment.DEFAULT_JNDI)
    private LambdaConnectionFactory lambda;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setContentType("text/plain");
        List<String> problems = BadInputIT.problems(lambda);
        resp.getWriter().write(BadInputIT.rows() + "\n" + String.join("\n", problems));
    }
}
