package io.lambdajca.samples.web;

import java.util.List;
import java.util.Locale;

import io.lambdajca.api.InvalidRequestException;
import io.lambdajca.api.InvocationType;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The JSON API the page uses. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SampleApi {

    @EJB
    FunctionCatalog catalog;

    @Inject
    PricingFunctions pricing;

    @GET
    @Path("functions")
    public List<Views.Function> functions() {
        return catalog.list();
    }

    @POST
    @Path("functions/{name}/invocations")
    public Views.Invocation invoke(@PathParam("name") String name, Views.InvokeBody body) {
        String type = body == null || body.type() == null ? "RequestResponse" : body.type();
        InvocationType invocationType;
        switch (type.toLowerCase(Locale.ROOT)) {
            case "requestresponse": invocationType = InvocationType.REQUEST_RESPONSE; break;
            case "event": invocationType = InvocationType.EVENT; break;
            case "dryrun": invocationType = InvocationType.DRY_RUN; break;
            default: throw new InvalidRequestException(name, "invocation type '" + type + "' is not one of "
                    + "RequestResponse, Event, DryRun");
        }
        return catalog.invoke(name, body == null ? null : body.payload(), invocationType);
    }

    @DELETE
    @Path("functions/{name}")
    public boolean delete(@PathParam("name") String name) {
        return catalog.delete(name);
    }

    @POST
    @Path("quote")
    public PricingFunctions.Quote quote(PricingFunctions.Order order) {
        return pricing.price(order);
    }
}
