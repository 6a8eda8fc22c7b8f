package io.lambdajca.samples.web;

import java.util.List;
import java.util.stream.Collectors;

import io.lambdajca.api.InvocationRequest;
import io.lambdajca.api.InvocationResult;
import io.lambdajca.api.InvocationType;
import io.lambdajca.api.LambdaConnection;
import io.lambdajca.api.LambdaConnectionFactory;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

/** The EJB behind the page: lists, invokes and deletes functions through the pooled connection factory. */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class FunctionCatalog {

    /** The application's reference (WEB-INF/web.xml), which each server binds to its connection factory. */
    @Resource(name = "lambda/Default")
    private LambdaConnectionFactory lambda;

    public List<Views.Function> list() {
        try (LambdaConnection connection = lambda.getConnection()) {
            return connection.listFunctions().stream().map(Views.Function::of).collect(Collectors.toList());
        }
    }

    public Views.Invocation invoke(String name, String payload, InvocationType type) {
        try (LambdaConnection connection = lambda.getConnection()) {
            InvocationResult result = connection.invoke(InvocationRequest.builder(name).payload(payload)
                    .invocationType(type).tailLog(type == InvocationType.REQUEST_RESPONSE).build());
            return Views.Invocation.of(result);
        }
    }

    public boolean delete(String name) {
        try (LambdaConnection connection = lambda.getConnection()) {
            return connection.deleteFunction(name);
        }
    }
}
