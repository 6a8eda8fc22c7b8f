package io.lambdajca.samples.web;

import io.lambdajca.api.AccessDeniedException;
import io.lambdajca.api.ConnectionUnavailableException;
import io.lambdajca.api.EndpointUnavailableException;
import io.lambdajca.api.FunctionErrorException;
import io.lambdajca.api.FunctionNotFoundException;
import io.lambdajca.api.InvalidRequestException;
import io.lambdajca.api.LambdaException;
import io.lambdajca.api.ThrottledException;
import jakarta.ejb.EJBException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Turns the connector's exceptions (wrapped or not by the EJB container) into readable JSON problems. */
@Provider
public class ProblemMapper implements ExceptionMapper<RuntimeException> {

    @Override
    public Response toResponse(RuntimeException thrown) {
        Throwable e = thrown instanceof EJBException && thrown.getCause() != null ? thrown.getCause() : thrown;
        if (e instanceof jakarta.ws.rs.WebApplicationException) {
            return ((jakarta.ws.rs.WebApplicationException) e).getResponse();
        }
        int status;
        String kind;
        if (e instanceof InvalidRequestException) {
            status = 400;
            kind = "invalid-request";
        } else if (e instanceof FunctionNotFoundException) {
            status = 404;
            kind = "not-found";
        } else if (e instanceof ThrottledException) {
            status = 429;
            kind = "throttled";
        } else if (e instanceof EndpointUnavailableException || e instanceof ConnectionUnavailableException) {
            status = 503;
            kind = "unavailable";
        } else if (e instanceof AccessDeniedException) {
            status = 502;
            kind = "access-denied";
        } else if (e instanceof FunctionErrorException) {
            status = 502;
            kind = "function-error";
        } else if (e instanceof LambdaException) {
            status = 502;
            kind = "lambda-error";
        } else {
            status = 500;
            kind = "server-error";
        }
        return Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(new Views.Problem(String.valueOf(e.getMessage()), kind)).build();
    }
}
