package io.lambdajca.samples.web;

import java.util.List;

import io.lambdajca.api.AccessDeniedException;
import io.lambdajca.api.ConnectionUnavailableException;
import io.lambdajca.api.EndpointUnavailableException;
import io.lambdajca.api.FunctionErrorException;
import io.lambdajca.api.FunctionNotFoundException;
import io.lambdajca.api.InvalidRequestException;
import io.lambdajca.api.LambdaException;
import io.lambdajca.api.PreconditionFailedException;
import io.lambdajca.api.ResourceConflictException;
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
        Kind kind = KINDS.stream().filter(k -> k.type.isInstance(e)).findFirst().orElse(SERVER_ERROR);
        return Response.status(kind.status).type(MediaType.APPLICATION_JSON)
                .entity(new Views.Problem(String.valueOf(e.getMessage()), kind.name)).build();
    }

    /** How one exception type is answered; the first match in {@link #KINDS} wins. */
    private static final class Kind {
        final Class<? extends Throwable> type;
        final int status;
        final String name;

        Kind(Class<? extends Throwable> type, int status, String name) {
            this.type = type;
            this.status = status;
            this.name = name;
        }
    }

    private static final Kind SERVER_ERROR = new Kind(Throwable.class, 500, "server-error");
    private static final List<Kind> KINDS = List.of(
            new Kind(InvalidRequestException.class, 400, "invalid-request"),
            new Kind(FunctionNotFoundException.class, 404, "not-found"),
            new Kind(ThrottledException.class, 429, "throttled"),
            new Kind(EndpointUnavailableException.class, 503, "unavailable"),
            new Kind(ConnectionUnavailableException.class, 503, "unavailable"),
            new Kind(AccessDeniedException.class, 502, "access-denied"),
            new Kind(FunctionErrorException.class, 502, "function-error"),
            new Kind(ResourceConflictException.class, 409, "conflict"),
            new Kind(PreconditionFailedException.class, 412, "changed"),
            new Kind(LambdaException.class, 502, "lambda-error"));
}
