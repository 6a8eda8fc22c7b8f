package io.lambdajca.ct;

import java.io.IOException;

import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Runs {@link BadInputs}' table in the server for a client-side test: answers the number of rows on the first line,
 * then one line per bad request that was not refused as it should be.
 */
@WebServlet("/bad-input")
public class BadInputServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    private LambdaCaller caller;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write(BadInputs.rows() + "\n" + String.join("\n", BadInputs.problems(caller)));
    }
}
