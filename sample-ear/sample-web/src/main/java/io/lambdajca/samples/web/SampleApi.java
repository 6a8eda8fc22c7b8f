package io.lambdajca.samples.web;

import java.util.List;
import java.util.Locale;

import io.lambdajca.api.InvalidRequestException;
import io.lambdajca.api.InvocationStream;
import io.lambdajca.api.InvocationType;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The JSON API the page uses. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SampleApi {

    @EJB
    FunctionCatalog catalog;

    @EJB
    VersionCatalog versions;

    @EJB
    StreamedReports reports;

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

    /**
     * Invokes a function with response streaming and answers its bytes as they arrive (plain text, chunked). A
     * failure before the function streams is a JSON problem like the other operations'; a failure after it began
     * breaks the response off before its end.
     */
    @POST
    @Path("functions/{name}/streams")
    @Produces(MediaType.TEXT_PLAIN + ";charset=utf-8")
    public Response stream(@PathParam("name") String name, Views.InvokeBody body) {
        InvocationStream stream = reports.open(name, body == null ? null : body.payload());
        return Response.ok(new ReportStreamOutput(stream))
                // nothing should hold the lines back: no cache or proxy (nginx honours X-Accel-Buffering), and no
                // browser sniffing the first bytes for their type
                .header(HttpHeaders.CACHE_CONTROL, "no-cache, no-transform")
                .header("X-Accel-Buffering", "no")
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }

    @DELETE
    @Path("functions/{name}")
    public boolean delete(@PathParam("name") String name) {
        return catalog.delete(name);
    }

    @GET
    @Path("functions/{name}/versions")
    public List<Views.Version> versions(@PathParam("name") String name) {
        return versions.versions(name);
    }

    @POST
    @Path("functions/{name}/versions")
    public Views.Published publish(@PathParam("name") String name, Views.PublishBody body) {
        return versions.publish(name, body == null ? null : body.description());
    }

    @GET
    @Path("functions/{name}/aliases")
    public List<Views.Alias> aliases(@PathParam("name") String name) {
        return versions.aliases(name);
    }

    @POST
    @Path("functions/{name}/aliases")
    public Views.Alias createAlias(@PathParam("name") String name, Views.AliasBody body) {
        if (body == null) {
            throw new InvalidRequestException(name, "an alias needs a name and a version");
        }
        return versions.createAlias(name, body.name(), body.version());
    }

    @PUT
    @Path("functions/{name}/aliases/{alias}/routing")
    public Views.Alias shift(@PathParam("name") String name, @PathParam("alias") String alias,
            Views.RoutingBody body) {
        if (body == null) {
            throw new InvalidRequestException(name, "a routing needs a version and a share");
        }
        return versions.shift(name, alias, body.version(), body.percent(), body.revisionId());
    }

    @POST
    @Path("functions/{name}/aliases/{alias}/runs")
    public List<Views.VersionRuns> run(@PathParam("name") String name, @PathParam("alias") String alias,
            Views.RunsBody body) {
        if (body == null) {
            throw new InvalidRequestException(name, "runs need a count");
        }
        return versions.run(name, alias, body.payload(), body.count());
    }

    @POST
    @Path("quote")
    public PricingFunctions.Quote quote(PricingFunctions.Order order) {
        return pricing.price(order);
    }
}
